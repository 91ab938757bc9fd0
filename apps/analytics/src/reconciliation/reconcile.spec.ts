import { Report, SourceRef } from './figure';
import { KeyFields, reconcile, withSources } from './reconcile';

const KEY = 'investment.amount|2032|edition:2032';
const FIELDS: KeyFields = {
  metric: 'investment.amount',
  series: 'investment.amount|edition:2032',
  period: '2032',
  edition: 2032,
};

let n = 0;
/** A report under a fresh observation id, and the id. */
const report = (over: Partial<Report> = {}): [string, Report] => {
  n++;
  return [
    `${String(n).padStart(32, '0')}:0`,
    {
      publishedAt: '2032-09-08',
      subject: '2032 edition signed projects',
      value: 108.62e9,
      unit: 'CNY',
      qualifier: 'exact',
      ...over,
    },
  ];
};
const reports = (...entries: [string, Report][]) => Object.fromEntries(entries);

describe('reconcile', () => {
  it('makes reports that agree one fact with every source, never a sum', () => {
    const a = report({ value: 108.62e9 });
    const b = report({
      value: 108.6e9,
      publishedAt: '2032-09-09',
      subject: 'signed projects at the 2032 conference',
    });
    const value = reconcile(KEY, FIELDS, reports(b, a));
    expect(value.status).toBe('agreed');
    expect(value.figures).toHaveLength(1);
    const [cny] = value.figures;
    expect(cny).toMatchObject({ unit: 'CNY', status: 'agreed', value: 108.62e9, qualifier: 'exact' });
    expect(cny.candidates).toHaveLength(1);
    // Earliest published first.
    expect(cny.candidates[0].sourceIds).toEqual([a[0], b[0]]);
  });

  it('keeps a stated dollar equivalent as a second figure of the same fact', () => {
    const cny = report();
    const usd = report({ value: 15.3e9, unit: 'USD', qualifier: 'approx' });
    const value = reconcile(KEY, FIELDS, reports(usd, cny));
    expect(value.status).toBe('agreed');
    expect(value.figures.map((f) => [f.unit, f.value])).toEqual([
      ['CNY', 108.62e9],
      ['USD', 15.3e9],
    ]);
  });

  it('keeps reports that disagree as a conflict with each value and its sources', () => {
    const low = report({ value: 112.4e9 });
    const high = report({ value: 121.4e9 });
    const value = reconcile(KEY, FIELDS, reports(high, low));
    expect(value.status).toBe('conflict');
    const [cny] = value.figures;
    expect(cny.value).toBeNull();
    expect(cny.candidates.map((c) => [c.value, c.sourceIds])).toEqual([
      [112.4e9, [low[0]]],
      [121.4e9, [high[0]]],
    ]);
  });

  it('gives the same result whatever order the reports come in', () => {
    const all = [report(), report({ value: 108.6e9 }), report({ value: 99e9 })];
    expect(reconcile(KEY, FIELDS, reports(...[...all].reverse()))).toEqual(
      reconcile(KEY, FIELDS, reports(...all)),
    );
  });

  it('labels the value with the wording most sources use', () => {
    const value = reconcile(KEY, FIELDS, reports(report({ subject: 'x' }), report(), report()));
    expect(value.subject).toBe('2032 edition signed projects');
  });

  it('shows the earliest sources of a much-reported figure and counts them all', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      report({ publishedAt: `2032-09-${String(i + 1).padStart(2, '0')}` }),
    );
    const sourceOf = (id: string) => ({ observationId: id }) as SourceRef;
    const [cny] = withSources(reconcile(KEY, FIELDS, reports(...many)), sourceOf).figures;
    expect(cny.candidates[0].sourceCount).toBe(30);
    expect(cny.candidates[0].sources.map((s) => s.observationId)).toEqual(
      many.slice(0, 20).map(([id]) => id),
    );
  });
});
