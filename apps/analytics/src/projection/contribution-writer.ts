import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ParsedArticleEventV1 } from '@app/contracts';
import { writeWholeDocuments } from '@app/platform';
import { Observation } from '../observations/observation.schema';
import { Contribution, ContributionPlan, planContribution } from './contribution-plan';
import { ContributionDoc } from './contribution.schema';

type Planned = ContributionPlan & { previous: Contribution | null };

/**
 * Writes what a batch of articles contributes, besides the reconciled values: the observations and the
 * record of each article's contribution. Every write addresses documents by _id, the one filter
 * FerretDB (v1, SQLite) answers without scanning the collection.
 */
@Injectable()
export class ContributionWriter {
  constructor(
    @InjectModel(ContributionDoc.name) private readonly contributions: Model<ContributionDoc>,
    @InjectModel(Observation.name) private readonly observations: Model<Observation>,
  ) {}

  /** Plans each article's latest event in the batch against what it contributed so far; unchanged ones drop out. */
  async plan(events: ParsedArticleEventV1[]): Promise<Planned[]> {
    const latest = [...new Map(events.map((e) => [e.articleId, e])).values()];
    const previous = await Promise.all(latest.map((e) => this.contributions.findById(e.articleId).lean()));
    return latest.flatMap((event, i) => {
      const before = previous[i] && toContribution(previous[i]);
      const plan = planContribution(event, before);
      return plan ? [{ ...plan, previous: before }] : [];
    });
  }

  async writeObservations(plans: Planned[]): Promise<void> {
    const stale = plans.flatMap((p) => p.staleObservationIds);
    if (stale.length) await this.observations.deleteMany({ _id: { $in: stale } });
    const known = new Set(plans.filter((p) => p.previous).flatMap((p) => p.observations.map((o) => o._id)));
    await writeWholeDocuments(
      this.observations,
      plans.flatMap((p) => p.observations),
      (doc) => known.has(doc._id),
    );
  }

  /**
   * Stores the yuan/dollar pairs of articles whose pairs changed, ahead of everything else: an edition
   * built from this batch's keys converts at them. The rest of the previous contribution stays until
   * `commit`, so an interrupted batch can still take back what the previous version added.
   */
  async writePairs(plans: Planned[]): Promise<void> {
    const changed = plans.filter(pairsChanged);
    const known = new Set(changed.filter((p) => p.previous).map((p) => p.contribution.articleId));
    await writeWholeDocuments(
      this.contributions,
      changed.map(({ contribution: { articleId, parserVersion, pairs }, previous }) => ({
        _id: articleId,
        parserVersion: previous?.parserVersion ?? parserVersion,
        fingerprint: previous?.fingerprint ?? '',
        facts: previous?.facts ?? [],
        pairs,
      })),
      (doc) => known.has(doc._id),
    );
  }

  /**
   * Records what each article now contributes. Written last, once the values and aggregates it feeds
   * are recomputed: if the consumer stops before, the redelivered event is applied again in full.
   */
  async commit(plans: Planned[]): Promise<void> {
    // writePairs may have created the document of a new article.
    const known = new Set(
      plans.filter((p) => p.previous || pairsChanged(p)).map((p) => p.contribution.articleId),
    );
    await writeWholeDocuments(
      this.contributions,
      plans.map(({ contribution: { articleId, ...rest } }) => ({ _id: articleId, ...rest })),
      (doc) => known.has(doc._id),
    );
  }
}

const pairsChanged = (p: Planned) =>
  JSON.stringify(p.contribution.pairs) !== JSON.stringify(p.previous?.pairs ?? []);

function toContribution({ _id, ...doc }: ContributionDoc): Contribution {
  return { articleId: _id, ...doc };
}
