import { ExhibitCategory } from '@app/contracts';
import { plainKey } from '../identity/names';
import { ARTICLE, articleCount, chosen, disagreements, ranked, Votes } from '../projection/tally';
import { Exhibit, ExhibitContribution, ExhibitSummary } from './exhibit.schema';

export function exhibitVotes(c: ExhibitContribution): Votes {
  return { [ARTICLE]: ['*'], name: [c.name], category: [c.category] };
}

export function summariseExhibit(doc: Exhibit): ExhibitSummary {
  const { tally } = doc;
  return {
    name: chosen(tally, 'name') ?? doc.key ?? doc._id,
    category: (chosen(tally, 'category') ?? 'other') as ExhibitCategory,
    searchNames: ranked(tally, 'name').map((r) => plainKey(r.value)),
    conflicts: disagreements(tally, ['category']),
    articleCount: articleCount(tally),
  };
}
