import type { Qualifier } from '@app/contracts';
import { matchesOf } from './text/matches';

/**
 * Quantities in a sentence: number + scale + unit, with currency and the hedge word in front.
 * "nearly 400 industry experts", "96.2 billion yuan ($14.2 billion)", "235 gigawatt-hours", "over 15%".
 */

export type QuantityUnit =
  'CNY' | 'USD' | 'GWh' | 'percent' | 'vehicles' | 'projects' | 'jobs' | 'people' | 'other';

export interface Quantity {
  value: number;
  unit: QuantityUnit;
  qualifier: Qualifier;
  /** Character range in the sentence, from the hedge word or currency sign to the unit. */
  from: number;
  to: number;
  /** A parenthesised or "which is about" restatement of the quantity just before, in another currency. */
  equivalent: boolean;
  /** No unit and no counted noun: "sales reached 4.944 million", "133 will be built" (the noun is implied). */
  bare: boolean;
}

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CURRENCY_BEFORE = String.raw`US\s?\$|\$|USD|RMB|CNY|¥|￥`;
const SCALE = String.raw`thousand|million|billion|trillion|mln|bln|bn|tn|mn`;
const UNIT_AFTER =
  String.raw`%|percent|per\s?cent|pct|GWh|gigawatt[- ]hours?|MWh|megawatt[- ]hours?|TWh|terawatt[- ]hours?|` +
  String.raw`yuan|renminbi|RMB|CNY|(?:U\.?S\.?\s)?dollars|USD`;
const QUANTITY = new RegExp(
  String.raw`(?<cur>${CURRENCY_BEFORE})?\s?(?<num>${NUMBER})(?:\s?(?<scale>${SCALE})\b|(?<short>[mkb])\b)?` +
    String.raw`(?:\s?(?:of\s)?(?<cur2>(?:Chinese\s)?(?:${UNIT_AFTER})))?(?![\w.]*\d)`,
  'gi',
);

// Hedge words before a number, looked up by the last one to three words before it.
const QUALIFIERS = new Map<string, Qualifier>([
  ...['nearly', 'almost', 'close to', 'just under', 'approaching'].map((w) => [w, 'nearly'] as const),
  ...[
    'more than',
    'over',
    'exceeding',
    'exceeded',
    'exceeds',
    'exceed',
    'surpassing',
    'surpassed',
    'surpasses',
    'surpass',
    'above',
    'in excess of',
    'upwards of',
    'topping',
    'topped',
    'tops',
    'beyond',
    'at least',
    'no less than',
    'no fewer than',
    'greater than',
    'passed',
    'passing',
    'crossed',
    'crossing',
    'broke',
  ].map((w) => [w, 'over'] as const),
  ...[
    'about',
    'approximately',
    'approx',
    'approx.',
    'around',
    'roughly',
    'some',
    'an estimated',
    'estimated',
    'circa',
  ].map((w) => [w, 'approx'] as const),
  ...[
    'less than',
    'fewer than',
    'under',
    'below',
    'up to',
    'at most',
    'no more than',
    'as many as',
    'as much as',
  ].map((w) => [w, 'under'] as const),
]);

// Longest phrases first, so that "no more than" wins over "more than".
const HEDGE = new RegExp(
  `(?:^|\\s)(${[...QUALIFIERS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace('.', '\\.'))
    .join('|')})\\s*$`,
  'i',
);

/** The hedge word or phrase that ends `before`, and how many characters it takes. */
function hedgeBefore(before: string): [Qualifier, number] | null {
  const m = HEDGE.exec(before);
  return m
    ? [QUALIFIERS.get(m[1].toLowerCase())!, before.length - m.index - (m[0].length - m[0].trimStart().length)]
    : null;
}

// Counted nouns (lower case): the last one in the run of words after the number names the unit.
const COUNT_NOUNS = new Map<string, QuantityUnit>([
  ...units('projects', 'project projects'),
  ...units('jobs', 'job jobs positions posts workers employees staff'),
  ...units('vehicles', 'vehicles cars nevs evs trucks buses units'),
  ...units(
    'people',
    'people persons experts executives guests participants attendees visitors delegates representatives ' +
      'scientists academicians officials entrepreneurs researchers scholars leaders speakers specialists engineers',
  ),
]);
// Words (lower case) that end the run of modifiers between a number and its noun.
const RUN_STOP = new Set(
  (
    'in at on of for from to with by were was is are be been will would have has had that which who ' +
    'respectively than each per a an the this last year years since during while across into worth ' +
    'totaling totalling valued'
  ).split(' '),
);

function units(unit: QuantityUnit, nouns: string): [string, QuantityUnit][] {
  return nouns.split(' ').map((noun) => [noun, unit]);
}

// What may follow a number whose noun is left out ("4.944 million, up 32%", "133 will be built").
const BARE_FOLLOWER =
  /^\s*(?:$|[,.;:)]|(?:and|or|respectively|in|on|at|from|to|by|with|during|last|this|will|would|were|are|have|has|had|is|was|could|year|a year)\b)/i;

