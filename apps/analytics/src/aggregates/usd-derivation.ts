import { Figure, SourceRef } from '../reconciliation/figure';
import { compareText } from '../reconciliation/reconcile';

/** A yuan amount and its dollar equivalent stated in one sentence: the exchange rate that article used. */
export interface CurrencyPair {
  cny: SourceRef;
  usd: SourceRef;
  cnyPerUsd: number;
}

/** A dollar figure the analytics computed rather than read: never mistaken for a stated one. */
export interface DerivedUsd extends Figure {
  derived: true;
  /** The article's own rate and the sentence it was implied by. */
  rate: { cnyPerUsd: number; source: SourceRef };
}

interface PairableObservation extends SourceRef {
  key: string | null;
}

/**
 * The CNY/USD pairs articles state: one yuan and one dollar figure of the same fact in the same
 * sentence ("6.3 billion yuan, or about 900 million U.S. dollars"). A sentence with several amounts in
 * a currency is ambiguous and yields no pair.
 */
export function statedPairs(observations: PairableObservation[]): CurrencyPair[] {
  const bySentence = new Map<string, PairableObservation[]>();
  for (const o of observations) {
    if (!o.key || (o.unit !== 'CNY' && o.unit !== 'USD')) continue;
    const id = `${o.articleId}\u0000${o.key}\u0000${o.evidence}`;
    bySentence.set(id, [...(bySentence.get(id) ?? []), o]);
  }
  const pairs: CurrencyPair[] = [];
  for (const group of bySentence.values()) {
    const cny = group.filter((o) => o.unit === 'CNY');
    const usd = group.filter((o) => o.unit === 'USD');
    if (cny.length === 1 && usd.length === 1 && cny[0].value > 0 && usd[0].value > 0) {
      pairs.push({ cny: cny[0], usd: usd[0], cnyPerUsd: cny[0].value / usd[0].value });
    }
  }
  return pairs.sort((a, b) => compareText(a.cny.observationId, b.cny.observationId));
}

/**
 * The dollar value of an agreed yuan figure at the rate one of its own source articles implies with
 * another pair it states. The first source (earliest published) with a pair decides; none, or a yuan
 * figure in conflict, gives no dollar value rather than one at some outside rate.
 */
export function deriveUsd(cny: Figure, pairs: CurrencyPair[]): DerivedUsd | null {
  if (cny.status !== 'agreed' || cny.value === null) return null;
  const sources = cny.candidates[0].sources;
  for (const source of sources) {
    const pair = pairs.find((p) => p.cny.articleId === source.articleId);
    if (!pair) continue;
    const value = Number((cny.value / pair.cnyPerUsd).toPrecision(4));
    // Converting loses the precision of an exact figure; a hedged one keeps its hedge.
    const qualifier = cny.qualifier === 'exact' ? 'approx' : cny.qualifier!;
    return {
      unit: 'USD',
      status: 'agreed',
      value,
      qualifier,
      candidates: [{ value, qualifier, sourceCount: cny.candidates[0].sourceCount, sources }],
      derived: true,
      rate: { cnyPerUsd: pair.cnyPerUsd, source: pair.cny },
    };
  }
  return null;
}
