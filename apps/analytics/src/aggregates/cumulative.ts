import { Figure } from '../reconciliation/figure';

/**
 * A running total across editions. A conflict is never summed into one number: the total becomes a
 * range from the lowest to the highest value reported, and `value` is null until the conflict is resolved.
 */
export interface Cumulative {
  value: number | null;
  low: number;
  high: number;
  /** Editions so far that have no figure, so the total leaves them out. */
  missingYears: number[];
}

/** Running totals of one figure over editions in year order. */
export function runningTotals(editions: { year: number; figure: Figure | null }[]): Cumulative[] {
  let low = 0;
  let high = 0;
  const missingYears: number[] = [];
  return editions.map(({ year, figure }) => {
    if (figure?.candidates.length) {
      const values = figure.candidates.map((c) => c.value);
      low += Math.min(...values);
      high += Math.max(...values);
    } else {
      missingYears.push(year);
    }
    return { value: low === high ? low : null, low, high, missingYears: [...missingYears] };
  });
}
