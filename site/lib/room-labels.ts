import type { RoomView } from '#admin/listings/room.ts';
import { formatDate } from './format.ts';
import { ROOM_STATUS_LABELS } from './labels.ts';

/** Room as referrers read it: the status, its date, or that it is unknown since when. */
export function describeRoom(view: RoomView): string {
  if (view.state === 'none') return 'Niet aangegeven';
  const since = view.setAt ? formatDate(view.setAt) : '';
  if (view.state === 'unknown') return `Onbekend: niet bijgewerkt sinds ${since}`;
  const weeks =
    view.state === 'waiting-list' && view.waitWeeks
      ? `, ongeveer ${view.waitWeeks} ${view.waitWeeks === 1 ? 'week' : 'weken'}`
      : '';
  return `${ROOM_STATUS_LABELS[view.state]}${weeks} (bijgewerkt op ${since})`;
}

/** A badge's look: green for room, amber for a wait, red for none, grey when unknown. */
export function roomTone(view: RoomView): 'ok' | 'warning' | 'error' | 'neutral' {
  if (view.state === 'available') return 'ok';
  if (view.state === 'waiting-list') return 'warning';
  if (view.state === 'full' || view.state === 'closed') return 'error';
  return 'neutral';
}
