import type { FactRecord, Metric, Unit } from '@app/contracts';
import { findDates } from './dates';
import type { ArticleDocument, Sentence } from './document';
import type { EditionContext } from './editions';
import { findQuantities, type Quantity } from './numbers';
import type { Organisation } from './organisations';
import { ANAPHORIC_PERIOD, findPeriods, type PeriodMention } from './periods';
import type { Places } from './places';
import { matchesOf } from './text/matches';

/**
 * Numeric facts: each quantity gets a metric from the words nearest to it ("output value of",
 * "invested", "accounting for", "year-on-year", "annual output of ... GWh"), a period from the period
 * phrase that governs it (or the conference edition for figures signed or counted there), and a subject
 * saying what it measures. "A and B ... x and y respectively" pairs the terms with the figures in order.
 */

type Cue = [RegExp, Metric];

const MONEY_CUES: Cue[] = [
  [
    /\b(?:output value|value of (?:the )?output|production value|gross output|industrial output|output)\b/gi,
    'output.value',
  ],
  [
    /\b(?:revenue|revenues|sales|turnover|profits?|income|subsid(?:y|ies)|prices?|costs?|market value|market capitali[sz]ation|valuation|budget|fines?|tax(?:es)?|exports?|imports?|funding|grants?|loans?)\b/gi,
    'other',
  ],
  [
    /\b(?:invest\w*|contract\w*|sign\w*|funds?|financ\w*|capital|worth|projects?|deals?|agreements?|pledg\w*|raised?|injection|put|poured|pumped|spent|spend)\b/gi,
    'investment.amount',
  ],
];
const GWH_CUES: Cue[] = [
  [
    /\b(?:install\w*|loaded|loading|sales|sold|shipp\w*|shipments?|deliver\w*|consumption|demand|volume|exports?|exported)\b/gi,
    'battery.volume_gwh',
  ],
  [
    /\b(?:capacity|capacities|production capacity|annual output|annual production|annual capacity|annually|per year|a year|production base|base|plants?|factory|factories|facility|facilities|gigafactory|production lines?|lines?)\b/gi,
    'capacity.gwh',
  ],
  [/\b(?:output|production|produced|made|manufactured)\b/gi, 'battery.volume_gwh'],
];
const PERCENT_CUES: Cue[] = [
  [
    /\b(?:account(?:ing|ed|s)? for|made up|make up|makes up|represent(?:ed|s|ing)?|market share|shares?|proportion|of all|of (?:the )?(?:national|global|world|country's|nation's|total)|of (?:China|the world|the country|the nation)\b)/gi,
    'market.share_percent',
  ],
  [
    /\b(?:year[- ]on[- ]year|year[- ]over[- ]year|yoy|y-o-y|from a year (?:earlier|ago)|over the same period|compared with|increase[sd]?|increasing|ris(?:e|es|en|ing)|rose|grew|grow(?:n|th|s|ing)?|up|jump(?:ed|s|ing)?|surg(?:e|ed|es|ing)|soar(?:ed|s|ing)?|climb(?:ed|s|ing)?|decline[sd]?|declining|down|fell|fall(?:en|s|ing)?|drop(?:ped|s|ping)?|decreas(?:e|es|ed|ing)|slump(?:ed|ing)?)\b/gi,
    'growth.yoy_percent',
  ],
  [
    /\b(?:rate|efficiency|penetration|density|margin|ratio|stake|interest|discount|tariffs?|duty|costs?|prices?|utili[sz]ation)\b/gi,
    'other',
  ],
];
const VEHICLE_CUES: Cue[] = [
  [
    /\b(?:production|produced|produc\w*|output|manufactured|made|built|build|turned out|rolled out|churned out)\b/gi,
    'production.units',
  ],
  [/\b(?:sales|sold|sell\w*|deliver\w*|purchases?|bought|registrations?)\b/gi, 'sales.units'],
  [/\b(?:exports?|exported|imports?|ownership|fleet|parc|inventory|stock|orders?)\b/gi, 'other'],
];
const MONEY = cueSet(MONEY_CUES);
const GWH = cueSet(GWH_CUES);
const PERCENT = cueSet(PERCENT_CUES);
const VEHICLES = cueSet(VEHICLE_CUES);
const ATTENDANCE =
  /\b(?:attract\w*|attend\w*|gather\w*|participa\w*|guests?|visitors?|delegat\w*|drew|draw|brought together|bring together|join\w*|took part|take part|welcom\w*|present at|on hand)\b/i;
