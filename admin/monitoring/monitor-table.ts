import type { Cell } from './small-counts.ts';

/**
 * One table of the monitor: what the page shows, what its chart draws and what its CSV holds,
 * from the same cells, so the three can never disagree.
 */
export interface MonitorTable {
  /** Stable name in URLs: `/beheer/monitor/vragen-per-periode.csv`. */
  id: string;
  caption: string;
  columns: { label: string; numeric: boolean }[];
  /** The first cell of a row names it (a period, a leefgebied, a word). */
  rows: Cell[][];
  /** Explains the signs in the table ("< 5", "–") in a sentence. */
  note?: string;
  /** Which column a chart draws, when the table has a chart. */
  chart?: { column: number; kind: 'columns' | 'bars'; title: string; unit: string };
}
