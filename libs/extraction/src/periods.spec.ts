import { findPeriods } from './periods';

const periods = (s: string, year: number | null = 2024, edition: number | null = 2024) =>
  findPeriods(s, year, edition).map((p) => p.period);

describe('findPeriods', () => {
  it.each([
    ['In 2023, sales reached 96 GWh', ['2023']],
    ['From January to July this year, output rose', ['2024-01..2024-07']],
    ['in the first half of 2024', ['2024-01..2024-06']],
    ['in the first seven months of 2023', ['2023-01..2023-07']],
    ['in the first quarter', ['2024-01..2024-03']],
    ['output last year', ['2023']],
    ['signed during the prior two sessions', ['2022..2023']],
    ['in the prior two editions, in 2022 and 2023', ['2022..2023', '2022..2023']],
    ['since 2019 the city has attracted', ['2019..2024']],
    ['In June alone', ['2024-06']],
    ['by the end of 2025', ['2025']],
  ])('reads "%s"', (text, expected) => {
    expect(periods(text)).toEqual(expected);
  });

  it('leaves relative periods unresolved without a reference year', () => {
    expect(periods('this year', null, null)).toEqual([]);
  });
});
