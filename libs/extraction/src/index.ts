import type { ExtractionRecord } from '@app/contracts';
import type { ArticleText } from './article';
import { prepareDocument } from './document';
import { findEditions } from './editions';
import { findExhibits } from './exhibits';
import { findFacts } from './facts';
import { findOrganisationMentions } from './organisation-mentions';
import { resolveOrganisations } from './organisations';
import { findPeople } from './people';
import { Places, placesMarkedIn } from './places';

export type { ArticleText } from './article';
export { parseArticleFile } from './article-file';
export { normaliseDate } from './dates';

/** Bumped whenever the output for the same input changes, so consumers can replay after an upgrade. */
export const PARSER_VERSION = '1.0.0';

/** Reads one article into an extraction record (without `file`). Pure and deterministic. */
export function extract(article: ArticleText): ExtractionRecord {
  const doc = prepareDocument(article);
  const places = new Places(placesMarkedIn(doc.sentences.map((s) => s.text).join('\n')));
  const mentions = doc.sentences.flatMap((s) => findOrganisationMentions(s, places));
  const organisations = resolveOrganisations(mentions, places);
  const editions = findEditions(doc, organisations, places);
  const referenceYear = doc.publishedAt ? +doc.publishedAt.slice(0, 4) : (editions.main?.year ?? null);
  return {
    publishedAt: doc.publishedAt,
    editions: editions.editions,
    organisations: organisations.map(({ name, aliases, type }) => ({ name, aliases, type })),
    people: findPeople(doc.sentences, mentions, places),
    exhibits: findExhibits(doc.sentences, organisations),
    facts: findFacts(doc, editions, organisations, places, referenceYear),
  };
}
