import { METRIC_UNITS, Unit } from '@app/contracts';
import { ReconciledMetric } from '../keys/metric-key';
import { groupAgreeing, mostPrecise } from './agreement';
import { Candidate, Figure, FigureStatus, MAX_SOURCES, Report, SourceRef } from './figure';

/** The fields every observation of one metric key shares. */
export interface KeyFields {
  metric: ReconciledMetric;
  series: string;
  period: string | null;
  edition: number | null;
}

/** Every report of one metric key, made into one fact per unit. */
export interface ReconciledValue extends KeyFields {
  key: string;
  /** The wording most of its sources use. */
  subject: string;
  /** A conflict when any of its figures is in conflict. */
  status: FigureStatus;
  /**
   * One per unit reported, in the metric's unit order (CNY before USD): a CNY figure and its stated USD
   * equivalent are one fact.
   */
  figures: Figure[];
}

/** A candidate naming all its sources by observation id, earliest first. */
export interface CandidateIds extends Omit<Candidate, 'sources'> {
  sourceIds: string[];
}
export interface FigureIds extends Omit<Figure, 'candidates'> {
  candidates: CandidateIds[];
}
/** A reconciled value before the sources it shows are looked up. */
export interface Reconciliation extends Omit<ReconciledValue, 'figures'> {
  figures: FigureIds[];
}

/** Reconciles the reports of one key (observation id -> report; at least one). */
export function reconcile(key: string, fields: KeyFields, reports: Record<string, Report>): Reconciliation {
  const all = Object.entries(reports).map(([observationId, report]) => ({ ...report, observationId }));
  const units = METRIC_UNITS[fields.metric] as readonly Unit[];
  const figures = units
    .map((unit) => all.filter((o) => o.unit === unit))
    .filter((group) => group.length > 0)
    .map((group): FigureIds => {
      const candidates = groupAgreeing(group).map((agreeing): CandidateIds => {
        const best = mostPrecise(agreeing);
        const sourceIds = [...agreeing].sort(bySource).map((o) => o.observationId);
        return { value: best.value, qualifier: best.qualifier, sourceCount: sourceIds.length, sourceIds };
      });
      const agreed = candidates.length === 1;
      return {
        unit: group[0].unit,
        status: agreed ? 'agreed' : 'conflict',
        value: agreed ? candidates[0].value : null,
        qualifier: agreed ? candidates[0].qualifier : null,
        candidates,
      };
    });
  return {
    key,
    ...fields,
    subject: commonest(all.map((o) => o.subject)),
    status: figures.some((f) => f.status === 'conflict') ? 'conflict' : 'agreed',
    figures,
  };
}

/** The observation ids whose sources the figures show: the first MAX_SOURCES of each value. */
export const shownSourceIds = (r: Reconciliation): string[] =>
  r.figures.flatMap((f) => f.candidates.flatMap((c) => c.sourceIds.slice(0, MAX_SOURCES)));

/** The reconciled value with the sources it shows, looked up by observation id. */
export function withSources(
  r: Reconciliation,
  sourceOf: (observationId: string) => SourceRef,
): ReconciledValue {
  return {
    ...r,
    figures: r.figures.map((f) => ({
      ...f,
      candidates: f.candidates.map(({ sourceIds, ...c }) => ({
        ...c,
        sources: sourceIds.slice(0, MAX_SOURCES).map(sourceOf),
      })),
    })),
  };
}

/** Earliest publication first (who reported it first), undated last, then by id for a stable order. */
function bySource(a: Report & { observationId: string }, b: Report & { observationId: string }): number {
  const date = (s: Report) => s.publishedAt ?? '9999';
  return compareText(date(a), date(b)) || compareText(a.observationId, b.observationId);
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function commonest(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0][0];
}
