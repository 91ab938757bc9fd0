import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ParsedArticleEventV1, TOPICS } from '@app/contracts';
import { ConsumeBatches } from '@app/platform';
import { CatalogArticle } from './catalog-article.schema';

/** Keeps one catalog document per article; a redelivered or replayed event rewrites it to the same state. */
@Controller()
export class ArticleProjection {
  constructor(@InjectModel(CatalogArticle.name) private readonly articles: Model<CatalogArticle>) {}

  @ConsumeBatches(TOPICS.articleParsed)
  async apply(@Payload() events: ParsedArticleEventV1[]): Promise<void> {
    await this.articles.bulkWrite(
      events.map((e) => ({
        replaceOne: {
          filter: { _id: e.articleId },
          replacement: {
            title: e.title,
            source: e.source,
            url: e.url,
            publishedAt: e.publishedAt,
            parserVersion: e.parserVersion,
            ingestedAt: e.ingestedAt,
            editionYears: e.record.editions.map((ed) => ed.year),
            organisations: e.record.organisations.map((o) => o.name),
          },
          upsert: true,
        },
      })),
      { ordered: false, throwOnValidationError: true },
    );
  }
}
