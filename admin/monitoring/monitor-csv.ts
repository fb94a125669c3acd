import { toCsv } from '../csv/csv.ts';
import type { MonitorTable } from './monitor-table.ts';

/**
 * A monitor table as the CSV people open in Excel: exactly the table on the page (its header, its
 * cells as shown, "< 5" included), semicolons as Dutch Excel expects, UTF-8 with a byte order mark,
 * and words residents typed never run as formulas.
 */
export function monitorTableCsv(table: MonitorTable): string {
  return toCsv(
    [table.columns.map((column) => column.label), ...table.rows.map((row) => row.map((cell) => cell.text))],
    { delimiter: ';', protectFormulas: true, byteOrderMark: true },
  );
}
