import { Figure } from '../reconciliation/figure';
import { runningTotals } from './cumulative';

const figure = (...values: number[]): Figure => ({
  unit: 'CNY',
  status: values.length === 1 ? 'agreed' : 'conflict',
  value: values.length === 1 ? values[0] : null,
  qualifier: values.length === 1 ? 'exact' : null,
  candidates: values.map((value) => ({ value, qualifier: 'exact', sourceCount: 1, sources: [] })),
});

describe('runningTotals', () => {
  it('adds agreed figures and turns the total into a range from an edition in conflict on', () => {
    const totals = runningTotals([
      { year: 2031, figure: figure(73.5e9) },
      { year: 2032, figure: figure(108.62e9) },
      { year: 2033, figure: figure(112.4e9, 121.4e9) },
    ]);
    expect(totals.map((t) => t.value)).toEqual([73.5e9, 182.12e9, null]);
    expect(totals[2]).toMatchObject({ low: 182.12e9 + 112.4e9, high: 182.12e9 + 121.4e9 });
  });

  it('says which editions a total leaves out', () => {
    const totals = runningTotals([
      { year: 2031, figure: null },
      { year: 2032, figure: figure(1) },
    ]);
    expect(totals[1]).toMatchObject({ value: 1, missingYears: [2031] });
  });
});
