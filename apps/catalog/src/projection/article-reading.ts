import {
  EditionRecord,
  ExhibitCategory,
  ExtractionRecord,
  FactRecord,
  OrganisationType,
  ParsedArticleEventV1,
} from '@app/contracts';
import { organisationKey, organisationKeys, plainKey, splitParenthesised } from '../identity/names';
import { Mention, Role } from '../organisations/organisation.schema';

/** An organisation as one article presents it: every name it goes by there and what it does there. */
export interface OrganisationGroup {
  /** Identity keys; the first is the key of the name it was first given in the article. */
  keys: string[];
  names: string[];
  aliases: string[];
  type: OrganisationType | null;
  mentions: Mention[];
}

export interface EditionReport {
  year: number;
  name: string;
  city: string | null;
  startDate: string | null;
  endDate: string | null;
  guestOfHonour: string | null;
  /** Hosts as named, with the index of their group in `organisations`. */
  hosts: { name: string; group: number }[];
}

export interface ExhibitReport {
  key: string;
  name: string;
  category: ExhibitCategory;
  maker: { name: string; group: number } | null;
}

export interface PersonReport {
  key: string;
  name: string;
  title: string | null;
  affiliation: { name: string; group: number } | null;
}

/** What one article says, read for the catalog, before organisation names are resolved to ids. */
export interface ArticleReading {
  articleId: string;
  publishedAt: string | null;
  /** The edition the article's exhibits, people and non-host mentions belong to (see articleEdition). */
  edition: number | null;
  editions: EditionReport[];
  organisations: OrganisationGroup[];
  exhibits: ExhibitReport[];
  people: PersonReport[];
}

/**
 * The edition an article is about: of the editions it reports, the one held in its publication year,
 * else the first one it reports; null when it reports none.
 */
export function articleEdition(editions: EditionRecord[], publishedAt: string | null): number | null {
  if (!editions.length) return null;
  const year = publishedAt ? Number(publishedAt.slice(0, 4)) : null;
  return (editions.find((e) => e.year === year) ?? editions[0]).year;
}

const SIGNING = /\b(?:sign(?:ed|ing|s)?|agreements?|contracts?|deals?)\b/i;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Contemporary Amperex Technology Co., Limited" → "Contemporary Amperex Technology": the name as prose shortens it. */
function withoutLegalSuffix(name: string): string {
  const words = name.split(' ');
  const key = organisationKey(name);
  let end = words.length;
  while (end > 1 && organisationKey(words.slice(0, end - 1).join(' ')) === key) end--;
  return words.slice(0, end).join(' ').replace(/,$/, '');
}

/** The spellings to look for in a sentence: names, aliases, and names without their legal suffix. */
function spellings(group: OrganisationGroup): string[] {
  const all = [...group.names, ...group.aliases, ...group.names.map(withoutLegalSuffix)];
  return unique(all).filter((s) => s.length >= 2);
}

