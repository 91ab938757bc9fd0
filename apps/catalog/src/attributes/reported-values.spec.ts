import { chooseValue, conflictsOf, reportsOf } from './reported-values';

describe('reported values', () => {
  it('keeps every value with the articles that reported it, the most reported first', () => {
    const city = chooseValue([
      { value: 'Chengdu', articleId: 'b' },
      { value: 'Yibin', articleId: 'a' },
      { value: 'Yibin', articleId: 'c' },
    ]);
    expect(city).toEqual({
      value: 'Yibin',
      values: [
        { value: 'Yibin', articles: ['a', 'c'] },
        { value: 'Chengdu', articles: ['b'] },
      ],
    });
    expect(conflictsOf({ city, name: chooseValue([{ value: 'x', articleId: 'a' }]) })).toEqual(['city']);
  });

  it('reads list fields item by item and skips articles that said nothing', () => {
    const reports = reportsOf(
      [
        { articleId: 'a', contribution: { hosts: ['x', 'y'], city: null } },
        { articleId: 'b', contribution: { hosts: ['x'], city: 'Yibin' } },
      ],
      (c) => c.hosts,
    );
    expect(chooseValue(reports).values).toEqual([
      { value: 'x', articles: ['a', 'b'] },
      { value: 'y', articles: ['a'] },
    ]);
  });
});
