import { Injectable } from '@nestjs/common';
import { ArticleContributionsReader } from '../articles/article-contributions-reader';
import { chooseValue, conflictsOf, reportsOf } from '../attributes/reported-values';
import { PAGE_ARTICLES } from '../exhibits/exhibit-views';
import { OrganisationDirectory } from '../organisations/organisation-directory';
import { Person } from './person.schema';

/**
 * People as the API shows them. Affiliations were recorded with the organisation ids of their day;
 * ids merged since are read as their survivor, and the articles of two ids that are now one add up.
 */
@Injectable()
export class PersonViews {
  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly contributions: ArticleContributionsReader,
  ) {}

  async of(docs: Person[]) {
    const { contributions } = await this.contributions.of(
      'people',
      docs.map((d) => d._id),
      PAGE_ARTICLES,
    );
    const links = await this.directory.links(
      contributions.flatMap((c) => c.contribution.affiliation?.organisationId ?? []),
    );
    const byLive = new Map([...links.values()].map((l) => [l.id, l]));
    return docs.map((doc) => {
      const own = contributions.filter((c) => c.contribution.id === doc._id);
      const title = chooseValue(reportsOf(own, (c) => c.title));
      const affiliationIds = chooseValue(
        reportsOf(
          own,
          (c) =>
            c.affiliation && (links.get(c.affiliation.organisationId)?.id ?? c.affiliation.organisationId),
        ),
      );
      const link = (id: string) => byLive.get(id) ?? { id, name: id, type: null };
      const affiliation = {
        value: affiliationIds.value === null ? null : link(affiliationIds.value),
        values: affiliationIds.values.map((v) => ({ value: link(v.value), articles: v.articles })),
      };
      const summary = doc.summary!;
      return {
        id: doc._id,
        name: summary.name,
        title: title.value,
        affiliation: affiliation.value,
        editions: summary.editionYears,
        conflicts: conflictsOf({ title, affiliation }),
        articleCount: summary.articleCount,
        attributes: { title, affiliation },
        sources: [...new Set(own.map((c) => c.articleId))].sort(),
      };
    });
  }
}