const EMPLOYMENT = /\b(?:employ\w*|staff|workers|workforce|hire\w*|hiring|headcount)\b/i;
const DECLINE =
  /\b(?:decline[sd]?|declining|down|fell|fall(?:en|s)?|drop(?:ped|s)?|decrease[sd]?|slump(?:ed)?|shrank|contract(?:ed|ion))\b/i;
// "up from 41.2% a year earlier": the figure the one before it is compared with.
const EARLIER_VALUE =
  /\b(?:up|down|rising|falling|increasing|decreasing|compared)\s+(?:from|with)\s*$|^\s*,?\s*(?:up |down )?from\s*$/i;
const YEAR_EARLIER = /^\s*(?:a year (?:earlier|ago|before)|in the same period (?:of )?last year|last year)/i;
const FORECAST =
  /\b(?:forecast\w*|expect\w*|project(?:ed|ion)|estimat\w*|target\w*|aims?|plans?|will|would|once|when completed)\b/i;
const SIGNING = /\b(?:sign\w*|inked|deals?|agreements?|contracts?|contracted)\b/i;
const ANAPHORIC_COUNT = /^(?:of (?:these|them|those|which|the total)|among (?:them|these|those))\b/i;
const COUNT_NOUN: [RegExp, Quantity['unit']][] = [
  [/\bprojects?\b/i, 'projects'],
  [/\bjobs?\b/i, 'jobs'],
  [/\b(?:vehicles|cars|NEVs|units)\b/i, 'vehicles'],
  [/\b(?:experts|guests|participants|attendees|visitors|delegates|people)\b/i, 'people'],
];
const COUNT_UNITS = new Set<Quantity['unit']>(['projects', 'jobs', 'vehicles', 'people']);
const TERM_PAIR =
  /\b(production|output|sales|exports|imports|installations?|shipments|investment|revenue)\s+and\s+(production|output|sales|exports|imports|installations?|shipments|investment|revenue)\b/i;
const EDITION_METRICS: Metric[] = ['investment.amount', 'investment.projects', 'attendance.people'];

interface Classified {
  q: Quantity;
  metric: Metric;
  unit: Unit;
  /** The term of an "A and B ... respectively" pair this figure belongs to. */
  term: string | null;
  /** Who the figure is about, when a "respectively" pair of names says so. */
  scope: string | null;
  /** The fact this one restates (a currency equivalent), grew (a growth rate) or is compared with. */
  of: Classified | null;
  /** "up from 45,000 a year earlier": the earlier value of `of`. */
  earlier: boolean;
}

interface SentenceContext {
  sentence: Sentence;
  periods: PeriodMention[];
  /** The last period named before this sentence, for "in the period" and the like. */
  carried: (index: number) => string | null;
  edition: number | null;
}

