import { Figure, SourceRef } from '../reconciliation/figure';
import { deriveUsd, statedPairs } from './usd-derivation';

const ARTICLE = 'a'.repeat(32);
const source = (over: Partial<SourceRef> & { key?: string | null }) => ({
  observationId: `${ARTICLE}:0`,
  articleId: ARTICLE,
  title: 'Yibin battery fair ends with 88 signed projects',
  source: 'Western China Herald',
  publishedAt: '2031-09-12',
  evidence: 'The company will invest 6.3 billion yuan, or about 900 million U.S. dollars, in the plant.',
  subject: 'investment (forecast)',
  value: 6.3e9,
  unit: 'CNY' as const,
  qualifier: 'exact' as const,
  key: `investment.amount|-|forecast@${ARTICLE}`,
  ...over,
});

const agreedCny = (value: number, articleId = ARTICLE): Figure => ({
  unit: 'CNY',
  status: 'agreed',
  value,
  qualifier: 'exact',
  candidates: [{ value, qualifier: 'exact', sourceCount: 1, sources: [source({ articleId, value })] }],
});

describe('USD derivation', () => {
  const pair = [
    source({}),
    source({ observationId: `${ARTICLE}:1`, value: 0.9e9, unit: 'USD', qualifier: 'approx' }),
  ];

  it('reads the rate from a yuan and a dollar figure stated in one sentence', () => {
    const [found] = statedPairs(pair);
    expect(found.cnyPerUsd).toBeCloseTo(7, 10);
    expect(found.cny.evidence).toContain('900 million U.S. dollars');
  });

  it('ignores a sentence with several amounts in one currency', () => {
    const ambiguous = [...pair, source({ observationId: `${ARTICLE}:2`, value: 2e9 })];
    expect(statedPairs(ambiguous)).toEqual([]);
  });

  it('converts an agreed yuan figure at the rate its own source article implies, and marks it derived', () => {
    const usd = deriveUsd(agreedCny(73.5e9), statedPairs(pair))!;
    expect(usd).toMatchObject({ unit: 'USD', value: 10.5e9, qualifier: 'approx', derived: true });
    expect(usd.rate.cnyPerUsd).toBeCloseTo(7, 10);
    expect(usd.rate.source.articleId).toBe(ARTICLE);
  });

  it('does not convert with a rate from another article', () => {
    expect(deriveUsd(agreedCny(73.5e9, 'b'.repeat(32)), statedPairs(pair))).toBeNull();
  });

  it('does not convert a figure in conflict', () => {
    const conflict: Figure = { ...agreedCny(73.5e9), status: 'conflict', value: null, qualifier: null };
    expect(deriveUsd(conflict, statedPairs(pair))).toBeNull();
  });
});