// "which is approximately", "or about", "equivalent to": a restatement of the previous amount.
const EQUIVALENT_GAP =
  /^\s*(?:\(\s*(?:about|approximately|around|roughly|some|or|nearly|over|approx\.?)?\s*|,?\s*(?:which is|which was|or|equivalent to|equal to|about|roughly|i\.e\.)\s*(?:about|approximately|around|roughly|nearly|some|over|more than)?\s*)$/i;

export function findQuantities(sentence: string, masked: (from: number, to: number) => boolean): Quantity[] {
  const out: Quantity[] = [];
  for (const m of matchesOf(QUANTITY, sentence)) {
    const g = m.groups!;
    const numStart = m.index + m[0].indexOf(g.num);
    let from = g.cur ? m.index + m[0].indexOf(g.cur) : numStart;
    let to = m.index + m[0].length;
    if (masked(numStart, numStart + g.num.length)) continue;
    const numEnd = numStart + g.num.length;
    // "800V", "4680-type": a number glued to letters is a model name, not a quantity.
    if (isAsciiLetter(sentence.charCodeAt(numEnd)) && !g.scale && !g.short && !g.cur2) continue;
    if (!g.num.includes('.') && runsOnAsRangeOrCode(sentence, numEnd)) continue;

    let value = Number(g.num.replace(/,/g, ''));
    const scaleWord = (g.scale ?? g.short ?? '').toLowerCase();
    if (g.short && !g.cur) continue; // "5m" without a currency is a length
    if (scaleWord) value *= SCALES[scaleWord];

    let unit: QuantityUnit | null = currencyUnit(g.cur) ?? currencyUnit(g.cur2);
    if (!unit && g.cur2) unit = energyOrPercentUnit(g.cur2, (factor) => (value *= factor));
    if (!unit) {
      const counted = countedNoun(sentence, to);
      if (counted) {
        unit = counted.unit;
        to = counted.to;
      }
    }
    // Years and bare counts without a noun are left to the caller (it may borrow a noun).
    if (!unit) {
      if (!scaleWord && /^(?:19|20)\d\d$/.test(g.num)) continue;
      unit = 'other';
    }

    const before = sentence.slice(Math.max(0, from - 30), from);
    const hedge = hedgeBefore(before);
    const qualifier: Qualifier = hedge ? hedge[0] : 'exact';
    if (hedge) from -= hedge[1];
    const previous = out[out.length - 1];
    const equivalent =
      !!previous &&
      (unit === 'USD' || unit === 'CNY') &&
      (previous.unit === 'USD' || previous.unit === 'CNY') &&
      previous.unit !== unit &&
      EQUIVALENT_GAP.test(sentence.slice(previous.to, from));
    const bare = unit === 'other' && BARE_FOLLOWER.test(sentence.slice(to));
    out.push({ value: round(value), unit, qualifier, from, to, equivalent, bare });
  }
  return out;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A dash or slash and a digit right after a number ("1-2", "24/7", "2024-09"): part of a range or code. */
function runsOnAsRangeOrCode(sentence: string, at: number): boolean {
  const c = sentence.charCodeAt(at);
  const next = sentence.charCodeAt(at + 1);
  return (c === 45 || c === 47) && next >= 48 && next <= 57; // - or /, then 0-9
}

function currencyUnit(token: string | undefined): QuantityUnit | null {
  if (!token) return null;
  const t = token.toLowerCase().replace(/\s/g, '');
  if (/^(?:yuan|renminbi|rmb|cny|¥|￥|chinese(?:yuan|renminbi))$/.test(t)) return 'CNY';
  if (/^(?:us\$|\$|usd|(?:u\.?s\.?)?dollars)$/.test(t)) return 'USD';
  return null;
}

function energyOrPercentUnit(token: string, scale: (factor: number) => void): QuantityUnit | null {
  const t = token.toLowerCase();
  if (/^(?:%|percent|per\s?cent|pct)$/.test(t)) return 'percent';
  if (/^(?:gwh|gigawatt)/.test(t)) return 'GWh';
  if (/^(?:mwh|megawatt)/.test(t)) {
    scale(1e-3);
    return 'GWh';
  }
  if (/^(?:twh|terawatt)/.test(t)) {
    scale(1e3);
    return 'GWh';
  }
  return null;
}

/** The counted noun after a number: the last unit noun in the run of modifiers ("48 power battery ... projects"). */
function countedNoun(sentence: string, at: number): { unit: QuantityUnit; to: number } | null {
  const words = /^(?:\s+(?:[\w-]+|&)){1,10}/.exec(sentence.slice(at, at + 120));
  if (!words) return null;
  let best: { unit: QuantityUnit; to: number } | null = null;
  let offset = at;
  let count = 0;
  for (const part of words[0].split(/(\s+)/)) {
    offset += part.length;
    if (!part.trim()) continue;
    // The words are ASCII ([\w-]), so lower-casing them is what a case-insensitive match would do.
    const lower = part.toLowerCase();
    if (RUN_STOP.has(lower) || /^\d/.test(part) || ++count > 9) break;
    const unit = COUNT_NOUNS.get(lower);
    if (unit) best = { unit, to: offset };
    // "job opportunities" and "employment opportunities" count jobs
    if (
      lower === 'opportunities' &&
      best === null &&
      /(?:job|employment)\s+$/i.test(sentence.slice(0, offset - part.length))
    ) {
      best = { unit: 'jobs', to: offset };
    }
  }
  return best;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
