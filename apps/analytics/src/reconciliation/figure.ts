import { Qualifier, Unit } from '@app/contracts';

/** Where a figure was read: the article and the sentence, as an analyst checks it. */
export interface SourceRef {
  observationId: string;
  articleId: string;
  title: string;
  /** The outlet. */
  source: string;
  publishedAt: string | null;
  evidence: string;
  subject: string;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
}

/** What reconciliation needs of an observation; the rest of its source is looked up for the figures shown. */
export type Report = Pick<SourceRef, 'publishedAt' | 'subject' | 'value' | 'unit' | 'qualifier'>;

export const reportOf = ({ publishedAt, subject, value, unit, qualifier }: SourceRef): Report => ({
  publishedAt,
  subject,
  value,
  unit,
  qualifier,
});

/** One value that one or more articles agree on. */
export interface Candidate {
  value: number;
  qualifier: Qualifier;
  /** All sources, also when only the first MAX_SOURCES are shown in `sources`. */
  sourceCount: number;
  /** Earliest published first. */
  sources: SourceRef[];
}

export type FigureStatus = 'agreed' | 'conflict';

/**
 * A figure in one unit: the agreed value with its sources, or a conflict with every value reported and
 * who reported it. Values in conflict are never summed, averaged or overwritten.
 */
export interface Figure {
  unit: Unit;
  status: FigureStatus;
  /** The agreed value; null for a conflict. */
  value: number | null;
  qualifier: Qualifier | null;
  /** Lowest value first; exactly one when agreed. */
  candidates: Candidate[];
}

/**
 * A figure reported by hundreds of articles shows the earliest ones; they are what an analyst checks,
 * and every figure stays small enough to rewrite on each change.
 */
export const MAX_SOURCES = 20;
