import { addDays } from '#admin/hours/amsterdam-time.ts';
import type { OpeningState, Slot } from '#admin/hours/opening-hours.ts';
import { formatDate, formatOccurrenceDate, formatTimeRange } from './format.ts';

const clock = (time: string) => time.replace(/^0(\d)/, '$1').replace(':', '.');
const weekdayName = (date: string) => formatOccurrenceDate(date).split(' ')[0] ?? '';

/** `vandaag`, `morgen`, `dinsdag` within a week, else `maandag 4 januari`. */
export function dayWord(date: string, today: string): string {
  if (date === today) return 'vandaag';
  if (date === addDays(today, 1)) return 'morgen';
  if (date <= addDays(today, 6)) return weekdayName(date);
  return formatOccurrenceDate(date);
}

/** `vandaag 10.00 tot 12.00 uur` */
export function slotText(slot: Slot, today: string): string {
  return `${dayWord(slot.date, today)} ${formatTimeRange(slot.opens, slot.closes)}`;
}

/**
 * "Nu open · tot 12.00 uur", or "Nu gesloten · opent maandag 9.00", with the reason on a public
 * holiday or an own closing period. Undefined when there are no fixed times.
 */
export function openingText(state: OpeningState): { open: boolean; text: string } | undefined {
  if (state.status === 'unknown') return undefined;
  if (state.status === 'open') return { open: true, text: `Nu open · tot ${clock(state.slot.closes)} uur` };
  const why =
    state.reason?.kind === 'holiday'
      ? `Vandaag gesloten (${state.reason.name})`
      : state.reason?.kind === 'closure'
        ? `Gesloten tot en met ${formatDate(state.reason.until).replace(/ \d{4}$/, '')}${state.reason.note ? ` (${state.reason.note})` : ''}`
        : 'Nu gesloten';
  const next = state.next
    ? ` · opent ${dayWord(state.next.date, state.today)} ${clock(state.next.opens)}`
    : '';
  return { open: false, text: `${why}${next}` };
}