export function findFacts(
  doc: ArticleDocument,
  editions: EditionContext,
  orgs: Organisation[],
  places: Places,
  referenceYear: number | null,
): FactRecord[] {
  const facts: { fact: FactRecord; headline: boolean }[] = [];
  const publishedMonth = doc.publishedAt ? +doc.publishedAt.slice(5, 7) : null;
  const periodCache = new Map<number, PeriodMention[]>();
  const periodsOf = (s: Sentence) => {
    let found = periodCache.get(s.index);
    if (!found) {
      found = findPeriods(s.text, referenceYear, editions.main?.year ?? referenceYear, publishedMonth);
      periodCache.set(s.index, found);
    }
    return found;
  };
  // The last period named before sentence `index`, for "in the period": looked up only when asked for.
  const carried = (index: number): string | null => {
    for (let i = index - 1; i >= 0; i--) {
      const found = periodsOf(doc.sentences[i]);
      if (found.length) return found[found.length - 1].period;
    }
    return null;
  };
  let previousText = '';
  let previousEdition: number | null = null;
  for (const s of doc.sentences) {
    let editionHere: number | null = null;
    const quantities = /\d/.test(s.text) ? quantitiesIn(s.text, referenceYear) : [];
    if (quantities.length) {
      const periods = periodsOf(s);
      borrowCountNouns(s.text, previousText, quantities);
      for (const c of classifyAll(s.text, quantities, orgs, s)) {
        const edition = editionOfFact(c, s, editions, orgs, previousEdition);
        if (edition) editionHere = edition;
        const ctx: SentenceContext = { sentence: s, periods, carried, edition };
        const period = periodOf(c, ctx);
        const fact: FactRecord = {
          metric: c.metric,
          value: c.q.value,
          unit: c.unit,
          qualifier: c.q.qualifier,
          subject: subjectOf(c, ctx, period, orgs, places),
          period,
          evidence: s.text,
        };
        facts.push({ fact, headline: s.headline });
      }
    }
    previousText = s.text;
    previousEdition = editionHere;
  }
  return dedupe(facts);
}

/** Quantities outside date phrases ("Sept. 1, 2024" holds no quantity). */
function quantitiesIn(text: string, referenceYear: number | null): Quantity[] {
  const dates = findDates(text, referenceYear ?? 2000, null);
  return findQuantities(text, (from, to) => dates.some((d) => from < d.to && to > d.from));
}

/**
 * The conference edition a figure was signed or counted at: the sentence is about the conference,
 * or names no other event and no organisation before the figure and speaks of signing (for
 * investment) or attending (for attendance), or goes on from such a sentence ("Of these, 133 ...").
 */
function editionOfFact(
  c: Classified,
  s: Sentence,
  editions: EditionContext,
  orgs: Organisation[],
  previous: number | null,
): number | null {
  if (!EDITION_METRICS.includes(c.metric)) return null;
  const strict = editions.editionOf(s);
  if (strict) return strict.year;
  if (ANAPHORIC_COUNT.test(s.text)) return previous;
  const actorBefore = orgs.some((o) => o.mentions.some((m) => m.sentence === s.index && m.from < c.q.from));
  const cue = c.metric === 'attendance.people' ? ATTENDANCE : SIGNING;
  if (actorBefore || !cue.test(s.text)) return null;
  return editions.looseEditionOf(s)?.year ?? null;
}

/**
 * A number whose noun is left out takes it from its neighbours: "1.007 million and 1.049 million
 * units", "4.929 million vehicles ..., while sales reached 4.944 million", "Of these, 133 will ...".
 */
function borrowCountNouns(text: string, previousText: string, quantities: Quantity[]): void {
  quantities.forEach((q, i) => {
    if (!q.bare) return;
    const next = quantities[i + 1];
    if (next && COUNT_UNITS.has(next.unit) && /^\s*(?:,|and|or|to)\s*$/.test(text.slice(q.to, next.from))) {
      q.unit = next.unit;
      return;
    }
    const before = [...quantities.slice(0, i)].reverse().find((p) => COUNT_UNITS.has(p.unit));
    if (before) {
      q.unit = before.unit;
      return;
    }
    if (!Number.isInteger(q.value)) return;
    const context = ANAPHORIC_COUNT.test(text)
      ? previousText + ' ' + text.slice(0, q.from)
      : text.slice(0, q.from);
    const noun = COUNT_NOUN.find(([re]) => re.test(context));
    if (noun) q.unit = noun[1];
  });
}

