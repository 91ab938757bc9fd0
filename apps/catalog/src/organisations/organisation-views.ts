import { Contribution, Source } from '../articles/article-contributions-reader';
import { chooseValue, reportsOf } from '../attributes/reported-values';
import { Organisation, Role } from './organisation.schema';
import { longerFirst } from './organisation-summary';

/** An organisation in a list. */
export function organisationListItem(doc: Organisation) {
  const s = doc.summary!;
  return {
    id: doc._id,
    name: s.name,
    type: s.type,
    aliases: s.aliases,
    editions: s.editionYears,
    roles: s.roles,
    conflicts: s.conflicts,
    articleCount: s.articleCount,
  };
}

export interface MentionView {
  articleId: string;
  publishedAt: string | null;
  role: Role;
  detail: string | null;
  evidence: string | null;
}

type Contributions = Contribution<'organisations'>[];

/** Every mention, grouped by edition (oldest first, mentions outside any edition last). */
export function mentionsByEdition(
  contributions: Contributions,
): { edition: number | null; mentions: MentionView[] }[] {
  const byEdition = new Map<number | null, MentionView[]>();
  for (const { articleId, publishedAt, contribution } of contributions) {
    for (const { edition, role, detail, evidence } of contribution.mentions) {
      byEdition.set(edition, [
        ...(byEdition.get(edition) ?? []),
        { articleId, publishedAt, role, detail, evidence },
      ]);
    }
  }
  return [...byEdition]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([edition, mentions]) => ({
      edition,
      mentions: mentions.sort(
        (x, y) =>
          (y.publishedAt ?? '').localeCompare(x.publishedAt ?? '') ||
          x.articleId.localeCompare(y.articleId) ||
          x.role.localeCompare(y.role),
      ),
    }));
}

/**
 * An organisation with every value reported about it (each with its articles), its mentions by
 * edition with their evidence, and its sources. The values shown on top are the summary's, counted
 * over all articles; for an organisation named in very many articles the detail below covers the
 * most recent ones (`truncated`).
 */
export function organisationDetail(doc: Organisation, contributions: Contributions, sources: Source[]) {
  const summary = doc.summary!;
  return {
    id: doc._id,
    name: summary.name,
    type: summary.type,
    aliases: summary.aliases,
    roles: summary.roles,
    conflicts: summary.conflicts,
    articleCount: summary.articleCount,
    curated: doc.curated ?? null,
    mergedFrom: [...(doc.mergedFrom ?? [])].sort(),
    truncated: sources.length < summary.articleCount,
    attributes: {
      name: chooseValue(
        reportsOf(contributions, (c) => c.names),
        longerFirst,
      ),
      type: chooseValue(reportsOf(contributions, (c) => c.type)),
      aliases: chooseValue(reportsOf(contributions, (c) => [...c.names, ...c.aliases])),
    },
    editions: mentionsByEdition(contributions),
    sources,
  };
}
