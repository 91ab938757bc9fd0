import { Injectable } from '@nestjs/common';
import { ArticleContributionsReader } from '../articles/article-contributions-reader';
import { chooseValue, reportsOf } from '../attributes/reported-values';
import { OrganisationDirectory } from '../organisations/organisation-directory';
import { Exhibit } from './exhibit.schema';

/** Lists read this many articles at most for the exhibits or people of one page. */
export const PAGE_ARTICLES = 5000;

/** Exhibits as the API shows them: maker, chosen values and alternatives with their articles, sources. */
@Injectable()
export class ExhibitViews {
  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly contributions: ArticleContributionsReader,
  ) {}

  async of(docs: Exhibit[]) {
    const ownIds = (x: Exhibit) => [x._id, ...(x.mergedFrom ?? [])];
    const [{ contributions }, makers] = await Promise.all([
      this.contributions.of('exhibits', docs.flatMap(ownIds), PAGE_ARTICLES),
      this.directory.links(docs.flatMap((d) => d.makerId ?? [])),
    ]);
    return docs.map((doc) => {
      const ids = new Set<string>(ownIds(doc));
      const own = contributions.filter((c) => ids.has(c.contribution.id));
      const summary = doc.summary!;
      return {
        id: doc._id,
        name: summary.name,
        category: summary.category,
        edition: doc.edition ?? null,
        maker: doc.makerId
          ? (makers.get(doc.makerId) ?? { id: doc.makerId, name: doc.makerId, type: null })
          : null,
        conflicts: summary.conflicts,
        articleCount: summary.articleCount,
        attributes: {
          name: chooseValue(reportsOf(own, (c) => c.name)),
          category: chooseValue(reportsOf(own, (c) => c.category)),
        },
        sources: [...new Set(own.map((c) => c.articleId))].sort(),
      };
    });
  }
}