function classifyAll(text: string, quantities: Quantity[], orgs: Organisation[], s: Sentence): Classified[] {
  const out: Classified[] = [];
  const respectively = /\brespectively\b/i.test(text);
  const pair = respectively ? TERM_PAIR.exec(text) : null;
  const names = respectively ? pairedNames(s, orgs) : null;
  const runIndex = respectively ? respectivelyIndexes(text, quantities) : quantities.map(() => null);
  quantities.forEach((q, i) => {
    if (q.unit === 'other') return;
    const previous = out[out.length - 1] ?? null;
    const previousQuantity = quantities[i - 1];
    if (q.equivalent && previous && previous.q === previousQuantity) {
      out.push({ ...previous, q, unit: q.unit as Unit, of: previous, earlier: false });
      return;
    }
    const left = text.slice(previousQuantity ? previousQuantity.to : 0, q.from);
    if (previous && previous.q === previousQuantity && previous.unit === q.unit && EARLIER_VALUE.test(left)) {
      out.push({ ...previous, q, of: previous, earlier: true });
      return;
    }
    const right = wordsAfter(text, q);
    const k = runIndex[i];
    const term = pair && k !== null ? (pair[1 + k]?.toLowerCase() ?? null) : null;
    const scope = names && k !== null ? (names[k] ?? null) : null;
    // In "48.2% and 23.5% respectively" the second figure shares the first one's cue.
    const sharesCue =
      !term && k !== null && k > 0 && previous?.q === previousQuantity && previous.unit === q.unit;
    const metric = sharesCue ? previous!.metric : metricOf(q, left, right, text, term);
    if (!metric) return;
    if (metric === 'employment.jobs' && q.unit === 'people') q.unit = 'jobs';
    // "fell 5%": a decline is a negative growth rate.
    if (metric === 'growth.yoy_percent' && DECLINE.test(left.slice(-40)) && q.value > 0) q.value = -q.value;
    const grown =
      metric === 'growth.yoy_percent'
        ? (out.find((c) => term && c.term === term && c.unit !== 'percent') ?? lastNonPercent(out))
        : null;
    out.push({ q, metric, unit: q.unit as Unit, term, scope, of: grown, earlier: false });
  });
  return out;
}

/**
 * The words after a quantity, up to the next figure or the end of the clause, parentheses left out,
 * at most 60 characters.
 */
function wordsAfter(text: string, q: Quantity): string {
  const rest = text.slice(q.to);
  const stop = rest.search(/[;.\d]/);
  const paren = rest.indexOf('(');
  // Usually no parenthesis opens before the stop, and leaving parentheses out changes nothing
  // there: skip rewriting the rest of the sentence.
  if (paren < 0 || (stop >= 0 && stop < paren)) return (stop < 0 ? rest : rest.slice(0, stop)).slice(0, 60);
  return rest
    .replace(/\s*\([^)]*\)/g, '')
    .split(/[;.]|\d/)[0]
    .slice(0, 60);
}

function lastNonPercent(out: Classified[]): Classified | null {
  for (let k = out.length - 1; k >= 0; k--) if (out[k].unit !== 'percent') return out[k];
  return null;
}

/**
 * "CATL and BYD held shares of 48.2% and 23.5% respectively", "CATL, BYD and CALB ... 246 GWh,
 * 137.1 GWh and 45.5 GWh respectively": the list of names a run of figures pairs with.
 */
function pairedNames(s: Sentence, orgs: Organisation[]): string[] | null {
  const mentions = orgs
    .flatMap((o) => o.mentions.filter((m) => m.sentence === s.index).map((m) => ({ m, name: shortName(o) })))
    .sort((a, b) => a.m.from - b.m.from);
  for (let i = 0; i + 1 < mentions.length; i++) {
    const names = [mentions[i].name];
    for (let j = i + 1; j < mentions.length; j++) {
      if (!/^\s*(?:,|and|,\s*and)\s*$/.test(s.text.slice(mentions[j - 1].m.to, mentions[j].m.from))) break;
      names.push(mentions[j].name);
    }
    if (names.length > 1) return names;
  }
  return null;
}

