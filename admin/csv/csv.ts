/**
 * CSV as RFC 4180 writes it: fields with the delimiter, a quote or a line break are quoted, quotes
 * doubled, lines end in CRLF.
 */
export interface CsvOptions {
  delimiter?: ',' | ';';
  /**
   * Prefix text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) with an
   * apostrophe. For files people open in Excel that hold words others typed, such as search words.
   */
  protectFormulas?: boolean;
  /** Start with a byte order mark, so Excel reads the file as UTF-8. */
  byteOrderMark?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(
  value: string | number | boolean | null | undefined,
  options: CsvOptions = {},
): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (options.protectFormulas && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  const delimiter = options.delimiter ?? ',';
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows.map((row) => row.map((value) => csvField(value, options)).join(delimiter)).join('\r\n');
  return `${options.byteOrderMark ? '\uFEFF' : ''}${body}\r\n`;
}
