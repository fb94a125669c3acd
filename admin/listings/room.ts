import type { Listing, RoomStatus } from '../schemas/listing.ts';

/** A room status not updated for this long may no longer be true, and shows as unknown. */
export const ROOM_FRESH_DAYS = 30;

/**
 * What a listing's room status means today: `none` when the organisation does not say, `unknown`
 * when it said so more than 30 days ago.
 */
export interface RoomView {
  state: RoomStatus | 'unknown' | 'none';
  waitWeeks?: number;
  /** When it was set (also for `unknown`: since when nobody updated it). */
  setAt?: string;
}

export function roomView(listing: Pick<Listing, 'room' | 'roomSetAt'>, now: Date): RoomView {
  const { status, waitWeeks } = listing.room;
  const setAt = listing.roomSetAt;
  if (!status || !setAt) return { state: 'none' };
  const ageDays = (now.getTime() - new Date(setAt).getTime()) / (24 * 3600_000);
  if (ageDays > ROOM_FRESH_DAYS) return { state: 'unknown', setAt };
  return { state: status, setAt, ...(waitWeeks === undefined ? {} : { waitWeeks }) };
}

/** When a room status stops counting and shows as unknown. */
export function roomNoticeEndsAt(view: RoomView): Date | undefined {
  return view.setAt ? new Date(new Date(view.setAt).getTime() + ROOM_FRESH_DAYS * 24 * 3600_000) : undefined;
}

/**
 * What residents are told: a waiting list or a temporary closure, in plain words. "Vol" and
 * "plek" are for referrers, who act on them; a resident can still call and be put on a list.
 */
export function roomNoticeForResidents(view: RoomView): string | undefined {
  if (view.state === 'waiting-list')
    return view.waitWeeks
      ? `Er is een wachtlijst. Je wacht ongeveer ${view.waitWeeks} ${view.waitWeeks === 1 ? 'week' : 'weken'}.`
      : 'Er is een wachtlijst. Vraag de organisatie hoe lang je moet wachten.';
  if (view.state === 'closed')
    return 'Dit aanbod is tijdelijk gesloten. Neem contact op om te vragen wanneer het weer open is.';
  return undefined;
}
