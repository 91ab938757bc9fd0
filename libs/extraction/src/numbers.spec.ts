import { findQuantities } from './numbers';

const quantities = (s: string) =>
  findQuantities(s, () => false).map(({ value, unit, qualifier, equivalent }) => ({
    value,
    unit,
    qualifier,
    equivalent,
  }));

describe('findQuantities', () => {
  it('reads scales, currencies and restated equivalents', () => {
    expect(quantities('with 96.2 billion yuan ($14.2 billion) in investment')).toEqual([
      { value: 96_200_000_000, unit: 'CNY', qualifier: 'exact', equivalent: false },
      { value: 14_200_000_000, unit: 'USD', qualifier: 'exact', equivalent: true },
    ]);
    expect(quantities('95.25 billion yuan, which is approximately 13.4 billion dollars')[1]).toEqual({
      value: 13_400_000_000,
      unit: 'USD',
      qualifier: 'approx',
      equivalent: true,
    });
    expect(quantities('RMB 18.6 billion and US$1.1 bn')).toMatchObject([
      { value: 18_600_000_000, unit: 'CNY' },
      { value: 1_100_000_000, unit: 'USD' },
    ]);
  });

  it('reads hedge words as qualifiers', () => {
    expect(quantities('nearly 400 industry experts').map((q) => q.qualifier)).toEqual(['nearly']);
    expect(quantities('exceeded 100 billion yuan').map((q) => q.qualifier)).toEqual(['over']);
    expect(quantities('accounting for over 15% of China').map((q) => q.qualifier)).toEqual(['over']);
    expect(quantities('less than 50%').map((q) => q.qualifier)).toEqual(['under']);
    expect(quantities('about 3,000 jobs').map((q) => q.qualifier)).toEqual(['approx']);
  });

  it('reads energy units into GWh', () => {
    expect(
      quantities('an annual output of 235 gigawatt-hours, 500 MWh and 1.2 TWh').map((q) => q.value),
    ).toEqual([235, 0.5, 1200]);
  });

  it('takes the unit from the last counted noun after the number', () => {
    expect(
      quantities('48 power battery and new energy vehicle auxiliary projects were signed'),
    ).toMatchObject([{ value: 48, unit: 'projects' }]);
    expect(quantities('9.587 million vehicles and 20,000 jobs')).toMatchObject([
      { value: 9_587_000, unit: 'vehicles' },
      { value: 20_000, unit: 'jobs' },
    ]);
  });

  it('skips years, model names and unknown nouns as facts', () => {
    expect(quantities('In 2023, the 800V system held 6 meetings')).toEqual([
      { value: 6, unit: 'other', qualifier: 'exact', equivalent: false },
    ]);
  });
});
