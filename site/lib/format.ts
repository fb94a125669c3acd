import { WEEKDAYS, type Weekday, type WeeklyRule } from '#admin/schemas/fields.ts';
import { WEEKDAY_LABELS } from './labels.ts';

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const occurrenceFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

/** `2026-03-01` → `1 maart 2026`. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** `2026-12-03` → `donderdag 3 december`. */
export function formatOccurrenceDate(isoDate: string): string {
  return occurrenceFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** `09:00`–`12:30` → `9.00 tot 12.30 uur`, the way Dutch readers expect times. */
export function formatTimeRange(from: string, to: string): string {
  const clock = (time: string) => time.replace(/^0(\d)/, '$1').replace(':', '.');
  return `${clock(from)} tot ${clock(to)} uur`;
}

/** Days of a weekly rule as words; consecutive runs of 3+ days become `maandag tot en met vrijdag`. */
export function formatDays(days: readonly Weekday[]): string {
  const sorted = WEEKDAYS.filter((day) => days.includes(day));
  const indexes = sorted.map((day) => WEEKDAYS.indexOf(day));
  const consecutive = indexes.every(
    (index, position) => position === 0 || index === (indexes[position - 1] ?? -2) + 1,
  );
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (consecutive && sorted.length >= 3 && first && last)
    return `${WEEKDAY_LABELS[first]} tot en met ${WEEKDAY_LABELS[last]}`;
  const names = sorted.map((day) => WEEKDAY_LABELS[day]);
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`
    : (names[0] ?? '');
}

export function formatWeeklyRule(rule: WeeklyRule): string {
  return `${capitalise(formatDays(rule.days))}: ${formatTimeRange(rule.opens, rule.closes)}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `0180-451234` → `tel:+31180451234`, so phones dial it from anywhere; short numbers stay as they are. */
export function phoneHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  if (digits.startsWith('0') && !/^0800|^0900/.test(digits) && digits.length === 10)
    return `tel:+31${digits.slice(1)}`;
  return `tel:${digits}`;
}

/** Website link text without the protocol, e.g. `karaat.example/mantelzorg`. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** `0.43` → `450 meter`, `2.37` → `2,4 km`: precise enough to choose, not more. */
export function formatDistance(km: number): string {
  return km < 1
    ? `${Math.max(50, Math.round((km * 1000) / 50) * 50)} meter`
    : `${km.toFixed(1).replace('.', ',')} km`;
}

/**
 * An e-mail address in the pieces between which a line may break: before a dot or the @, after
 * a hyphen. So `jgt.drievliet-rijsoord@gemeente.example` wraps at its punctuation, never
 * in the middle of a word.
 */
export function emailParts(email: string): string[] {
  return email.split(/(?=[.@])|(?<=-)/).filter((part) => part !== '');
}

/** A Dutch phone number as people write it in running text: 0180-451234, 0800-2000, 06 12345678. */
export const PHONE_IN_TEXT = /\b(?:0\d{2,3}-\d{6,7}|0[89]00-\d{4}|06[ -]?\d{8})\b/g;
