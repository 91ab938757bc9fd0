import { ARTICLE, articleCount, chosen, disagreements, ranked, Votes } from '../projection/tally';
import { Edition, EditionContribution, EditionSummary } from './edition.schema';

export const EDITION_ATTRIBUTES = ['name', 'city', 'startDate', 'endDate', 'guestOfHonour'] as const;

const value = (v: string | null) => (v === null ? [] : [v]);

export function editionVotes(c: EditionContribution): Votes {
  return {
    [ARTICLE]: ['*'],
    ...Object.fromEntries(EDITION_ATTRIBUTES.map((a) => [a, value(c[a])])),
    host: c.hosts.map((h) => h.organisationId),
  };
}

export function summariseEdition(doc: Edition): EditionSummary {
  const { tally } = doc;
  return {
    name: chosen(tally, 'name'),
    city: chosen(tally, 'city'),
    startDate: chosen(tally, 'startDate'),
    endDate: chosen(tally, 'endDate'),
    guestOfHonour: chosen(tally, 'guestOfHonour'),
    hostIds: ranked(tally, 'host').map((r) => r.value),
    conflicts: disagreements(tally, [...EDITION_ATTRIBUTES]),
    articleCount: articleCount(tally),
  };
}
