import { OrganisationContribution } from './organisation.schema';

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** What one article says about two organisations that are one (two names it gave, or a merge since). */
export function combineContributions(
  a: OrganisationContribution | undefined,
  b: OrganisationContribution,
): OrganisationContribution {
  if (!a) return b;
  const names = unique([...a.names, ...b.names]);
  const seen = new Set(a.mentions.map((m) => JSON.stringify(m)));
  return {
    names,
    aliases: unique([...a.aliases, ...b.aliases]).filter((x) => !names.includes(x)),
    type: a.type ?? b.type,
    mentions: [...a.mentions, ...b.mentions.filter((m) => !seen.has(JSON.stringify(m)))],
  };
}
