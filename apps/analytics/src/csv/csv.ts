import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * CSV as RFC 4180 writes it (CRLF line ends, a header row, quoting where needed), by csv-stringify.
 *
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: the
 * sentences come from articles anyone can submit, and analysts open these files in spreadsheets.
 */
export function toCsv(columns: readonly string[], rows: Record<string, CsvValue>[]): string {
  return stringify(rows, {
    header: true,
    columns: [...columns],
    record_delimiter: 'windows',
    escape_formulas: true,
    // csv-stringify writes true as 1 and false as an empty cell by default.
    cast: { boolean: (value) => String(value) },
  });
}
