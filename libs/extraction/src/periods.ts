import { MONTH, monthNumber, pad2 } from './dates';
import { matchesOf } from './text/matches';

/**
 * The period a figure covers, from the words around it: "in 2023", "from January to July this year",
 * "in the first half", "last year", "during the prior two sessions". Relative phrases resolve against
 * the article's reference year (its publication year, else the year of the conference it reports).
 */
export interface PeriodMention {
  period: string;
  from: number;
  to: number;
}

const YEAR_WORD = String.raw`(?:this year|last year|the year|(\d{4}))`;
const PARTS: Record<string, [number, number]> = {
  'first quarter': [1, 3],
  q1: [1, 3],
  'second quarter': [4, 6],
  q2: [4, 6],
  'third quarter': [7, 9],
  q3: [7, 9],
  'fourth quarter': [10, 12],
  q4: [10, 12],
  'first half': [1, 6],
  h1: [1, 6],
  'second half': [7, 12],
  h2: [7, 12],
  'first three quarters': [1, 9],
};
const COUNT_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
};
const count = (word: string): number => COUNT_WORDS[word.toLowerCase()] ?? Number(word);

const MONTH_RANGE = new RegExp(
  String.raw`\b(${MONTH})\s*(?:to|through|until|-|–|and)\s*(${MONTH})(?:\s+(?:of\s+)?${YEAR_WORD})?`,
  'gi',
);
const PART_OF_YEAR = new RegExp(
  String.raw`\b(${Object.keys(PARTS).join('|')})\b(?:\s+(?:of\s+)?${YEAR_WORD})?`,
  'gi',
);
const FIRST_MONTHS = new RegExp(
  String.raw`\bfirst\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months\b(?:\s+(?:of\s+)?${YEAR_WORD})?`,
  'gi',
);
const YEAR_RANGE =
  /\b(?:from|between|in|during)\s+(\d{4})\s*(?:to|and|-|–)\s*(\d{4})\b|\b(\d{4})\s*(?:-|–)\s*(\d{4})\b/g;
const PRIOR_SESSIONS =
  /\b(?:the\s+)?(?:prior|previous|past|last)\s+(two|three|four|five|[2-5])\s+(?:sessions|editions|conferences|years)\b/gi;
const SINCE_YEAR = /\bsince\s+(\d{4})\b/gi;
const YEAR = /\b(?:19|20)\d\d\b/g;
// What makes a bare year a period: "in 2023", "by the end of 2023" before it, or "2023's" after it.
const YEAR_BEFORE =
  /\b(?:in|for|during|of|by|throughout|as of|end of)\s+(?:the\s+(?:whole\s+|full\s+)?year\s+)?$/i;
const YEAR_AFTER = /^(?:'s|\s+(?:full[- ]year|annual))\b/i;
const SINGLE_MONTH = new RegExp(
  String.raw`\b(?:in|during|for)\s+(${MONTH})(?:\s+(\d{4}))?\b(?![\s.]*\d)`,
  'gi',
);
const RELATIVE_YEAR = /\b(this year|last year)\b/gi;

const ANY_MONTH = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
// Besides a four-digit year, the words every period phrase has.
const PERIOD_WORD =
  /year|quarter|half|months|sessions|editions|conferences|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[QH][1-4])/i;

/** "in the period", "over the same three months": the period of the sentence before. */
export const ANAPHORIC_PERIOD =
  /\b(?:in|during|over|for)\s+(?:the|that)\s+(?:same\s+)?(?:period|quarter|months?|(?:two|three|six|nine)\s+months|half)\b/i;

