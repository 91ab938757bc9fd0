import type { EditionRecord } from '@app/contracts';
import { findDates, isoDate, type DateSpan } from './dates';
import type { ArticleDocument, Sentence } from './document';
import type { Organisation } from './organisations';
import type { Places } from './places';
import { matchesOf } from './text/matches';

/**
 * Conference editions: a year-named event ("2024 World Power Battery Conference"), where it was held,
 * its dates, hosts and guest of honour. Only sentences whose first event noun is the conference itself
 * count, so that an exhibition "held from Aug. 31 to Sept. 2 as part of" it does not lend its dates.
 */

const EVENT_HEAD = '(?:Conference|Summit|Congress|Expo|Exposition|Convention|Forum)';
const EVENT_HEAD_WORD = new RegExp(EVENT_HEAD);
const NAME_WORD = String.raw`(?:[A-Z][\w&'.-]*|&|of|and|for|on|the)`;
const YEAR_FIRST = new RegExp(
  String.raw`\b((?:19|20)\d{2})\s+((?:[A-Z][\w&'.-]*)(?:\s+${NAME_WORD}){0,8}?\s+${EVENT_HEAD})\b`,
  'g',
);
const YEAR_LAST = new RegExp(
  String.raw`\b((?:[A-Z][\w&'.-]*)(?:\s+${NAME_WORD}){0,8}?\s+${EVENT_HEAD})\s+((?:19|20)\d{2})\b`,
  'g',
);
const UNDATED = new RegExp(
  String.raw`\b((?:[A-Z][\w&'.-]*)(?:\s+${NAME_WORD}){1,8}?\s+(?:Conference|Summit|Congress|Expo|Convention))\b`,
  'g',
);
const HELD =
  /\b(?:held|opened|opens|open|kicked off|kicks off|commenced|began|begins|started|starts|took place|takes place|convened|hosted|closed|concluded|wrapped up|ended|runs|ran|underway|under way|attracted|drew)\b/i;
// Ceremonies and sessions are parts of any event, so they say nothing about which one is meant.
const EVENT_NOUN =
  /\b(conference|event|summit|congress|expo|exposition|convention|gathering|exhibition|forum|meeting|show|fair|launch|tour|competition|festival)s?\b/i;
const MAIN_EVENT = /^(?:conference|event|summit|congress|expo|exposition|convention|gathering)$/i;
const START_VERB =
  /\b(?:opened|opens|open|kicked off|kicks off|commenced|began|begins|started|starts|held|convened|takes place|took place)\b/gi;
const END_VERB = /\b(?:closed|closes|concluded|concludes|wrapped up|ended|ends|through|until|till)\b/gi;
const HOSTED = /(?<!jointly |co-)\b(hosted|co-hosted|sponsored|co-sponsored|organi[sz]ed|convened)\s+by\s+/gi;
const HOST_SPAN_END =
  /,|\.|;|\s+(?:and\s+)?(?:jointly|co-?organi[sz]ed|organi[sz]ed|supported|undertaken|opened|was|is|will|aims|seeks|in\s|on\s|at\s)/;
const GUEST = [
  /\b((?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4})\s+(?:was|were|is|has been|had been)\s+(?:invited\s+as\s+|named\s+(?:as\s+)?|chosen\s+as\s+)?(?:the\s+)?(?:guest of hono(?:u)?r|guest country)/,
  /\bguest of hono(?:u)?r(?:\s+country)?(?:\s+(?:is|was)|,)?\s+((?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4})/,
  /\bwith\s+((?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,4})\s+as\s+(?:the\s+)?guest of hono(?:u)?r/,
];
const CITY =
  /\b(?:in|at)\s+(?:the\s+(?:host\s+)?city\s+of\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s+[Cc]ity)?(?!\s+[Pp]rovince)\b/g;

