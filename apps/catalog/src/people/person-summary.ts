import { ARTICLE, articleCount, chosen, disagreements, ranked, Votes } from '../projection/tally';
import { Person, PersonContribution, PersonSummary } from './person.schema';

export function personVotes(c: PersonContribution): Votes {
  return {
    [ARTICLE]: ['*'],
    name: [c.name],
    title: c.title ? [c.title] : [],
    affiliation: c.affiliation ? [c.affiliation.organisationId] : [],
    edition: c.edition === null ? [] : [String(c.edition)],
  };
}

export function summarisePerson(doc: Person): PersonSummary {
  const { tally } = doc;
  return {
    name: chosen(tally, 'name') ?? doc.key ?? doc._id,
    title: chosen(tally, 'title'),
    affiliationId: chosen(tally, 'affiliation'),
    editionYears: ranked(tally, 'edition')
      .map((r) => Number(r.value))
      .sort((a, b) => a - b),
    conflicts: disagreements(tally, ['title', 'affiliation']),
    articleCount: articleCount(tally),
  };
}
