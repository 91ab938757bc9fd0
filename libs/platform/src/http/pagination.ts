import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Model } from 'mongoose';
import { validationFailed } from './validation-failed';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** Paging parameters every list takes. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque: the nextCursor of the previous page.' })
  @IsOptional()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor returned by this list' })
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** Lists are ordered by id; a cursor is the last id of a page, wrapped so clients do not build their own. */
export function encodeCursor(after: string | number): string {
  return Buffer.from(JSON.stringify({ after })).toString('base64url');
}

export function decodeCursor<T extends string | number>(cursor: string, kind: 'string' | 'number'): T {
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof after === kind) return after as T;
  } catch {
    // falls through to the 400 below
  }
  throw validationFailed({ cursor: ['cursor must be a nextCursor returned by this list'] });
}

/** The `_id` condition for the page after the cursor, if there is one. */
export function afterCursor(query: PageQuery, kind: 'string' | 'number'): Record<string, unknown> {
  return query.cursor ? { _id: { $gt: decodeCursor(query.cursor, kind) } } : {};
}

export const limitOf = (query: PageQuery): number => query.limit ?? DEFAULT_LIMIT;

/** Turns the `limit + 1` documents read into a page: the extra one only says that there is a next page. */
export function toPage<D extends { _id: string | number }, T>(
  docs: D[],
  limit: number,
  view: (doc: D) => T,
): Page<T> {
  const items = docs.slice(0, limit);
  return {
    items: items.map(view),
    nextCursor: docs.length > limit ? encodeCursor(items[items.length - 1]._id) : null,
  };
}

/**
 * One page of a list ordered by `_id`: the documents matching `filter` after the query's cursor,
 * reading one more than the limit to know whether a next page exists.
 */
export async function findPage<D extends { _id: string | number }>(
  model: Model<D>,
  filter: Record<string, unknown>,
  query: PageQuery,
  idKind: 'string' | 'number',
  projection?: Record<string, 0>,
): Promise<Page<D>> {
  const limit = limitOf(query);
  const docs = (await model
    .find({ ...filter, ...afterCursor(query, idKind) }, projection)
    .sort({ _id: 1 })
    .limit(limit + 1)
    .lean()) as D[];
  return toPage(docs, limit, (doc) => doc);
}
