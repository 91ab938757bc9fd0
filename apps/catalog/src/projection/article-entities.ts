import { ArticleContributions } from '../articles/catalog-article.schema';
import { exhibitId, slugId } from '../identity/names';
import { combineContributions } from '../organisations/combine-contributions';
import { OrganisationContribution } from '../organisations/organisation.schema';
import { ArticleReading } from './article-reading';

/**
 * What an article contributes, by entity id, once its organisation groups are resolved (`orgOf` gives
 * the organisation id of a group). Groups of one article that are one organisation combine.
 */
export function articleEntities(
  reading: ArticleReading,
  orgOf: (group: number) => string,
): ArticleContributions {
  const organisations = new Map<string, OrganisationContribution>();
  reading.organisations.forEach((g, index) => {
    const own = { names: g.names, aliases: g.aliases, type: g.type, mentions: g.mentions };
    organisations.set(orgOf(index), combineContributions(organisations.get(orgOf(index)), own));
  });
  const exhibits = new Map<string, ArticleContributions['exhibits'][number]>();
  for (const x of reading.exhibits) {
    const makerId = x.maker ? orgOf(x.maker.group) : null;
    const id = exhibitId(reading.edition, x.key, makerId);
    if (exhibits.has(id)) continue;
    exhibits.set(id, {
      id,
      edition: reading.edition,
      makerId,
      key: x.key,
      name: x.name,
      category: x.category,
      makerName: x.maker?.name ?? null,
    });
  }
  return {
    organisations: [...organisations].map(([id, c]) => ({ id, ...c })),
    editions: reading.editions.map(({ year, hosts, ...fields }) => ({
      id: year,
      ...fields,
      hosts: hosts.map((h) => ({ name: h.name, organisationId: orgOf(h.group) })),
    })),
    exhibits: [...exhibits.values()],
    people: reading.people.map((p) => ({
      id: slugId(p.key),
      key: p.key,
      name: p.name,
      title: p.title,
      affiliation: p.affiliation && { name: p.affiliation.name, organisationId: orgOf(p.affiliation.group) },
      edition: reading.edition,
    })),
  };
}
