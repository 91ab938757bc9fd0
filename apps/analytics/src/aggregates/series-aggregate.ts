import { isArticleScoped, ReconciledMetric, seriesTokens } from '../keys/metric-key';
import { Figure } from '../reconciliation/figure';
import { compareText, ReconciledValue } from '../reconciliation/reconcile';
import { KeyedFigure } from './edition-aggregate';

/** Metrics charted as series over periods: vehicle production and sales, battery volumes, capacity, output value. */
export const SERIES_METRICS: ReconciledMetric[] = [
  'production.units',
  'sales.units',
  'battery.volume_gwh',
  'capacity.gwh',
  'output.value',
];

/** The word a growth rate's subject has when it is the growth of this metric ("China NEV production growth"). */
const GROWTH_WORD: Partial<Record<ReconciledMetric, string>> = {
  'production.units': 'production',
  'sales.units': 'sale',
};

/** Words that say what kind of figure it is; the rest of a subject says whose or where (the scope). */
const KIND_WORDS = new Set([
  'production',
  'sale',
  'installation',
  'shipment',
  'export',
  'energy',
  'storage',
  'nev',
]);

export interface SeriesPoint {
  period: string;
  key: string;
  subject: string;
  /** The figure in the metric's first unit reported (CNY before USD). */
  figure: Figure;
  /** Change against the same period a year earlier, computed from two agreed values; null when either is missing. */
  yoyPercent: number | null;
  /** The year-on-year rate articles state for this period, reconciled like any figure. */
  statedYoy: KeyedFigure | null;
}

export interface SeriesAggregate {
  series: string;
  metric: ReconciledMetric;
  subject: string;
  /** The region or organisation the series is about ("Yibin", "China", "CATL"), empty when the subject names none. */
  scope: string;
  points: SeriesPoint[];
}

const metricOfSeries = (series: string) => series.split('|')[0] as ReconciledMetric;

/** The series aggregates a reconciled series feeds: itself when charted, the production or sales series a growth rate is of. */
export function aggregatedSeriesOf(series: string): string[] {
  const metric = metricOfSeries(series);
  if (isArticleScoped(series)) return [];
  if (SERIES_METRICS.includes(metric)) return [series];
  if (metric !== 'growth.yoy_percent') return [];
  const tokens = seriesTokens(series);
  return Object.entries(GROWTH_WORD)
    .filter(([, word]) => tokens.includes(word))
    .map(([base, word]) => `${base}|${tokens.filter((t) => t !== word).join('+')}`);
}

/** The growth series whose stated rates belong to a production or sales series. */
export function growthSeriesOf(series: string): string | null {
  const word = GROWTH_WORD[metricOfSeries(series)];
  if (!word) return null;
  return `growth.yoy_percent|${[...seriesTokens(series), word].sort().join('+')}`;
}

/** A series' points from the reconciled values of its dated keys. Null when it has none left. */
export function buildSeries(
  series: string,
  values: ReconciledValue[],
  growth: ReconciledValue[],
): SeriesAggregate | null {
  const dated = values
    .filter((v) => v.period !== null && v.figures.length)
    .sort((a, b) => compareText(a.period!, b.period!));
  if (!dated.length) return null;
  const byPeriod = new Map(dated.map((v) => [v.period!, v.figures[0]]));
  const points = dated.map((v): SeriesPoint => {
    const figure = v.figures[0];
    const stated = growth.find((g) => g.period === v.period && g.figures.length);
    return {
      period: v.period!,
      key: v.key,
      subject: v.subject,
      figure,
      yoyPercent: yoy(figure, byPeriod.get(yearEarlier(v.period!))),
      statedYoy: stated ? { ...stated.figures[0], key: stated.key } : null,
    };
  });
  const subject = dated[dated.length - 1].subject;
  return { series, metric: metricOfSeries(series), subject, scope: scopeOf(series, subject), points };
}

function yoy(current: Figure, earlier: Figure | undefined): number | null {
  if (!earlier || current.value === null || !earlier.value || current.unit !== earlier.unit) return null;
  return Math.round((current.value / earlier.value - 1) * 10000) / 100;
}

/** `2024` -> `2023`, `2024-01..2024-06` -> `2023-01..2023-06`. */
export const yearEarlier = (period: string) => period.replace(/\d{4}/g, (y) => String(Number(y) - 1));

/** The scope tokens as the subject writes them ("yibin" -> "Yibin"). */
function scopeOf(series: string, subject: string): string {
  const words = subject.split(/[^A-Za-z0-9&]+/);
  return seriesTokens(series)
    .filter((t) => !KIND_WORDS.has(t) && !t.startsWith('edition:'))
    .map((t) => words.find((w) => w.toLowerCase() === t) ?? t)
    .join(' ');
}
