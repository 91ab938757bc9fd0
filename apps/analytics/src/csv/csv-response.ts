import { Request, Response } from 'express';
import { CsvValue, toCsv } from './csv';

export const FORMATS = ['json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** A list as CSV: its columns and one row per line. */
export interface CsvTable {
  filename: string;
  columns: readonly string[];
  rows: Record<string, CsvValue>[];
}

/**
 * Answers with JSON, or with CSV when asked by `?format=csv` or an Accept header that prefers text/csv.
 * An explicit `format` wins over the header, so a plain link can download CSV.
 */
export function respond<T>(
  req: Request,
  res: Response,
  format: Format | undefined,
  body: T,
  table: (body: T) => CsvTable,
): T | string {
  const csv = format ? format === 'csv' : req.accepts(['application/json', 'text/csv']) === 'text/csv';
  res.vary('Accept');
  if (!csv) return body;
  const { filename, columns, rows } = table(body);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}.csv"`);
  return toCsv(columns, rows);
}
