import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import { AnyBulkWriteOperation, Model } from 'mongoose';
import { ParsedArticleEventV1, TOPICS } from '@app/contracts';
import { ConsumeBatches } from '@app/platform';
import { Observation } from './observation.schema';

/**
 * Keeps every fact of every article as an observation. Ids are positional per article, so applying
 * an event again writes the same documents; facts a newer parse no longer finds are removed.
 */
@Controller()
export class ObservationProjection {
  constructor(@InjectModel(Observation.name) private readonly observations: Model<Observation>) {}

  @ConsumeBatches(TOPICS.articleParsed)
  async apply(@Payload() events: ParsedArticleEventV1[]): Promise<void> {
    const ops: AnyBulkWriteOperation<Observation>[] = [];
    for (const e of events) {
      const ids = e.record.facts.map((_, i) => `${e.articleId}:${i}`);
      ops.push({ deleteMany: { filter: { articleId: e.articleId, _id: { $nin: ids } } } });
      e.record.facts.forEach((fact, i) =>
        ops.push({
          replaceOne: {
            filter: { _id: ids[i] },
            replacement: {
              articleId: e.articleId,
              ...fact,
              period: fact.period ?? null,
              source: e.source,
              publishedAt: e.publishedAt,
              parserVersion: e.parserVersion,
            },
            upsert: true,
          },
        }),
      );
    }
    // Ordered: an article's stale facts are removed before its current ones are written.
    if (ops.length) await this.observations.bulkWrite(ops, { ordered: true, throwOnValidationError: true });
  }
}
