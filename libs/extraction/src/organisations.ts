import type { OrganisationRecord, OrganisationType } from '@app/contracts';
import type { OrgMention } from './organisation-mentions';
import { DESIGNATOR, isAcronym, isGenericWord } from './organisation-names';
import type { Places } from './places';

/**
 * Merges the mentions of one article into organisations: a full name, its parenthesised short form,
 * the acronym that opens a longer name ("CATL New Energy Technology Co., Ltd." is also "CATL"), the
 * name without its designators ("Panasonic Holdings" = "Panasonic") and the many ways Chinese
 * governments are named ("Sichuan provincial government" = "People's Government of Sichuan Province").
 */
export interface Organisation extends OrganisationRecord {
  mentions: OrgMention[];
}

/** Lower-case, punctuation-free, without "the" and corporate designators: what the name is compared by. */
export function normaliseName(name: string): string {
  let normal = NORMALISED.get(name);
  if (normal === undefined) {
    if (NORMALISED.size > 10_000) NORMALISED.clear();
    normal = normalise(name);
    NORMALISED.set(name, normal);
  }
  return normal;
}

// Names recur across articles (the same companies, ministries and governments), so this pays off.
const NORMALISED = new Map<string, string>();

function normalise(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(?:co|company|corp|corporation|ltd|limited|inc|llc|plc|group)\b/g, ' ')
    .replace(/^\s*the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const LEVELS: Record<string, 'province' | 'city' | 'county'> = {
  provincial: 'province',
  province: 'province',
  municipal: 'city',
  city: 'city',
  municipality: 'city',
  county: 'county',
};
const GOVERNMENT_FORMS = [
  /^(?:the\s+)?(\p{Lu}[\p{L}-]+)\s+(provincial|municipal|city|county|province)\s+(?:people's\s+)?government$/iu,
  /^(?:the\s+)?people's\s+(?:government\s+)?of\s+(\p{Lu}[\p{L}-]+)\s+(province|city|county|municipality)$/iu,
];

/** The one key every spelling of a provincial or city government shares. */
function governmentKey(name: string): { place: string; level: 'province' | 'city' | 'county' } | null {
  for (const re of GOVERNMENT_FORMS) {
    const m = re.exec(name.trim());
    if (m) return { place: m[1], level: LEVELS[m[2].toLowerCase()] };
  }
  return null;
}

function governmentSpellings(place: string, level: 'province' | 'city' | 'county'): string[] {
  const adjective = level === 'province' ? 'Provincial' : level === 'city' ? 'Municipal' : 'County';
  const noun = level === 'province' ? 'Province' : level === 'city' ? 'City' : 'County';
  return [
    `${place} ${adjective} People's Government`,
    `People's Government of ${place} ${noun}`,
    `${place} ${adjective.toLowerCase()} government`,
  ];
}

/** Whether the capital `letters` of an acronym spell the initials of `name` in order, from its first word. */
function spellsInitials(letters: string, name: string): boolean {
  const initials = initialsOf(name);
  if (letters.length < 3 || initials[0] !== letters[0]) return false;
  let i = 0;
  for (const c of initials) if (c === letters[i]) i++;
  return i === letters.length;
}

function initialsOf(name: string): string {
  let initials = INITIALS.get(name);
  if (initials === undefined) {
    initials = name
      .split(/[\s-]+/)
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0])
      .join('');
    if (INITIALS.size > 10_000) INITIALS.clear();
    INITIALS.set(name, initials);
  }
  return initials;
}

const INITIALS = new Map<string, string>();

function keysOf(m: OrgMention, places: Places): string[] {
  const keys = [normaliseName(m.surface)];
  if (m.alias) keys.push(normaliseName(m.alias));
  const gov = governmentKey(m.surface);
  if (gov) keys.push(`gov:${gov.place.toLowerCase()}:${gov.level}`);
  const words = m.surface.split(/\s+/);
  if (m.type === 'company' && words.length > 1 && isAcronym(words[0])) keys.push(normaliseName(words[0]));
  if (m.type === 'company') {
    const short = [...words];
    while (short.length > 1 && DESIGNATOR.has(short[short.length - 1].toLowerCase().replace(/[.,]/g, '')))
      short.pop();
    const form = short.join(' ');
    if (short.length < words.length && !places.isPlace(form) && (short.length > 1 || form.length >= 4)) {
      keys.push(normaliseName(form));
    }
    // "Gotion" for "Gotion High-Tech Co., Ltd.": a distinctive first word is what people call it.
    const first = words[0].replace(/[.,]/g, '');
    if (
      words.length > 1 &&
      /^\p{Lu}[\p{Ll}]{3,}$/u.test(first) &&
      !places.isPlace(first) &&
      !isGenericWord(first)
    ) {
      keys.push(normaliseName(first));
    }
  }
  return keys.filter(Boolean);
}

export function resolveOrganisations(mentions: OrgMention[], places: Places): Organisation[] {
  const clusters: { keys: Set<string>; mentions: OrgMention[] }[] = [];
  // Longer names first, so that short forms and bare acronyms find the full name they stand for.
  const ordered = [...mentions].sort(
    (a, b) => Number(b.strong) - Number(a.strong) || b.surface.length - a.surface.length,
  );
  for (const m of ordered) {
    const keys = keysOf(m, places);
    const acronym = isAcronym(m.surface) ? m.surface : null;
    const letters = acronym?.replace(/[^A-Z]/g, '') ?? '';
    const hits = clusters.filter(
      (c) =>
        keys.some((k) => c.keys.has(k)) ||
        (acronym !== null &&
          c.mentions.some((o) => o.surface !== acronym && spellsInitials(letters, o.surface))),
    );
    if (!hits.length) {
      clusters.push({ keys: new Set(keys), mentions: [m] });
      continue;
    }
    const [first, ...rest] = hits;
    for (const k of keys) first.keys.add(k);
    first.mentions.push(m);
    for (const other of rest) {
      for (const k of other.keys) first.keys.add(k);
      first.mentions.push(...other.mentions);
      clusters.splice(clusters.indexOf(other), 1);
    }
  }
  return clusters.map((c) => toOrganisation(c.mentions)).sort((a, b) => firstSeen(a) - firstSeen(b));
}

function firstSeen(o: Organisation): number {
  return Math.min(...o.mentions.map((m) => m.sentence * 10_000 + m.from));
}

function toOrganisation(mentions: OrgMention[]): Organisation {
  // The name is the fullest spelling; everything else it was called is an alias.
  const byLength = [...mentions].sort(
    (a, b) =>
      Number(b.strong) - Number(a.strong) || b.surface.length - a.surface.length || a.sentence - b.sentence,
  );
  const name = byLength[0].surface;
  const type: OrganisationType = byLength[0].type;
  const seen = new Set([normaliseName(name)]);
  const aliases: string[] = [];
  const add = (alias: string | null) => {
    const key = alias ? normaliseName(alias) : '';
    if (alias && key && !seen.has(key)) {
      seen.add(key);
      aliases.push(alias);
    }
  };
  for (const m of mentions) {
    add(m.surface);
    add(m.alias);
    const first = m.surface.split(/\s+/)[0];
    if (m.type === 'company' && first !== m.surface && isAcronym(first)) add(first);
  }
  for (const m of mentions) {
    const gov = governmentKey(m.surface);
    if (gov) governmentSpellings(gov.place, gov.level).forEach(add);
  }
  return { name, aliases, type, mentions };
}
