import { seriesTokens } from '../keys/metric-key';
import { Figure } from '../reconciliation/figure';
import { ReconciledValue } from '../reconciliation/reconcile';
import { CurrencyPair, deriveUsd, DerivedUsd } from './usd-derivation';

/** A figure with the metric key it was reconciled under, so a reader can follow it to its series. */
export type KeyedFigure = Figure & { key: string };

export type UsdFigure = KeyedFigure & { derived: boolean; rate?: DerivedUsd['rate'] };

/** The headline figures of one conference edition. */
export interface EditionAggregate {
  year: number;
  projects: KeyedFigure | null;
  investmentCny: KeyedFigure | null;
  /** Stated by an article (derived: false) or converted at a rate a source article implies (derived: true). */
  investmentUsd: UsdFigure | null;
  attendance: KeyedFigure | null;
  jobs: KeyedFigure | null;
}

/**
 * Builds an edition's row from the reconciled values keyed to it (headline keys only: "2024 edition
 * signed projects", not "... in Yibin") and the CNY/USD pairs its sources state. Null when nothing is left.
 */
export function buildEdition(
  year: number,
  values: ReconciledValue[],
  pairs: CurrencyPair[],
): EditionAggregate | null {
  const of = (metric: ReconciledValue['metric'], unit: Figure['unit']): KeyedFigure | null => {
    // Jobs "expected" (a forecast) are what an edition's projects promise; prefer them to a plain count.
    const candidates = values
      .filter((v) => v.metric === metric)
      .sort((a, b) => Number(isForecast(b)) - Number(isForecast(a)));
    for (const value of candidates) {
      const figure = value.figures.find((f) => f.unit === unit);
      if (figure) return { ...figure, key: value.key };
    }
    return null;
  };
  const investmentCny = of('investment.amount', 'CNY');
  const edition: EditionAggregate = {
    year,
    projects: of('investment.projects', 'projects'),
    investmentCny,
    investmentUsd: usdOf(of('investment.amount', 'USD'), investmentCny, pairs),
    attendance: of('attendance.people', 'people'),
    jobs: of('employment.jobs', 'jobs'),
  };
  const { year: _year, ...figures } = edition;
  return Object.values(figures).some(Boolean) ? edition : null;
}

function usdOf(stated: KeyedFigure | null, cny: KeyedFigure | null, pairs: CurrencyPair[]): UsdFigure | null {
  if (stated) return { ...stated, derived: false };
  const derived = cny && deriveUsd(cny, pairs);
  return derived ? { ...derived, key: cny.key } : null;
}

const isForecast = (value: ReconciledValue) => seriesTokens(value.series).includes('forecast');