/**
 * For "A and B ... x and y respectively" (the caller has checked for "respectively"), the position of
 * each quantity within its run of same-unit quantities joined by "and" or commas (0 for x, 1 for y);
 * null outside such runs.
 */
function respectivelyIndexes(text: string, quantities: Quantity[]): (number | null)[] {
  const out: (number | null)[] = quantities.map(() => null);
  let runStart = 0;
  quantities.forEach((q, i) => {
    const prev = quantities[i - 1];
    const joined =
      prev && prev.unit === q.unit && /^\s*(?:,|and|,\s*and)\s*$/.test(text.slice(prev.to, q.from));
    if (!joined) runStart = i;
    out[i] = i - runStart;
  });
  quantities.forEach((_, i) => {
    const inRun = (out[i] ?? 0) > 0 || out[i + 1] === (out[i] ?? 0) + 1;
    if (!inRun) out[i] = null;
  });
  return out;
}

function metricOf(
  q: Quantity,
  left: string,
  right: string,
  sentence: string,
  term: string | null,
): Metric | null {
  const sentenceBefore = sentence.slice(0, q.from);
  const cue = (cues: CueSet) => nearestCue(cues, left, right) ?? nearestCue(cues, sentenceBefore, '');
  switch (q.unit) {
    case 'projects':
      return 'investment.projects';
    case 'jobs':
      return 'employment.jobs';
    case 'people':
      if (EMPLOYMENT.test(sentence)) return 'employment.jobs';
      if (ATTENDANCE.test(sentence)) return 'attendance.people';
      return 'other';
    case 'vehicles':
      if (term)
        return /sales/.test(term)
          ? 'sales.units'
          : /production|output/.test(term)
            ? 'production.units'
            : 'other';
      return cue(VEHICLES) ?? 'other';
    case 'CNY':
    case 'USD':
      return cue(MONEY) ?? 'other';
    case 'GWh':
      // A stock ("installed capacity ... by the end of 2025") is neither a period's volume nor plant capacity.
      if (
        /\binstalled capacity\b/i.test(left) &&
        /\b(?:by the end of|cumulative|total)\b/i.test(left + right)
      )
        return 'other';
      if (/\binstall\w*|\bloaded\b/i.test(left)) return 'battery.volume_gwh';
      return cue(GWH) ?? 'battery.volume_gwh';
    case 'percent':
      return cue(PERCENT) ?? 'other';
    default:
      return null;
  }
}

/**
 * The metric of the cue closest to the quantity. Words after it count less than words before it,
 * and words before it count less when a comma separates them from it.
 */
function nearestCue(cues: CueSet, left: string, right: string): Metric | null {
  const lastComma = left.lastIndexOf(',');
  // The earliest-listed of the nearest cues wins, as the lists put the more specific cues first.
  let best: RegExpExecArray | null = null;
  let bestDistance = Infinity;
  for (const m of matchesOf(cues.re, left)) {
    const distance = left.length - (m.index + m[0].length) + (m.index < lastComma ? 50 : 0);
    if (distance < bestDistance) [best, bestDistance] = [m, distance];
  }
  const comma = right.indexOf(',');
  for (const m of matchesOf(cues.re, comma < 0 ? right : right.slice(0, comma))) {
    if (m.index + 40 < bestDistance) [best, bestDistance] = [m, m.index + 40];
  }
  return best ? cues.metrics[best.findIndex((g, i) => i > 0 && g !== undefined) - 1] : null;
}

/** One pattern per cue list, a group per cue, so a window is scanned once. */
interface CueSet {
  re: RegExp;
  metrics: Metric[];
}

function cueSet(cues: Cue[]): CueSet {
  return {
    re: new RegExp(cues.map(([re]) => `(${re.source})`).join('|'), 'gi'),
    metrics: cues.map(([, m]) => m),
  };
}

/**
 * The period phrase that governs a quantity: one in its own clause, else the nearest one before it
 * in the sentence ("In 2023, ... reached 96 GWh"), else the previous sentence's for "in the period".
 * Figures signed or counted at a conference default to its edition's year.
 */
