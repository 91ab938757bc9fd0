import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ExtractionRecord, ParsedArticleEventV1 } from '@app/contracts';
import { extract, parseArticleFile, PARSER_VERSION } from '@app/extraction';
import { bulkWriteInCommands, metrics } from '@app/platform';
import { ArticleInputDto } from './article-input.dto';
import { articleIdentity } from './article-identity';
import { StoredArticle } from './article.schema';
import { EventPublisher } from './event-publisher';

const REPARSE_CHUNK = 200;

export interface Submission {
  id: string;
  status: 'accepted' | 'duplicate';
  parserVersion: string;
}

/**
 * Accepts articles: deduplicates them by content, keeps the raw text, parses it and publishes one
 * event per article. An article counts as published only once the broker acknowledged its event; one
 * whose publish failed stays pending and goes out again when it is resubmitted.
 */
@Injectable()
export class ArticleIngestion {
  private readonly log = new Logger(ArticleIngestion.name);

  constructor(
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
    private readonly publisher: EventPublisher,
  ) {}

  async submit(inputs: ArticleInputDto[]): Promise<Submission[]> {
    const receivedAt = new Date();
    const candidates = inputs.map((input) => ({ input, ...articleIdentity(input.body) }));
    const ids = [...new Set(candidates.map((c) => c.articleId))];
    const published = new Set(
      (await this.articles.find({ _id: { $in: ids }, status: 'published' }, { _id: 1 }).lean()).map(
        (a) => a._id,
      ),
    );

    const fresh = new Map<string, { event: ParsedArticleEventV1; body: string }>();
    for (const c of candidates) {
      if (published.has(c.articleId) || fresh.has(c.articleId)) continue;
      fresh.set(c.articleId, {
        event: this.parse(c.input, c.articleId, c.bodyHash, receivedAt),
        body: c.input.body,
      });
    }
    const events = [...fresh.values()].map((f) => f.event);
    if (events.length) {
      await bulkWriteInCommands(
        this.articles,
        [...fresh.values()].map(({ event: e, body }) => ({
          updateOne: {
            filter: { _id: e.articleId },
            update: {
              $setOnInsert: { receivedAt, status: 'pending' },
              $set: {
                bodyHash: e.bodyHash,
                title: e.title,
                body,
                source: e.source,
                url: e.url,
                publishedAt: e.publishedAt,
                parserVersion: e.parserVersion,
              },
            },
            upsert: true,
          },
        })),
      );
      await this.publisher.publish(events);
      await this.articles.updateMany(
        { _id: { $in: events.map((e) => e.articleId) } },
        { $set: { status: 'published' } },
      );
    }

    // Within one request, the second copy of an article is a duplicate of the first.
    const seen = new Set<string>();
    return candidates.map(({ articleId }) => {
      const status = fresh.has(articleId) && !seen.has(articleId) ? 'accepted' : 'duplicate';
      seen.add(articleId);
      metrics.articlesReceived.inc({ outcome: status });
      return { id: articleId, status, parserVersion: PARSER_VERSION };
    });
  }

  /**
   * Parses stored articles again with the current parser and publishes their events; the consumers
   * replace each article's earlier contribution. By default only articles parsed by another version.
   */
  async reparse(all: boolean): Promise<number> {
    const filter = all ? {} : { parserVersion: { $ne: PARSER_VERSION } };
    const cursor = this.articles.find(filter).sort({ _id: 1 }).lean().cursor({ batchSize: REPARSE_CHUNK });
    const chunk: StoredArticle[] = [];
    let reparsed = 0;
    for await (const article of cursor) {
      chunk.push(article);
      if (chunk.length === REPARSE_CHUNK) reparsed += await this.republish(chunk.splice(0));
    }
    return reparsed + (await this.republish(chunk));
  }

  private async republish(articles: StoredArticle[]): Promise<number> {
    if (!articles.length) return 0;
    const now = new Date();
    const events = articles.map((a) =>
      this.parse(
        {
          title: a.title,
          body: a.body,
          source: a.source,
          url: a.url ?? undefined,
          publishedAt: a.publishedAt ?? undefined,
        },
        a._id,
        a.bodyHash,
        now,
      ),
    );
    await this.publisher.publish(events);
    await this.articles.updateMany(
      { _id: { $in: events.map((e) => e.articleId) } },
      { $set: { status: 'published', parserVersion: PARSER_VERSION } },
    );
    return events.length;
  }

  async find(id: string): Promise<StoredArticle | null> {
    return this.articles.findById(id, { body: 0 }).lean();
  }

  private parse(
    input: ArticleInputDto,
    articleId: string,
    bodyHash: string,
    receivedAt: Date,
  ): ParsedArticleEventV1 {
    // Header lines at the top of the body are honoured; explicit fields win over them.
    const text = parseArticleFile(input.body);
    const article = {
      body: text.body,
      title: input.title,
      publishedAt: input.publishedAt?.slice(0, 10) ?? text.publishedAt,
      source: input.source ?? text.source,
      url: input.url ?? text.url,
    };
    let record: ExtractionRecord;
    try {
      record = extract(article);
    } catch (error) {
      // A parser bug must not lose the article: it goes out with an empty record, and a replay
      // after the fix re-parses it from the stored text.
      this.log.error({ msg: 'parser failed', articleId, error: String(error) });
      metrics.parseFailures.inc();
      const publishedAt = /^\d{4}-\d{2}-\d{2}$/.test(article.publishedAt ?? '') ? article.publishedAt! : null;
      record = { publishedAt, editions: [], organisations: [], people: [], exhibits: [], facts: [] };
    }
    return {
      schemaVersion: 1,
      articleId,
      title: input.title,
      publishedAt: record.publishedAt ?? null,
      source: input.source ?? text.source ?? 'unknown',
      url: input.url ?? text.url ?? null,
      bodyHash,
      parserVersion: PARSER_VERSION,
      ingestedAt: receivedAt.toISOString(),
      record,
    };
  }
}
