import { FactRecord, ParsedArticleEventV1 } from '@app/contracts';
import { keyChanges, planContribution } from './contribution-plan';

const ARTICLE = 'c'.repeat(32);
const EVIDENCE = 'Investors signed 151 projects worth 108.62 billion yuan (about 15.3 billion U.S. dollars).';

const fact = (over: Partial<FactRecord>): FactRecord => ({
  metric: 'investment.amount',
  value: 108.62e9,
  unit: 'CNY',
  qualifier: 'exact',
  subject: '2032 edition signed projects',
  period: '2032',
  evidence: EVIDENCE,
  ...over,
});

const event = (facts: FactRecord[], parserVersion = '1.0.0'): ParsedArticleEventV1 =>
  ({
    schemaVersion: 1,
    articleId: ARTICLE,
    title: 'Battery conference in Yibin closes with record deal haul',
    publishedAt: '2032-09-08',
    source: 'Harbour Business Wire',
    url: null,
    bodyHash: 'd'.repeat(64),
    parserVersion,
    ingestedAt: '2032-09-08T10:00:00.000Z',
    record: { publishedAt: '2032-09-08', editions: [], organisations: [], people: [], exhibits: [], facts },
  }) as ParsedArticleEventV1;

const cny = fact({});
const usd = fact({ value: 15.3e9, unit: 'USD', qualifier: 'approx' });
const projects = fact({ metric: 'investment.projects', value: 151, unit: 'projects' });
const share = fact({ metric: 'other', value: 3, unit: 'percent', subject: 'figure' });

describe('planContribution', () => {
  it('plans the observations of a new article, each joining its metric key', () => {
    const plan = planContribution(event([cny, usd, projects, share]), null)!;
    expect(plan.observations.map((o) => o._id)).toEqual([0, 1, 2, 3].map((i) => `${ARTICLE}:${i}`));
    expect(plan.joins.map((j) => j.key)).toEqual([
      'investment.amount|2032|edition:2032',
      'investment.amount|2032|edition:2032',
      'investment.projects|2032|edition:2032',
    ]);
    expect(plan.leaves).toEqual([]);
    expect(plan.staleObservationIds).toEqual([]);
    // A yuan figure and its dollar equivalent in one sentence state the article's exchange rate.
    expect(plan.contribution.pairs).toHaveLength(1);
    expect(plan.contribution.pairs[0].cnyPerUsd).toBeCloseTo(7.1, 2);
  });

  it('plans nothing for an event that would write the same again', () => {
    const first = planContribution(event([cny, usd, projects]), null)!;
    expect(planContribution(event([cny, usd, projects]), first.contribution)).toBeNull();
  });

  it('takes back what a previous version contributed and the new one does not', () => {
    const first = planContribution(event([cny, usd, projects]), null)!;
    // The re-parse no longer reads the amounts: projects moves to position 0.
    const second = planContribution(event([projects], '2.0.0'), first.contribution)!;
    expect(second.leaves).toEqual([
      { key: 'investment.amount|2032|edition:2032', observationId: `${ARTICLE}:0` },
      { key: 'investment.amount|2032|edition:2032', observationId: `${ARTICLE}:1` },
      { key: 'investment.projects|2032|edition:2032', observationId: `${ARTICLE}:2` },
    ]);
    expect(second.joins.map((j) => [j.key, j.source.observationId])).toEqual([
      ['investment.projects|2032|edition:2032', `${ARTICLE}:0`],
    ]);
    expect(second.staleObservationIds).toEqual([`${ARTICLE}:1`, `${ARTICLE}:2`]);
    expect(second.touched.map((t) => t.edition)).toContain(2032);
  });

  it('gathers a batch into one change per key', () => {
    const first = planContribution(event([cny, usd, projects]), null)!;
    const changes = keyChanges([first]);
    expect([...changes.keys()]).toEqual([
      'investment.amount|2032|edition:2032',
      'investment.projects|2032|edition:2032',
    ]);
    expect(Object.keys(changes.get('investment.amount|2032|edition:2032')!.joins)).toEqual([
      `${ARTICLE}:0`,
      `${ARTICLE}:1`,
    ]);
  });
});