export function findPeriods(
  sentence: string,
  referenceYear: number | null,
  editionYear: number | null,
  referenceMonth: number | null = null,
): PeriodMention[] {
  const out: PeriodMention[] = [];
  // Year ranges, "since 2020" and bare years all need four digits in a row.
  const hasYear = /\d{4}/.test(sentence);
  // Every period phrase has a year, a month, or one of these words: most sentences have none.
  if (!hasYear && !PERIOD_WORD.test(sentence)) return out;
  const add = (period: string | null, from: number, to: number) => {
    if (period && !out.some((p) => from < p.to && to > p.from)) out.push({ period, from, to });
  };
  const yearOf = (word: string | undefined, phrase: string): number | null => {
    if (word && /^\d{4}$/.test(word)) return +word;
    if (/last year/i.test(phrase)) return referenceYear ? referenceYear - 1 : null;
    return referenceYear;
  };
  const months = (y: number, a: number, b: number) => `${y}-${pad2(a)}..${y}-${pad2(b)}`;
  const hasMonth = ANY_MONTH.test(sentence);
  // A month named without a year that is later than the publication month is last year's
  // ("sales in December" in a January report).
  const monthYear = (month: number, word: string | undefined, phrase: string): number | null => {
    const y = yearOf(word, phrase);
    const implicit = !word && !/this year|last year/i.test(phrase);
    return y && implicit && referenceMonth && month > referenceMonth ? y - 1 : y;
  };
  for (const m of hasMonth ? matchesOf(MONTH_RANGE, sentence) : []) {
    const y = monthYear(monthNumber(m[2])!, m[3], m[0]);
    if (y) add(months(y, monthNumber(m[1])!, monthNumber(m[2])!), m.index, m.index + m[0].length);
  }
  for (const m of sentence.includes('months') ? matchesOf(FIRST_MONTHS, sentence) : []) {
    const y = yearOf(m[2], m[0]);
    if (y) add(months(y, 1, Math.min(12, count(m[1]))), m.index, m.index + m[0].length);
  }
  for (const m of /quarter|half|\b[QH][1-4]\b/i.test(sentence) ? matchesOf(PART_OF_YEAR, sentence) : []) {
    const y = yearOf(m[2], m[0]);
    const [a, b] = PARTS[m[1].toLowerCase()];
    if (y) add(months(y, a, b), m.index, m.index + m[0].length);
  }
  for (const m of hasYear ? matchesOf(YEAR_RANGE, sentence) : []) {
    add(`${m[1] ?? m[3]}..${m[2] ?? m[4]}`, m.index, m.index + m[0].length);
  }
  for (const m of /prior|previous|past|last/i.test(sentence) ? matchesOf(PRIOR_SESSIONS, sentence) : []) {
    const anchor = editionYear ?? referenceYear;
    if (anchor) add(`${anchor - count(m[1])}..${anchor - 1}`, m.index, m.index + m[0].length);
  }
  for (const m of hasYear ? matchesOf(SINCE_YEAR, sentence) : []) {
    if (referenceYear && +m[1] < referenceYear)
      add(`${m[1]}..${referenceYear}`, m.index, m.index + m[0].length);
  }
  for (const m of hasMonth ? matchesOf(SINGLE_MONTH, sentence) : []) {
    const y = monthYear(monthNumber(m[1])!, m[2], m[0]);
    if (y) add(`${y}-${pad2(monthNumber(m[1])!)}`, m.index, m.index + m[0].length);
  }
  for (const m of hasYear ? matchesOf(YEAR, sentence) : []) {
    const before = YEAR_BEFORE.exec(sentence.slice(Math.max(0, m.index - 30), m.index));
    const to = m.index + m[0].length;
    if (before) add(m[0], m.index - before[0].length, to);
    else if (YEAR_AFTER.test(sentence.slice(to, to + 12))) add(m[0], m.index, to);
  }
  for (const m of matchesOf(RELATIVE_YEAR, sentence)) {
    const y = m[1].toLowerCase() === 'this year' ? referenceYear : referenceYear ? referenceYear - 1 : null;
    if (y) add(String(y), m.index, m.index + m[0].length);
  }
  return out.sort((a, b) => a.from - b.from);
}