export interface EditionContext {
  editions: EditionRecord[];
  /** The edition the article is mainly about: relative periods and conference figures refer to it. */
  main: EditionRecord | null;
  /** The edition a sentence is about, when its first event noun is the conference. */
  editionOf(sentence: Sentence): EditionRecord | null;
  /** Also the main edition for a sentence that names no event at all ("The deals, worth about $13 billion"). */
  looseEditionOf(sentence: Sentence): EditionRecord | null;
}

export function findEditions(doc: ArticleDocument, orgs: Organisation[], places: Places): EditionContext {
  const found = new Map<string, { edition: EditionRecord; mentions: number }>();
  const addName = (year: number, name: string) => {
    const key = `${year}|${name.toLowerCase()}`;
    const entry = found.get(key);
    if (entry) entry.mentions++;
    else found.set(key, { edition: blank(year, `${year} ${name}`), mentions: 1 });
  };
  for (const s of doc.sentences) {
    if (!EVENT_HEAD_WORD.test(s.text)) continue;
    for (const m of matchesOf(YEAR_FIRST, s.text)) addName(+m[1], m[2]);
    for (const m of matchesOf(YEAR_LAST, s.text)) addName(+m[2], m[1]);
  }
  // A report of the day ("the World Power Battery Conference opened ...") names no year: the
  // publication year is the edition's.
  const publishedYear = doc.publishedAt ? +doc.publishedAt.slice(0, 4) : null;
  if (!found.size && publishedYear) {
    for (const s of doc.sentences) {
      for (const m of matchesOf(UNDATED, s.text)) {
        if (
          HELD.test(s.text) &&
          !/\b(?:last|previous|prior|next)\b/i.test(s.text.slice(Math.max(0, m.index - 20), m.index))
        ) {
          addName(publishedYear, m[1].replace(/^The\s+/, ''));
        }
      }
    }
  }
  const entries = [...found.values()];
  const editions = entries.map((e) => e.edition);
  const main =
    entries.find((e) => e.edition.year === publishedYear)?.edition ??
    [...entries].sort((a, b) => b.mentions - a.mentions || b.edition.year - a.edition.year)[0]?.edition ??
    null;

  const editionOf = (s: Sentence): EditionRecord | null => {
    const noun = EVENT_NOUN.exec(s.text);
    if (!noun || !MAIN_EVENT.test(noun[1])) return null;
    return editions.find((e) => s.text.includes(e.name) || s.text.includes(String(e.year))) ?? main;
  };

  const looseEditionOf = (s: Sentence): EditionRecord | null =>
    EVENT_NOUN.test(s.text) ? editionOf(s) : main;

  const about = doc.sentences.map((s) => ({ s, edition: editionOf(s) })).filter((x) => x.edition);
  // Ranges first: a stated "from July 21 to 23" beats a single "on Tuesday" elsewhere.
  // Weekdays ("opened on Thursday") count back from the publication date, or from the dateline's
  // day in the edition's year when the dateline gives no year.
  const reference = (e: EditionRecord) =>
    doc.publishedAt ?? (doc.datelineMonthDay ? isoDate(e.year, ...doc.datelineMonthDay) : null);
  for (const { s, edition } of about) fillRange(edition!, s, reference(edition!));
  for (const { s, edition } of about) fillSingleDates(edition!, s, reference(edition!));
  for (const { s, edition } of about) if (HELD.test(s.text)) fillCity(edition!, s, places);
  for (const { s, edition } of about) fillCity(edition!, s, places);
  for (const { s, edition } of about) {
    fillHosts(edition!, s, orgs);
    edition!.guestOfHonour ??= guestOfHonour(s.text);
  }
  if (main) {
    for (const s of doc.sentences) main.guestOfHonour ??= guestOfHonour(s.text);
    main.city ??= mostMentionedCity(doc, places) ?? doc.datelineCity;
  }
  return { editions, main, editionOf, looseEditionOf };
}

