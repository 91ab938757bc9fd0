import { Cumulative } from '../aggregates/cumulative';
import { SeriesAggregate } from '../aggregates/series-aggregate';
import { UsdFigure } from '../aggregates/edition-aggregate';
import { CsvTable } from '../csv/csv-response';
import { CsvValue } from '../csv/csv';
import { Figure } from '../reconciliation/figure';
import { EditionView, ReconciledView } from './metrics-reader';

/**
 * The CSV form of each list: one row per figure value per source, so every number in the file sits next
 * to the article and the sentence it was read from. A conflict gives rows for each value reported.
 */
type Row = Record<string, CsvValue>;

const FIGURE_COLUMNS = ['value', 'unit', 'qualifier', 'status'] as const;
const SOURCE_COLUMNS = ['article_id', 'outlet', 'title', 'published_at', 'evidence'] as const;

function figureRows(figure: Figure | null, context: Row): Row[] {
  if (!figure) return [];
  return figure.candidates.flatMap((candidate) =>
    candidate.sources.map((s) => ({
      ...context,
      value: candidate.value,
      unit: figure.unit,
      qualifier: candidate.qualifier,
      status: figure.status,
      article_id: s.articleId,
      outlet: s.source,
      title: s.title,
      published_at: s.publishedAt,
      evidence: s.evidence,
    })),
  );
}

function cumulativeRow(year: number, figure: string, unit: string, total: Cumulative): Row {
  return {
    year,
    figure,
    value: total.value,
    unit,
    status: total.value === null ? 'range' : 'computed',
    range_low: total.low,
    range_high: total.high,
  };
}

export function investmentTable({ editions }: { editions: EditionView[] }): CsvTable {
  const usdContext = (usd: UsdFigure | null): Row => ({
    derived: usd?.derived ?? null,
    cny_per_usd: usd?.rate?.cnyPerUsd ?? null,
  });
  return {
    filename: 'investment-per-edition',
    columns: [
      'year',
      'figure',
      ...FIGURE_COLUMNS,
      'derived',
      'cny_per_usd',
      'range_low',
      'range_high',
      ...SOURCE_COLUMNS,
    ],
    rows: editions.flatMap((e) => [
      ...figureRows(e.projects, { year: e.year, figure: 'projects' }),
      ...figureRows(e.investmentCny, { year: e.year, figure: 'investment_cny' }),
      ...figureRows(e.investmentUsd, {
        year: e.year,
        figure: 'investment_usd',
        ...usdContext(e.investmentUsd),
      }),
      ...figureRows(e.attendance, { year: e.year, figure: 'attendance' }),
      ...figureRows(e.jobs, { year: e.year, figure: 'jobs_expected' }),
      cumulativeRow(e.year, 'cumulative_investment_cny', 'CNY', e.cumulativeCny),
      cumulativeRow(e.year, 'cumulative_investment_usd', 'USD', e.cumulativeUsd),
    ]),
  };
}

export function productionTable({ series }: { series: SeriesAggregate[] }): CsvTable {
  return {
    filename: 'production-and-sales',
    columns: [
      'metric',
      'subject',
      'year',
      ...FIGURE_COLUMNS,
      'yoy_percent',
      'stated_yoy_percent',
      ...SOURCE_COLUMNS,
    ],
    rows: series.flatMap((s) =>
      s.points.flatMap((p) =>
        figureRows(p.figure, {
          metric: s.metric,
          subject: s.subject,
          year: p.period,
          yoy_percent: p.yoyPercent,
          stated_yoy_percent: p.statedYoy?.value ?? null,
        }),
      ),
    ),
  };
}

export function batteryTable({ series }: { series: SeriesAggregate[] }): CsvTable {
  return {
    filename: 'battery-by-region',
    columns: ['metric', 'scope', 'subject', 'period', ...FIGURE_COLUMNS, ...SOURCE_COLUMNS],
    rows: series.flatMap((s) =>
      s.points.flatMap((p) =>
        figureRows(p.figure, { metric: s.metric, scope: s.scope, subject: p.subject, period: p.period }),
      ),
    ),
  };
}

export function reconciledTable(filename: string, items: ReconciledView[]): CsvTable {
  return {
    filename,
    columns: ['key', 'metric', 'subject', 'period', ...FIGURE_COLUMNS, ...SOURCE_COLUMNS],
    rows: items.flatMap((v) =>
      v.figures.flatMap((f) =>
        figureRows(f, { key: v.key, metric: v.metric, subject: v.subject, period: v.period }),
      ),
    ),
  };
}
