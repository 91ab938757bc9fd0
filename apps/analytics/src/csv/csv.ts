/**
 * CSV as RFC 4180 writes it: CRLF line ends, a header row, and fields quoted when they hold a comma,
 * a quote, a line break or edge spaces, with quotes doubled. Evidence sentences hold all of those.
 *
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: the
 * sentences come from articles anyone can submit, and analysts open these files in spreadsheets.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function toCsv(columns: readonly string[], rows: Record<string, CsvValue>[]): string {
  const lines = [columns.map(field), ...rows.map((row) => columns.map((c) => field(row[c])))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
