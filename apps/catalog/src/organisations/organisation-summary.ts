import { OrganisationType } from '@app/contracts';
import { plainKey } from '../identity/names';
import { ARTICLE, articleCount, chosen, disagreements, ranked, Votes } from '../projection/tally';
import { Organisation, OrganisationContribution, OrganisationSummary, Role } from './organisation.schema';

/** On a tie between two names, the longer (the full legal name rather than a short form) is shown. */
export const longerFirst = (a: string, b: string): number => b.length - a.length;

/** What one article's contribution counts for: names, aliases, type, and roles per edition. */
export function organisationVotes(c: OrganisationContribution): Votes {
  return {
    [ARTICLE]: ['*'],
    name: c.names,
    alias: [...c.names, ...c.aliases],
    type: c.type ? [c.type] : [],
    edition: c.mentions.flatMap((m) => (m.edition === null ? [] : [String(m.edition)])),
    role: c.mentions.map((m) => `${m.edition ?? ''}:${m.role}`),
  };
}

/** The derived fields lists and filters use; curated values win over what articles report. */
export function summariseOrganisation(doc: Organisation): OrganisationSummary {
  const { tally } = doc;
  const name = chosen(tally, 'name', longerFirst) ?? doc.summary?.name ?? doc._id;
  const reported = ranked(tally, 'alias')
    .map((r) => r.value)
    .filter((a) => a !== name);
  const aliases = doc.curated?.aliases ?? reported;
  const roles = ranked(tally, 'role').map((r) => r.value.split(':') as [string, Role]);
  return {
    name,
    type: doc.curated?.type ?? (chosen(tally, 'type') as OrganisationType | null),
    aliases,
    searchNames: [...new Set([name, ...aliases, ...reported].map(plainKey))],
    editionYears: ranked(tally, 'edition')
      .map((r) => Number(r.value))
      .sort((a, b) => a - b),
    editionRoles: roles
      .filter(([edition]) => edition)
      .map(([edition, role]) => `${edition}:${role}`)
      .sort(),
    roles: [...new Set(roles.map(([, role]) => role))].sort(),
    conflicts: disagreements(tally, ['type']),
    articleCount: articleCount(tally),
  };
}
