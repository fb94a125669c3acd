import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { toCsv } from '#admin/csv/csv.ts';

it('quotes what needs quoting, so a CSV parser reads back the same values', () => {
  const rows = [
    ['naam', 'tekst', 'getal'],
    ['Koffie, thee', 'zei "hallo"', 3],
    ['twee\nregels', '', 0],
  ];
  const csv = toCsv(rows);
  expect(csv.endsWith('\r\n')).toBe(true);
  expect(parse(csv)).toEqual(rows.map((row) => row.map(String)));
});

it('uses semicolons and a byte order mark for Excel, and keeps typed words from running as formulas', () => {
  const csv = toCsv(
    [
      ['woord', 'aantal'],
      ['=HYPERLINK("x")', '< 5'],
      ['-1', 7],
    ],
    { delimiter: ';', protectFormulas: true, byteOrderMark: true },
  );
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(parse(csv, { delimiter: ';', bom: true })).toEqual([
    ['woord', 'aantal'],
    ['\'=HYPERLINK("x")', '< 5'],
    ["'-1", '7'],
  ]);
});
