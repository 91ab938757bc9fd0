import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ParsedArticleEventV1, TOPICS } from '@app/contracts';
import { ConsumeBatches } from '@app/platform';
import { CatalogWriter } from './catalog-writer';

/** The catalog's one consumer of parsed-article events: each batch is written with bulk operations. */
@Controller()
export class CatalogProjection {
  constructor(private readonly writer: CatalogWriter) {}

  @ConsumeBatches(TOPICS.articleParsed)
  async apply(@Payload() events: ParsedArticleEventV1[]): Promise<void> {
    await this.writer.apply(events);
  }
}