function periodOf(c: Classified, ctx: SentenceContext): string | null {
  if (c.of && c.earlier) {
    const before = periodOf(c.of, ctx);
    return YEAR_EARLIER.test(ctx.sentence.text.slice(c.q.to)) ? shiftYear(before, -1) : before;
  }
  if (c.of && c.q.equivalent) return periodOf(c.of, ctx);
  const text = ctx.sentence.text;
  const sameClause = ctx.periods.filter((p) => {
    const between = p.from >= c.q.to ? text.slice(c.q.to, p.from) : text.slice(p.to, c.q.from);
    return !/[,;]/.test(between);
  });
  const before = ctx.periods.filter((p) => p.to <= c.q.from);
  const pool = sameClause.length ? sameClause : before;
  const distance = (p: PeriodMention) => Math.min(Math.abs(p.from - c.q.to), Math.abs(c.q.from - p.to));
  const best = [...pool].sort((a, b) => distance(a) - distance(b))[0];
  if (best) return best.period;
  if (c.of) return periodOf(c.of, ctx);
  const carried = ANAPHORIC_PERIOD.test(text) ? ctx.carried(ctx.sentence.index) : null;
  if (carried) return carried;
  if (ctx.edition && EDITION_METRICS.includes(c.metric)) return String(ctx.edition);
  return null;
}

/** The clause a quantity stands in: from the comma or semicolon before it to the one after it. */
function clauseOf(text: string, q: Quantity): string {
  const start = Math.max(text.lastIndexOf(',', q.from), text.lastIndexOf(';', q.from)) + 1;
  const end = text.slice(q.to).search(/[,;]/);
  return text.slice(start, end < 0 ? text.length : q.to + end);
}

function shiftYear(period: string | null, by: number): string | null {
  return period ? period.replace(/\d{4}/g, (y) => String(+y + by)) : null;
}

function subjectOf(
  c: Classified,
  ctx: SentenceContext,
  period: string | null,
  orgs: Organisation[],
  places: Places,
): string {
  const s = ctx.sentence;
  const editionYear = ctx.edition;
  if (c.of && (c.q.equivalent || c.earlier)) return subjectOf(c.of, ctx, period, orgs, places);
  // A growth rate is about the figure that grew.
  if (c.of) return `${subjectOf(c.of, ctx, period, orgs, places)} growth`;
  const text = s.text;
  const located =
    /^\s+(?:will be |are |were |to be )?(?:situated|located|based|landed|settled|built)?\s*in\s+([A-Z][a-z]+)/.exec(
      text.slice(c.q.to),
    );
  const where = located && places.isPlace(located[1]) ? ` in ${located[1]}` : '';
  if (editionYear && EDITION_METRICS.includes(c.metric)) {
    if (period && /^\d{4}\.\.\d{4}$/.test(period) && /\b(?:sessions|editions|conferences)\b/i.test(text)) {
      const [a, b] = period.split('..');
      return `${a} and ${b} editions signed projects`;
    }
    if (!period || period === String(editionYear)) {
      return c.metric === 'attendance.people'
        ? `${editionYear} edition`
        : `${editionYear} edition signed projects${where}`;
    }
  }
  const scope = c.scope ?? scopeOf(c.q.from, s, orgs, places);
  const label = (() => {
    switch (c.metric) {
      case 'production.units':
        return `${vehicleKind(text)} production`;
      case 'sales.units':
        return `${vehicleKind(text)} sales`;
      case 'battery.volume_gwh': {
        const clause = clauseOf(text, c.q);
        const kind = /export/i.test(clause)
          ? 'exports'
          : /install/i.test(clause)
            ? 'installations'
            : /ship/i.test(clause)
              ? 'shipments'
              : /sales|sold/i.test(clause)
                ? 'sales'
                : 'output';
        return `${/storage/i.test(text) ? 'energy storage battery' : 'power battery'} ${kind}`;
      }
      case 'capacity.gwh':
        return 'production capacity';
      case 'output.value':
        return 'industry output value';
      case 'investment.amount':
        return `investment${where}`;
      case 'investment.projects':
        return `projects${where}`;
      case 'employment.jobs':
        return 'jobs';
      case 'attendance.people':
        return 'attendance';
      case 'market.share_percent':
        return 'share';
      case 'growth.yoy_percent': {
        const what = /\bin\s+((?:[a-z-]+\s){0,2}[a-z-]+)/.exec(text.slice(c.q.to))?.[1];
        return `${what ?? c.term ?? 'value'} growth`;
      }
      default:
        return c.term ?? 'figure';
    }
  })();
  const forecast = c.metric !== 'capacity.gwh' && FORECAST.test(clauseOf(text, c.q)) ? ' (forecast)' : '';
  return `${scope ? `${scope} ` : ''}${label}${forecast}`;
}