/** True when a sentence names the organisation as a whole word (case-sensitive: these are proper nouns). */
function names(sentence: string, group: OrganisationGroup): boolean {
  return spellings(group).some((s) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(s)}(?![\\p{L}\\p{N}])`, 'u').test(sentence),
  );
}

/**
 * Builds the article's organisation groups and resolves references (hosts, makers, affiliations) to
 * them. Records naming one organisation twice are merged while the record's own list is read; once
 * references have handed out group indexes, the groups no longer move.
 */
class GroupIndex {
  readonly groups: OrganisationGroup[] = [];
  private frozen = false;

  add(names: string[], type: OrganisationType | null): number | null {
    const keys = organisationKeys(names);
    if (!keys.length) return null;
    const [first, ...rest] = names.map((n) => splitParenthesised(n));
    const incoming: OrganisationGroup = {
      keys,
      names: [first.name],
      aliases: [...first.shortForms, ...rest.flatMap((r) => [r.name, ...r.shortForms])],
      type,
      mentions: [],
    };
    const matches = this.groups.flatMap((g, i) => (g.keys.some((k) => keys.includes(k)) ? [i] : []));
    if (!matches.length) {
      this.groups.push(tidy(incoming));
      return this.groups.length - 1;
    }
    const [target, ...others] = this.frozen ? matches.slice(0, 1) : matches;
    const merged = [this.groups[target], ...others.map((i) => this.groups[i]), incoming];
    this.groups[target] = tidy({
      keys: merged.flatMap((g) => g.keys),
      names: merged.flatMap((g) => g.names),
      aliases: merged.flatMap((g) => g.aliases),
      type: merged.find((g) => g.type)?.type ?? null,
      mentions: [],
    });
    for (const i of others.reverse()) this.groups.splice(i, 1);
    return target;
  }

  /** A name used as a reference: the group that already goes by it, or a new untyped one. */
  ref(name: string | null): { name: string; group: number } | null {
    this.frozen = true;
    if (!name) return null;
    const group = this.add([name], null);
    return group === null ? null : { name: splitParenthesised(name).name, group };
  }
}

/** Distinct keys and names, and no alias that is also one of the names. */
function tidy(group: OrganisationGroup): OrganisationGroup {
  const names = unique(group.names);
  return {
    ...group,
    keys: unique(group.keys),
    names,
    aliases: unique(group.aliases).filter((a) => !names.includes(a)),
  };
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** The roles the record gives each organisation; "mentioned" for those it only names. */
function deriveMentions(
  index: GroupIndex,
  record: ExtractionRecord,
  edition: number | null,
  editions: EditionReport[],
  exhibits: ExhibitReport[],
  people: PersonReport[],
): void {
  const add = (group: number, role: Role, mentionEdition: number | null, detail: string | null) =>
    index.groups[group].mentions.push({ edition: mentionEdition, role, detail, evidence: null });

  for (const e of editions) for (const h of e.hosts) add(h.group, 'host', e.year, e.name);
  for (const x of exhibits) if (x.maker) add(x.maker.group, 'exhibitor', edition, x.name);
  for (const p of people) {
    if (p.affiliation)
      add(p.affiliation.group, 'speaker-affiliation', edition, p.title ? `${p.name}, ${p.title}` : p.name);
  }
  const signings = record.facts.filter((f) => f.metric.startsWith('investment.') && SIGNING.test(f.evidence));
  index.groups.forEach((group, i) => {
    for (const fact of signings) {
      if (names(fact.evidence, group)) {
        group.mentions.push({ edition, role: 'signatory', detail: fact.subject, evidence: fact.evidence });
      }
    }
    if (!group.mentions.length) add(i, 'mentioned', edition, null);
    const evidence = firstEvidence(record.facts, group);
    for (const m of group.mentions) m.evidence ??= evidence;
    group.mentions = uniqueMentions(group.mentions);
  });
}

function firstEvidence(facts: FactRecord[], group: OrganisationGroup): string | null {
  return facts.find((f) => names(f.evidence, group))?.evidence ?? null;
}

function uniqueMentions(mentions: Mention[]): Mention[] {
  const seen = new Map(mentions.map((m) => [`${m.edition}|${m.role}|${m.detail}|${m.evidence}`, m]));
  return [...seen.values()];
}

/** Editions reported twice in one record are one report: the first non-empty value of each field wins. */
function editionReports(index: GroupIndex, editions: EditionRecord[]): EditionReport[] {
  const byYear = new Map<number, EditionReport>();
  for (const e of editions) {
    const hosts = e.hosts.flatMap((h) => index.ref(h) ?? []);
    const known = byYear.get(e.year);
    if (!known) {
      byYear.set(e.year, {
        year: e.year,
        name: e.name,
        city: e.city ?? null,
        startDate: e.startDate ?? null,
        endDate: e.endDate ?? null,
        guestOfHonour: e.guestOfHonour ?? null,
        hosts,
      });
      continue;
    }
    known.city ??= e.city ?? null;
    known.startDate ??= e.startDate ?? null;
    known.endDate ??= e.endDate ?? null;
    known.guestOfHonour ??= e.guestOfHonour ?? null;
    known.hosts = [...known.hosts, ...hosts.filter((h) => !known.hosts.some((k) => k.group === h.group))];
  }
  return [...byYear.values()];
}

/** Reads what an event's record contributes to the catalog. Pure: the same event gives the same result. */
export function readArticle(event: ParsedArticleEventV1): ArticleReading {
  const { record } = event;
  const publishedAt = event.publishedAt ?? record.publishedAt ?? null;
  const index = new GroupIndex();
  for (const o of record.organisations) index.add([o.name, ...o.aliases], o.type);

  const editions = editionReports(index, record.editions);
  const edition = articleEdition(record.editions, publishedAt);
  const exhibits = uniqueBy(
    record.exhibits.flatMap((x) => {
      const key = plainKey(x.name);
      return key ? [{ key, name: x.name, category: x.category, maker: index.ref(x.maker) }] : [];
    }),
    (x) => `${x.key}|${x.maker?.group}`,
  );
  const people = uniqueBy(
    record.people.flatMap((p) => {
      const key = plainKey(p.name);
      return key
        ? [{ key, name: p.name, title: p.title ?? null, affiliation: index.ref(p.affiliation) }]
        : [];
    }),
    (p) => p.key,
  );
  deriveMentions(index, record, edition, editions, exhibits, people);
  return {
    articleId: event.articleId,
    publishedAt,
    edition,
    editions,
    organisations: index.groups,
    exhibits,
    people,
  };
}

/** The first of each identity wins, as the record lists them. */
function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
