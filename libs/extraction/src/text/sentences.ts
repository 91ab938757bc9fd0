import { matchesOf } from './matches';

/**
 * Sentence splitting for news prose. A full stop ends a sentence when the next word starts a new one,
 * except after abbreviations that cannot end one ("Mr.", "No.", initials) and, for those that can
 * ("Co., Ltd.", "Sept.", "Inc."), unless the next word is a typical sentence opener.
 */

const NEVER_FINAL = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'nos',
  'vs',
  'gen',
  'gov',
  'sen',
  'rep',
  'mt',
  'ft',
  'e.g',
  'i.e',
  'approx',
  'dept',
  'univ',
  'fig',
]);
const SOMETIMES_FINAL = new Set([
  'co',
  'ltd',
  'inc',
  'corp',
  'jr',
  'sr',
  'etc',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'bros',
  'plc',
  'llc',
]);
const OPENERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'in',
  'on',
  'at',
  'as',
  'he',
  'she',
  'they',
  'we',
  'i',
  'according',
  'during',
  'from',
  'with',
  'after',
  'before',
  'since',
  'but',
  'and',
  'however',
  'meanwhile',
  'also',
  'there',
  'his',
  'her',
  'their',
  'our',
  'by',
  'for',
  'to',
  'while',
  'when',
  'last',
  'earlier',
  'separately',
  'besides',
  'moreover',
  'additionally',
]);

// A terminator, optional closing quotes/brackets, whitespace, then something that can open a sentence.
const BOUNDARY = /([.!?]+)(["'”’)\]]*)\s+(?=["'“‘([]?[A-Z0-9$¥€])/g;

export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of matchesOf(BOUNDARY, paragraph)) {
    const end = m.index + m[1].length + m[2].length;
    if (m[1] === '.' && !m[2] && !endsSentence(paragraph, m.index, m.index + m[0].length)) continue;
    push(out, paragraph.slice(start, end));
    start = m.index + m[0].length;
  }
  push(out, paragraph.slice(start));
  return out;
}

function push(out: string[], s: string): void {
  const t = s.trim();
  if (t) out.push(t);
}

function endsSentence(text: string, dot: number, next: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  const lower = word.toLowerCase();
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. Smith"
  if (NEVER_FINAL.has(lower)) return false;
  if (SOMETIMES_FINAL.has(lower)) {
    const following = /^["'“‘([]?([\p{L}]+)/u.exec(text.slice(next))?.[1]?.toLowerCase() ?? '';
    return OPENERS.has(following);
  }
  return true;
}
