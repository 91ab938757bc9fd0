import { createHash } from 'node:crypto';

/** Trailing words that only give an organisation's legal form: "CATL Co., Ltd." is "CATL". */
const LEGAL_SUFFIXES = new Set(['co', 'ltd', 'limited', 'inc', 'corp', 'group', 'company']);
const PARENTHESISED = /\(([^()]*)\)/g;

/** Lowercase words without punctuation; "&" reads as "and" so both spellings meet. */
function plainWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** "Contemporary Amperex Technology Co., Limited (CATL)" → the name and its parenthesised short forms. */
export function splitParenthesised(text: string): { name: string; shortForms: string[] } {
  const shortForms = [...text.matchAll(PARENTHESISED)].map((m) => m[1].trim()).filter(Boolean);
  const name = text.replace(PARENTHESISED, ' ').replace(/\s+/g, ' ').trim();
  return { name, shortForms };
}

/**
 * The identity key of one organisation name: lowercase, no punctuation, no leading "the", no trailing
 * legal suffixes (co, ltd, limited, inc, corp, group, company). Empty when nothing is left.
 */
export function organisationKey(name: string): string {
  const words = plainWords(splitParenthesised(name).name);
  let end = words.length;
  while (end > 1 && LEGAL_SUFFIXES.has(words[end - 1])) end--;
  const start = words[0] === 'the' && end > 1 ? 1 : 0;
  return words.slice(start, end).join(' ');
}

/**
 * Every key an organisation is known by: its name, its aliases and the short forms in parentheses in
 * either. The first key is the name's own. Two organisations sharing any key are one.
 */
export function organisationKeys(names: string[]): string[] {
  const keys = names.flatMap((n) => {
    const { name, shortForms } = splitParenthesised(n);
    return [name, ...shortForms].map(organisationKey);
  });
  return [...new Set(keys.filter(Boolean))];
}

/** The key of a person's or an exhibit's name: lowercase words without punctuation. */
export function plainKey(name: string): string {
  return plainWords(name).join(' ');
}

const SLUG_MAX = 60;

/**
 * A stable, URL-safe id for a key: the key itself with hyphens ("contemporary-amperex-technology") when
 * it is short ASCII, else an ASCII prefix plus a hash of the whole key so that distinct keys stay distinct.
 */
export function slugId(key: string): string {
  const slug = key.replace(/ /g, '-');
  if (/^[a-z0-9-]+$/.test(slug) && slug.length <= SLUG_MAX) return slug;
  const prefix = slug
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
  const hash = createHash('sha1').update(key).digest('hex').slice(0, 12);
  return prefix ? `${prefix}-${hash}` : hash;
}

/** Ids are slugs: what a request path may carry before it is worth a look-up. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

const shortHash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 8);

/**
 * An exhibit is one thing shown by one maker at one edition: its id reads as edition and name
 * ("2024-shenxing-battery-1a2b3c4d"), and the hash keeps the maker in it.
 */
export function exhibitId(edition: number | null, key: string, makerId: string | null): string {
  const name = slugId(key).slice(0, 40).replace(/-$/, '');
  return `${edition ?? 'undated'}-${name}-${shortHash(`${edition}|${key}|${makerId ?? ''}`)}`;
}

/**
 * The order that picks an organisation's id: shortest first, then alphabetical. A new organisation
 * takes the slug of its preferred key and a merge keeps the preferred id, so an organisation known as
 * "CATL" and "Contemporary Amperex Technology Co., Ltd." is "catl" whichever article came first.
 */
export const byPreference = (a: string, b: string): number =>
  a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
