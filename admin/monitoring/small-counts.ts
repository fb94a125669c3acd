/**
 * Counts about residents below this are shown as "< 5": in a wijk, three questions about
 * huiselijk geweld in one week can point at a household.
 */
export const MIN_SHOWN_COUNT = 5;
export const HIDDEN_COUNT = '< 5';

/** A table cell: what is shown (and written to CSV), and the number a chart may draw (null: hidden). */
export interface Cell {
  text: string;
  value: number | null;
  /** A shorter text for a chart's axis (`jan 2026` for `januari 2026`). */
  short?: string;
}

export const textCell = (text: string): Cell => ({ text, value: null });

/** A count about people: 0 and 5 or more as they are, 1 to 4 as "< 5". */
export function countCell(count: number): Cell {
  return count > 0 && count < MIN_SHOWN_COUNT
    ? { text: HIDDEN_COUNT, value: null }
    : { text: count.toLocaleString('nl-NL'), value: count };
}

/** A count about things (listings, organisations): nobody can be recognised, so always exact. */
export const exactCell = (count: number): Cell => ({ text: count.toLocaleString('nl-NL'), value: count });

/** A share of people, only when the whole is large enough to say something without pointing at anyone. */
export function shareCell(part: number, whole: number): Cell {
  if (whole < MIN_SHOWN_COUNT) return { text: '–', value: null };
  const percent = Math.round((part / whole) * 100);
  return { text: `${percent}%`, value: percent };
}
