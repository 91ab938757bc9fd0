import { Figure } from '../reconciliation/figure';
import { ReconciledValue } from '../reconciliation/reconcile';
import { aggregatedSeriesOf, buildSeries, growthSeriesOf, yearEarlier } from './series-aggregate';

const figure = (unit: Figure['unit'], value: number, status: Figure['status'] = 'agreed'): Figure => ({
  unit,
  status,
  value: status === 'agreed' ? value : null,
  qualifier: status === 'agreed' ? 'exact' : null,
  candidates: [{ value, qualifier: 'exact', sourceCount: 0, sources: [] }],
});

const point = (
  series: string,
  period: string,
  f: Figure,
  subject = 'China NEV production',
): ReconciledValue => ({
  key: `${series.split('|')[0]}|${period}|${series.split('|')[1]}`,
  metric: series.split('|')[0] as ReconciledValue['metric'],
  series,
  period,
  edition: null,
  subject,
  status: f.status,
  figures: [f],
});

describe('series aggregates', () => {
  const production = 'production.units|china+nev';
  const growth = 'growth.yoy_percent|china+nev+production';

  it('links a production series and the growth rates stated for it', () => {
    expect(growthSeriesOf(production)).toBe(growth);
    expect(aggregatedSeriesOf(growth)).toEqual([production]);
    expect(aggregatedSeriesOf(production)).toEqual([production]);
    expect(aggregatedSeriesOf('market.share_percent|catl')).toEqual([]);
    expect(aggregatedSeriesOf(`capacity.gwh|@${'a'.repeat(32)}`)).toEqual([]);
  });

  it('computes year-on-year growth from two agreed years and keeps the stated rate beside it', () => {
    const aggregate = buildSeries(
      production,
      [
        point(production, '2032', figure('vehicles', 21.3e6)),
        point(production, '2031', figure('vehicles', 19e6)),
      ],
      [point(growth, '2032', figure('percent', 12.1))],
    )!;
    expect(aggregate.scope).toBe('China');
    expect(
      aggregate.points.map((p) => [p.period, p.figure.value, p.yoyPercent, p.statedYoy?.value ?? null]),
    ).toEqual([
      ['2031', 19e6, null, null],
      ['2032', 21.3e6, 12.11, 12.1],
    ]);
  });

  it('computes no growth against a year in conflict', () => {
    const aggregate = buildSeries(
      production,
      [
        point(production, '2031', figure('vehicles', 19e6, 'conflict')),
        point(production, '2032', figure('vehicles', 21.3e6)),
      ],
      [],
    )!;
    expect(aggregate.points[1].yoyPercent).toBeNull();
  });

  it('compares a part of a year with the same part a year earlier', () => {
    expect(yearEarlier('2024-01..2024-06')).toBe('2023-01..2023-06');
  });
});
