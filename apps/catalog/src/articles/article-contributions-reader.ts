import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ArticleContributions, CatalogArticle, EntityField } from './catalog-article.schema';

/** An article as the source of something the catalog shows. */
export interface Source {
  id: string;
  title: string;
  source: string;
  publishedAt: string | null;
  url: string | null;
}

/** What one article contributed to an entity. */
export interface Contribution<F extends EntityField> {
  articleId: string;
  publishedAt: string | null;
  contribution: ArticleContributions[F][number];
}

/** A detail view shows at most this many of an entity's most recent articles. */
export const DETAIL_ARTICLES = 500;

/**
 * Reads back, from the article documents, what each article contributed to given entities: the
 * detail behind an entity's counts (which article said what, with which evidence).
 */
@Injectable()
export class ArticleContributionsReader {
  constructor(@InjectModel(CatalogArticle.name) private readonly articles: Model<CatalogArticle>) {}

  /**
   * Contributions to any of `ids` (an entity and the ids merged into it), most recent articles first,
   * and those articles as sources.
   */
  async of<F extends EntityField>(
    field: F,
    ids: Array<string | number>,
    limit = DETAIL_ARTICLES,
  ): Promise<{ contributions: Contribution<F>[]; sources: Source[] }> {
    if (!ids.length) return { contributions: [], sources: [] };
    const docs = await this.articles
      .find({ [`contributions.${field}.id`]: { $in: ids } })
      .sort({ publishedAt: -1, _id: 1 })
      .limit(limit)
      .lean();
    const wanted = new Set(ids);
    return {
      contributions: docs.flatMap((d) =>
        (d.contributions[field] as ArticleContributions[F]).flatMap((contribution) =>
          wanted.has(contribution.id) ? [{ articleId: d._id, publishedAt: d.publishedAt, contribution }] : [],
        ),
      ),
      sources: docs.map((d) => ({
        id: d._id,
        title: d.title,
        source: d.source,
        publishedAt: d.publishedAt,
        url: d.url,
      })),
    };
  }
}
