import { findDates, normaliseDate, weekdayOnOrAfter, weekdayOnOrBefore } from './dates';

describe('dates', () => {
  it('normalises the common spellings of a date', () => {
    expect(normaliseDate('2024-09-03T08:00:00Z')).toBe('2024-09-03');
    expect(normaliseDate('Sept. 3, 2024')).toBe('2024-09-03');
    expect(normaliseDate('3 September 2024')).toBe('2024-09-03');
    expect(normaliseDate('July 24, 2022')).toBe('2022-07-24');
    expect(normaliseDate('soon')).toBeNull();
  });

  it('resolves weekdays against a reference date', () => {
    expect(weekdayOnOrBefore('2024-09-03', 'Sunday')).toBe('2024-09-01');
    expect(weekdayOnOrBefore('2024-09-01', 'Sunday')).toBe('2024-09-01');
    expect(weekdayOnOrAfter('2025-08-29', 'Saturday')).toBe('2025-08-30');
  });

  it.each([
    ['held from July 21 to 23', 2022, '2022-07-21', '2022-07-23'],
    ['from Aug. 31 to Sept. 2 here', 2024, '2024-08-31', '2024-09-02'],
    ['On September 1-2, the conference', 2024, '2024-09-01', '2024-09-02'],
    ['held on September 1 and 2', 2024, '2024-09-01', '2024-09-02'],
    ['from 21-23 July 2022', null, '2022-07-21', '2022-07-23'],
  ])('reads the range in "%s"', (text, year, start, end) => {
    expect(findDates(text, year, null)[0]).toMatchObject({ start, end });
  });

  it('reads single dates and weekdays', () => {
    const spans = findDates('It opened on Sunday and closes on Sept. 3, 2024.', 2024, '2024-09-02');
    expect(spans.map((s) => s.start)).toEqual(['2024-09-01', '2024-09-03']);
  });
});
