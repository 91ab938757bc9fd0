import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ParsedArticleEventV1, TOPICS } from '@app/contracts';
import { ConsumeBatches } from '@app/platform';
import { Aggregator } from '../aggregates/aggregator';
import { aggregatedSeriesOf } from '../aggregates/series-aggregate';
import { Reconciler } from '../reconciliation/reconciler';
import { keyChanges } from './contribution-plan';
import { ContributionWriter } from './contribution-writer';

/**
 * Applies a batch of parsed articles: the observations (and the exchange rates they state), then the reconciled value of every metric key
 * the batch touched (the keys its articles had before and have now) and the series they belong to,
 * then the edition and series aggregates those keys feed, and last the record of what each article
 * contributed. Each step recomputes what it touches rather than adding increments, so redelivery,
 * replay and re-parses converge on the same state; an event that would change nothing is skipped.
 */
@Controller()
export class ArticleProjection {
  constructor(
    private readonly contributions: ContributionWriter,
    private readonly reconciler: Reconciler,
    private readonly aggregator: Aggregator,
  ) {}

  @ConsumeBatches(TOPICS.articleParsed)
  async apply(@Payload() events: ParsedArticleEventV1[]): Promise<void> {
    const plans = await this.contributions.plan(events);
    if (!plans.length) return;
    await this.contributions.writeObservations(plans);
    await this.contributions.writePairs(plans);
    await this.reconciler.apply(keyChanges(plans));
    const editions = new Set<number>();
    const series = new Set<string>();
    for (const ref of plans.flatMap((p) => p.touched)) {
      if (ref.edition !== null) editions.add(ref.edition);
      if (ref.series) aggregatedSeriesOf(ref.series).forEach((s) => series.add(s));
    }
    await this.aggregator.recompute([...editions], [...series]);
    await this.contributions.commit(plans);
  }
}
