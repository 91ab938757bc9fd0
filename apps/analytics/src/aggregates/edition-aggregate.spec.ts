import { Figure } from '../reconciliation/figure';
import { ReconciledValue } from '../reconciliation/reconcile';
import { buildEdition } from './edition-aggregate';
import { statedPairs } from './usd-derivation';

const figure = (unit: Figure['unit'], value: number, articleId = 'a'.repeat(32)): Figure => ({
  unit,
  status: 'agreed',
  value,
  qualifier: 'exact',
  candidates: [
    {
      value,
      qualifier: 'exact',
      sourceCount: 1,
      sources: [
        {
          observationId: `${articleId}:0`,
          articleId,
          title: 't',
          source: 's',
          publishedAt: '2032-09-08',
          evidence: 'e',
          subject: 'x',
          value,
          unit,
          qualifier: 'exact',
        },
      ],
    },
  ],
});

const value = (metric: ReconciledValue['metric'], tokens: string, figures: Figure[]): ReconciledValue => ({
  key: `${metric}|2032|${tokens}`,
  metric,
  series: `${metric}|${tokens}`,
  period: '2032',
  edition: 2032,
  subject: 'x',
  status: 'agreed',
  figures,
});

describe('buildEdition', () => {
  it('collects an edition’s projects, investment, attendance and expected jobs', () => {
    const edition = buildEdition(
      2032,
      [
        value('investment.projects', 'edition:2032', [figure('projects', 151)]),
        value('investment.amount', 'edition:2032', [figure('CNY', 108.62e9), figure('USD', 15.3e9)]),
        value('attendance.people', 'edition:2032', [figure('people', 1600)]),
        value('employment.jobs', 'edition:2032+forecast', [figure('jobs', 42000)]),
      ],
      [],
    )!;
    expect(edition.projects?.value).toBe(151);
    expect(edition.investmentCny?.value).toBe(108.62e9);
    expect(edition.investmentUsd).toMatchObject({ value: 15.3e9, derived: false });
    expect(edition.attendance?.value).toBe(1600);
    expect(edition.jobs?.value).toBe(42000);
    expect(edition.investmentCny?.key).toBe('investment.amount|2032|edition:2032');
  });

  it('derives the dollar value only when no article states one', () => {
    const pairArticle = 'a'.repeat(32);
    const pairs = statedPairs([
      {
        ...figure('CNY', 6.3e9).candidates[0].sources[0],
        observationId: `${pairArticle}:7`,
        key: 'k',
        evidence: 'p',
      },
      {
        ...figure('USD', 0.9e9).candidates[0].sources[0],
        observationId: `${pairArticle}:8`,
        key: 'k',
        evidence: 'p',
      },
    ]);
    const edition = buildEdition(
      2032,
      [value('investment.amount', 'edition:2032', [figure('CNY', 73.5e9)])],
      pairs,
    )!;
    expect(edition.investmentUsd).toMatchObject({ value: 10.5e9, derived: true });
  });

  it('is null when nothing is left of an edition', () => {
    expect(buildEdition(2032, [], [])).toBeNull();
  });
});