/** The city the article names most often, for an edition "held in the city" without saying which. */
function mostMentionedCity(doc: ArticleDocument, places: Places): string | null {
  const counts = new Map<string, number>();
  for (const s of doc.sentences) {
    for (const m of matchesOf(/\b[A-Z][a-z]+\b/g, s.text)) {
      if (places.isPlace(m[0]) && places.canBeCity(m[0]) && !places.isKnownRegion(m[0])) {
        counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
      }
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function blank(year: number, name: string): EditionRecord {
  return { year, name, city: null, startDate: null, endDate: null, hosts: [], guestOfHonour: null };
}

function editionDates(edition: EditionRecord, s: Sentence, published: string | null): DateSpan[] {
  // Both date passes read the same sentence: read it once.
  const key = `${edition.year}|${published}`;
  let cached = DATES.get(s);
  if (cached?.key !== key) {
    const spans = findDates(s.text, edition.year, published).filter((d) =>
      d.start?.startsWith(String(edition.year)),
    );
    cached = { key, spans };
    DATES.set(s, cached);
  }
  return cached.spans;
}

const DATES = new WeakMap<Sentence, { key: string; spans: DateSpan[] }>();

function fillRange(edition: EditionRecord, s: Sentence, published: string | null): void {
  const range = editionDates(edition, s, published).find((d) => d.end);
  if (range && !edition.startDate) {
    edition.startDate = range.start;
    edition.endDate = range.end;
  }
}

/** "opened on Sunday", "closes on Sept. 3": a single date counts only next to its verb. */
function lastMatch(re: RegExp, text: string): number {
  let at = -1;
  for (const m of matchesOf(re, text)) at = m.index;
  return at;
}

function fillSingleDates(edition: EditionRecord, s: Sentence, published: string | null): void {
  for (const d of editionDates(edition, s, published)) {
    if (d.end) continue;
    // The verb last named before the date decides, unless someone "said" it in between.
    const before = s.text.slice(0, d.from + 8);
    const start = lastMatch(START_VERB, before);
    const end = lastMatch(END_VERB, before);
    const verb = Math.max(start, end);
    if (verb < 0 || /\b(?:said|says|told|announced|reported)\b/.test(before.slice(verb, d.from))) continue;
    if (end > start) edition.endDate ??= d.start;
    else edition.startDate ??= d.start;
  }
}

function fillCity(edition: EditionRecord, s: Sentence, places: Places): void {
  if (edition.city) return;
  for (const m of matchesOf(CITY, s.text)) {
    const name = m[1].replace(/\s+City$/, '');
    if (places.canBeCity(name) && places.isPlace(name) && !/^(?:The|This|That|June|July|May)$/.test(name)) {
      edition.city = name;
      return;
    }
  }
}

function fillHosts(edition: EditionRecord, s: Sentence, orgs: Organisation[]): void {
  const spans: { verb: string; from: number; to: number }[] = [];
  for (const m of matchesOf(HOSTED, s.text)) {
    const from = m.index + m[0].length;
    const end = HOST_SPAN_END.exec(s.text.slice(from));
    spans.push({ verb: m[1].toLowerCase(), from, to: end ? from + end.index : s.text.length });
  }
  // Organisers are hosts only where nobody is said to host or sponsor.
  const primary = spans.filter((x) => !/organi/.test(x.verb));
  for (const span of primary.length ? primary : spans) {
    const named = orgs.filter((o) =>
      o.mentions.some((m) => m.sentence === s.index && m.from >= span.from && m.from < span.to),
    );
    const hosts = named.length
      ? named.map((o) => o.name)
      : [
          s.text
            .slice(span.from, span.to)
            .replace(/^the\s+/i, '')
            .trim(),
        ];
    for (const h of hosts) if (h && !edition.hosts.includes(h)) edition.hosts.push(h);
  }
}

function guestOfHonour(text: string): string | null {
  if (!/guest/i.test(text)) return null;
  for (const re of GUEST) {
    const m = re.exec(text);
    if (m) return m[1].replace(/^the\s+/i, '');
  }
  return null;
}