/** "NEV" when the sentence speaks of new energy or electric vehicles, else "vehicle". */
function vehicleKind(text: string): string {
  return /\bnew energy vehicles?\b|\bNEVs?\b|\belectric vehicles?\b|\bEVs?\b/i.test(text) ? 'NEV' : 'vehicle';
}

/**
 * Who or where a figure is about: the organisation or place named nearest before it in its clause,
 * else the first one the sentence names.
 */
function scopeOf(at: number, s: Sentence, orgs: Organisation[], places: Places): string | null {
  let candidates = SCOPES.get(s);
  if (!candidates) {
    candidates = scopeCandidates(s, orgs, places);
    SCOPES.set(s, candidates);
  }
  const clauseStart = Math.max(s.text.lastIndexOf(',', at), s.text.lastIndexOf(';', at));
  const inClause = candidates
    .filter((c) => c.from < at && c.from > clauseStart)
    .sort((a, b) => b.from - a.from);
  return inClause[0]?.name ?? candidates.sort((a, b) => a.from - b.from)[0]?.name ?? null;
}

// Per sentence, computed once however many figures it holds.
const SCOPES = new WeakMap<Sentence, { name: string; from: number }[]>();

/** The organisations and places a sentence names, with where. */
function scopeCandidates(
  s: Sentence,
  orgs: Organisation[],
  places: Places,
): { name: string; from: number }[] {
  const candidates: { name: string; from: number }[] = [];
  for (const o of orgs) {
    for (const m of o.mentions) {
      if (m.sentence !== s.index) continue;
      // The source of a figure ("according to GGII") is not what it is about.
      const source = SOURCE_BEFORE.test(s.text.slice(Math.max(0, m.from - 80), m.from));
      if (!source) candidates.push({ name: shortName(o), from: m.from });
    }
  }
  for (const m of matchesOf(/\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b/g, s.text)) {
    if (
      places.isPlace(m[0]) &&
      !candidates.some((c) => m.index >= c.from && m.index < c.from + c.name.length)
    ) {
      candidates.push({ name: m[0].replace(/\s+City$/, ''), from: m.index });
    }
  }
  return candidates;
}

const SOURCE_BEFORE =
  /\baccording to\b[^,;]*$|\b(?:data|figures|statistics|estimates|report|research)\s+(?:from|by|of)\s+(?:the\s+)?$/i;

/** The short form analysts recognise: an acronym alias when there is one, else the name. */
function shortName(o: Organisation): string {
  return o.aliases.find((a) => /^[A-Z][A-Z0-9&]{1,6}$/.test(a)) ?? o.name;
}

function dedupe(facts: { fact: FactRecord; headline: boolean }[]): FactRecord[] {
  const ordered = [...facts.filter((f) => !f.headline), ...facts.filter((f) => f.headline)];
  const out: FactRecord[] = [];
  for (const { fact: f } of ordered) {
    const same = out.find(
      (o) =>
        o.metric === f.metric &&
        o.unit === f.unit &&
        Math.abs(o.value - f.value) <= Math.abs(o.value) * 0.005 &&
        (o.period === f.period || f.period === null || o.period === null),
    );
    if (!same) out.push(f);
  }
  return out;
}
