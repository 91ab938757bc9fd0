import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { EditionAggregateDoc, SeriesDoc } from '../aggregates/aggregate.schemas';
import { Cumulative, runningTotals } from '../aggregates/cumulative';
import { EditionAggregate } from '../aggregates/edition-aggregate';
import { SeriesAggregate } from '../aggregates/series-aggregate';
import { ReconciledMetric, seriesOf } from '../keys/metric-key';
import { Figure } from '../reconciliation/figure';
import { compareText, ReconciledValue } from '../reconciliation/reconcile';
import { fromReconciledDoc, isCurrent, StoredValue } from '../reconciliation/reconciled-docs';
import { ReconciledValueDoc, WITHOUT_OBSERVATIONS } from '../reconciliation/reconciled-value.schema';

export interface EditionView extends EditionAggregate {
  cumulativeCny: Cumulative;
  cumulativeUsd: Cumulative;
}

export interface ReconciledView {
  key: string;
  metric: ReconciledMetric;
  subject: string;
  period: string | null;
  status: Figure['status'];
  figures: Figure[];
}

const PRODUCTION: ReconciledMetric[] = ['production.units', 'sales.units'];
const BATTERY: ReconciledMetric[] = ['battery.volume_gwh', 'capacity.gwh', 'output.value'];
const LIMIT = 1000;

/**
 * Reads the aggregates and reconciled values the projection maintains. Nothing is aggregated at read
 * time but a running total over the (few) editions.
 */
@Injectable()
export class MetricsReader {
  constructor(
    @InjectModel(ReconciledValueDoc.name) private readonly values: Model<ReconciledValueDoc>,
    @InjectModel(EditionAggregateDoc.name) private readonly editions: Model<EditionAggregateDoc>,
    @InjectModel(SeriesDoc.name) private readonly series: Model<SeriesDoc>,
  ) {}

  /** Every edition, with totals over all editions up to it (a conflict makes the total a range). */
  async investment(from?: number, to?: number): Promise<{ editions: EditionView[] }> {
    const docs = await this.editions.find().sort({ _id: 1 }).limit(LIMIT).lean();
    const editions: EditionAggregate[] = docs
      .map(({ _id, inputRev: _rev, ...figures }) => ({ year: _id, ...figures }))
      // An edition all of whose articles were withdrawn keeps its document, empty.
      .filter(({ year: _year, ...figures }) => Object.values(figures).some(Boolean));
    const cny = runningTotals(editions.map((e) => ({ year: e.year, figure: e.investmentCny })));
    const usd = runningTotals(editions.map((e) => ({ year: e.year, figure: e.investmentUsd })));
    return {
      editions: editions
        .map((e, i) => ({ ...e, cumulativeCny: cny[i], cumulativeUsd: usd[i] }))
        .filter((e) => (from === undefined || e.year >= from) && (to === undefined || e.year <= to)),
    };
  }

  /** Production and sales per calendar year, with year-on-year growth computed and as stated. */
  async production(subject?: string): Promise<{ series: SeriesAggregate[] }> {
    const charted = subject
      ? await this.seriesAggregates(PRODUCTION.map((m) => seriesOf(m, subject)))
      : await this.seriesAggregatesOf(PRODUCTION);
    const yearly = charted
      .map((s) => ({ ...s, points: s.points.filter((p) => /^\d{4}$/.test(p.period)) }))
      .filter((s) => s.points.length);
    return { series: yearly };
  }

  /** Battery volumes, capacity and output value per region (or company) and period. */
  async battery(): Promise<{ series: SeriesAggregate[] }> {
    return { series: await this.seriesAggregatesOf(BATTERY) };
  }

  /** One metric over periods for a subject in any wording. */
  async seriesOf(metric: ReconciledMetric, subject: string) {
    const series = seriesOf(metric, subject);
    const doc = await this.series.findById(series, { keys: 1 }).lean();
    const values = await this.current(doc?.keys ?? []);
    const points = values.sort((a, b) => compareText(a.period ?? '', b.period ?? '')).map(toView);
    return { series, metric, points };
  }

  /** Figures reported with values that cannot be the same, each with who reported which. */
  async conflicts(metric?: ReconciledMetric): Promise<{ items: ReconciledView[] }> {
    const docs = await this.values
      .find(metric ? { status: 'conflict', metric } : { status: 'conflict' }, WITHOUT_OBSERVATIONS)
      .sort({ metric: 1, period: 1, _id: 1 })
      .limit(LIMIT)
      .lean<StoredValue[]>();
    return { items: docs.map(fromReconciledDoc).map(toView) };
  }

  private async current(keys: string[]): Promise<ReconciledValue[]> {
    const docs = await Promise.all(
      keys.map((key) => this.values.findById(key, WITHOUT_OBSERVATIONS).lean<StoredValue>()),
    );
    return docs.filter(isCurrent).map(fromReconciledDoc);
  }

  private async seriesAggregates(ids: string[]): Promise<SeriesAggregate[]> {
    const docs = await Promise.all(ids.map((id) => this.series.findById(id, { keys: 0 }).lean()));
    return docs.flatMap((doc) => (doc?.points?.length ? [toAggregate(doc)] : []));
  }

  private async seriesAggregatesOf(metrics: ReconciledMetric[]): Promise<SeriesAggregate[]> {
    const docs = await this.series
      .find({ metric: { $in: metrics } }, { keys: 0 })
      .sort({ metric: 1, _id: 1 })
      .limit(LIMIT)
      .lean();
    return docs.filter((doc) => doc.points?.length).map(toAggregate);
  }
}

function toAggregate({ _id, metric, subject, scope, points }: Omit<SeriesDoc, 'keys'>): SeriesAggregate {
  return { series: _id, metric: metric as ReconciledMetric, subject: subject ?? '', scope, points };
}

function toView(v: ReconciledValue): ReconciledView {
  return {
    key: v.key,
    metric: v.metric,
    subject: v.subject,
    period: v.period,
    status: v.status,
    figures: v.figures,
  };
}
