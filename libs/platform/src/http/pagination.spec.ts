import { BadRequestException } from '@nestjs/common';
import { afterCursor, decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursors', () => {
  it('round-trips the last id of a page, string or number', () => {
    expect(decodeCursor(encodeCursor('catl'), 'string')).toBe('catl');
    expect(decodeCursor(encodeCursor(2024), 'number')).toBe(2024);
    expect(encodeCursor('catl')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['not base64 json', 'bm90IGpzb24'],
    ['a cursor of another list', encodeCursor(2024)],
    ['an object smuggled in', Buffer.from(JSON.stringify({ after: { $gt: '' } })).toString('base64url')],
  ])('answers %s with a 400 naming the cursor', (_, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor, 'string');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).getResponse()).toMatchObject({
      fields: { cursor: expect.any(Array) },
    });
  });

  it('pages with one document more than the limit', () => {
    const docs = [{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }];
    const page = toPage(docs, 2, (d) => d._id);
    expect(page).toEqual({ items: ['a', 'b'], nextCursor: encodeCursor('b') });
    expect(afterCursor({ cursor: page.nextCursor! }, 'string')).toEqual({ _id: { $gt: 'b' } });
    expect(toPage(docs, 3, (d) => d._id).nextCursor).toBeNull();
  });
});
