import { Qualifier } from '@app/contracts';

/**
 * When two reports of one figure agree. Each report stands for a range of true values it is
 * consistent with; reports agree when their ranges overlap, and a group of reports agrees when all
 * their ranges share a point (for intervals, pairwise overlap is the same thing).
 *
 * | qualifier | stated v stands for                                   |
 * |-----------|-------------------------------------------------------|
 * | exact     | v ± rounding, at most ±1% (96.2 billion = 96.25)      |
 * | approx    | v ± rounding, at most ±5% ("about 13 billion" = 13.4) |
 * | nearly    | 90% of v up to v (+ rounding)                         |
 * | over      | v (- rounding) up to 120% of v ("over 130" = 137)     |
 * | under     | 80% of v up to v (+ rounding)                         |
 *
 * Rounding is half a unit of the last significant digit the figure was written with. The caps stop a
 * round number with trailing zeros from swallowing a different figure: a journalist who writes "400"
 * for 420 reports another number. The bounds of "nearly", "over" and "under" are how those words are
 * used in news copy; beyond them the two reports are treated as a conflict and both are shown.
 */
export interface Reading {
  value: number;
  qualifier: Qualifier;
}

export type Range = [low: number, high: number];

/** How much a qualifier hedges: exact says most. */
const PRECISION: Record<Qualifier, number> = { exact: 0, approx: 1, nearly: 2, over: 2, under: 2 };

const EXACT_CAP = 0.01;
const APPROX_CAP = 0.05;
const NEARLY_SPAN = 0.1;
const BOUND_SPAN = 0.2;

export function rangeOf({ value, qualifier }: Reading): Range {
  const rounding = halfLastDigit(value);
  const magnitude = Math.abs(value);
  const tolerance = (cap: number) => Math.min(rounding, magnitude * cap);
  switch (qualifier) {
    case 'exact':
      return [value - tolerance(EXACT_CAP), value + tolerance(EXACT_CAP)];
    case 'approx':
      return [value - tolerance(APPROX_CAP), value + tolerance(APPROX_CAP)];
    case 'nearly':
      return [value - magnitude * NEARLY_SPAN, value + tolerance(EXACT_CAP)];
    case 'over':
      return [value - tolerance(EXACT_CAP), value + magnitude * BOUND_SPAN];
    case 'under':
      return [value - magnitude * BOUND_SPAN, value + tolerance(EXACT_CAP)];
  }
}

/** Half a unit of the last significant digit: 96200000000 -> 50000000, 35.8 -> 0.05, 400 -> 50. */
export function halfLastDigit(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  const [mantissa, exponent] = Math.abs(value).toExponential(12).split('e');
  const decimals = mantissa.replace(/0+$/, '').split('.')[1]?.length ?? 0;
  return 0.5 * 10 ** (Number(exponent) - decimals);
}

/** Whether all readings can be the same figure. */
export function agree(readings: Reading[]): boolean {
  const ranges = readings.map(rangeOf);
  const low = Math.max(...ranges.map((r) => r[0]));
  const high = Math.min(...ranges.map((r) => r[1]));
  return low <= high + slack(low, high);
}

/**
 * Splits readings into groups that agree, lowest first: one group means the reports agree, more than
 * one is a conflict. Deterministic for a given set of readings, whatever order they come in.
 */
export function groupAgreeing<T extends Reading>(readings: T[]): T[][] {
  const sorted = readings
    .map((reading) => ({ reading, range: rangeOf(reading) }))
    .sort(
      (a, b) =>
        a.range[0] - b.range[0] ||
        a.range[1] - b.range[1] ||
        a.reading.value - b.reading.value ||
        PRECISION[a.reading.qualifier] - PRECISION[b.reading.qualifier],
    );
  const groups: { members: T[]; high: number }[] = [];
  for (const { reading, range } of sorted) {
    const current = groups[groups.length - 1];
    if (current && range[0] <= current.high + slack(range[0], current.high)) {
      current.members.push(reading);
      current.high = Math.min(current.high, range[1]);
    } else {
      groups.push({ members: [reading], high: range[1] });
    }
  }
  return groups.map((g) => g.members);
}

/** The reading that says most about the figure: exact before hedged, then the one with more significant digits. */
export function mostPrecise<T extends Reading>(readings: T[]): T {
  return [...readings].sort(
    (a, b) =>
      PRECISION[a.qualifier] - PRECISION[b.qualifier] ||
      halfLastDigit(a.value) - halfLastDigit(b.value) ||
      a.value - b.value,
  )[0];
}

/** Floating-point noise in comparisons of values like 96.25e9 - 5e7. */
function slack(a: number, b: number): number {
  return Math.max(Math.abs(a), Math.abs(b)) * 1e-12;
}
