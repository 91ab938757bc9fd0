import { createHash } from 'node:crypto';
import { Metric, ParsedArticleEventV1 } from '@app/contracts';
import { CurrencyPair, statedPairs } from '../aggregates/usd-derivation';
import { editionsSignedIn, isReconciled, metricKey, ReconciledMetric } from '../keys/metric-key';
import { SourceRef } from '../reconciliation/figure';

/** Where one fact of an article went: its metric key and what that key feeds. */
export interface FactRef {
  key: string | null;
  series: string | null;
  edition: number | null;
}

/**
 * What one article contributes to the analytics, stored per article so that a later version of it
 * (a re-parse) can take back exactly what this one added. Fact i is observation `${articleId}:${i}`.
 */
export interface Contribution {
  articleId: string;
  parserVersion: string;
  /** Of everything below and the observations: an event that would write the same is skipped. */
  fingerprint: string;
  facts: FactRef[];
  /** The yuan/dollar pairs the article states, for converting figures its sources report only in yuan. */
  pairs: CurrencyPair[];
}

export interface ObservationDoc extends Omit<SourceRef, 'observationId'>, FactRef {
  _id: string;
  metric: Metric;
  period: string | null;
  parserVersion: string;
}

/** An observation joining the reconciled value of its key. */
export interface KeyJoin {
  key: string;
  series: string;
  metric: ReconciledMetric;
  period: string | null;
  edition: number | null;
  source: SourceRef;
}

export interface ContributionPlan {
  contribution: Contribution;
  observations: ObservationDoc[];
  /** Observations of positions the new version no longer has. */
  staleObservationIds: string[];
  joins: KeyJoin[];
  /** Observations leaving a key: their fact is gone or now has another key. */
  leaves: { key: string; observationId: string }[];
  /** Everything whose reconciled value or aggregate may have changed: before and after. */
  touched: FactRef[];
}

/** What applying an event does, given what its article contributed so far; null when it changes nothing. */
export function planContribution(
  event: ParsedArticleEventV1,
  previous: Contribution | null,
): ContributionPlan | null {
  const article = { articleId: event.articleId, organisations: event.record.organisations };
  const signed = editionsSignedIn(event.record.facts, article);
  const observations: ObservationDoc[] = event.record.facts.map((fact, i) => {
    const key = metricKey(fact, article, signed);
    return {
      _id: `${event.articleId}:${i}`,
      articleId: event.articleId,
      ...fact,
      period: fact.period ?? null,
      title: event.title,
      source: event.source,
      publishedAt: event.publishedAt,
      parserVersion: event.parserVersion,
      key: key?.id ?? null,
      series: key?.series ?? null,
      edition: key?.edition ?? null,
    };
  });
  const facts = observations.map(({ key, series, edition }) => ({ key, series, edition }));
  const pairs = statedPairs(observations.map(sourceOf).map((s, i) => ({ ...s, key: facts[i].key })));
  const fingerprint = createHash('sha256').update(JSON.stringify({ observations, pairs })).digest('hex');
  if (previous?.fingerprint === fingerprint) return null;

  const before = previous?.facts ?? [];
  const joins = observations.flatMap((o): KeyJoin[] =>
    o.key && o.series && isReconciled(o.metric)
      ? [
          {
            key: o.key,
            series: o.series,
            metric: o.metric,
            period: o.period,
            edition: o.edition,
            source: sourceOf(o),
          },
        ]
      : [],
  );
  const leaves = before.flatMap((ref, i) =>
    ref.key && ref.key !== facts[i]?.key ? [{ key: ref.key, observationId: `${event.articleId}:${i}` }] : [],
  );
  return {
    contribution: {
      articleId: event.articleId,
      parserVersion: event.parserVersion,
      fingerprint,
      facts,
      pairs,
    },
    observations,
    staleObservationIds: before.slice(facts.length).map((_, i) => `${event.articleId}:${facts.length + i}`),
    joins,
    leaves,
    touched: [...before, ...facts],
  };
}

/** What a batch changes in one metric key: observations joining (new or updated) and leaving it. */
export interface KeyChange {
  /** The key's own fields, known when an observation joins: enough to create its document. */
  fields: Omit<KeyJoin, 'key' | 'source'> | null;
  joins: Record<string, SourceRef>;
  leaves: string[];
}

/** The batch's joins and leaves, one entry per key, so each key is read and written once per batch. */
export function keyChanges(plans: ContributionPlan[]): Map<string, KeyChange> {
  const changes = new Map<string, KeyChange>();
  const changeOf = (key: string) => {
    let change = changes.get(key);
    if (!change) changes.set(key, (change = { fields: null, joins: {}, leaves: [] }));
    return change;
  };
  for (const plan of plans) {
    for (const { key, source, ...fields } of plan.joins) {
      const change = changeOf(key);
      change.fields = fields;
      change.joins[source.observationId] = source;
    }
    for (const { key, observationId } of plan.leaves) changeOf(key).leaves.push(observationId);
  }
  return changes;
}

function sourceOf(o: ObservationDoc): SourceRef {
  return {
    observationId: o._id,
    articleId: o.articleId,
    title: o.title,
    source: o.source,
    publishedAt: o.publishedAt,
    evidence: o.evidence,
    subject: o.subject,
    value: o.value,
    unit: o.unit,
    qualifier: o.qualifier,
  };
}
