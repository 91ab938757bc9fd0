import { FactRecord, Metric, OrganisationRecord } from '@app/contracts';

/**
 * What identifies a reported figure across articles: the metric, the period and the salient tokens of
 * the subject. Two outlets wording one fact differently ("2024 edition signed projects", "projects signed
 * at the 2024 World Power Battery Conference") get one key; figures about different things do not.
 *
 * The rule, applied to the subject the parser wrote:
 * 1. Organisation names and aliases the article itself lists are replaced by the organisation's short
 *    form (its acronym alias, else its name), so "Contemporary Amperex Technology Co., Limited" = "CATL".
 * 2. Phrases are folded: "new energy vehicles" -> nev; a conference name or "edition", "conference",
 *    "expo", "summit" -> edition; "(forecast)", "expected", "planned" -> forecast.
 * 3. Words are lower-cased, possessives and punctuation dropped, plurals made singular and synonyms
 *    mapped to one word (output/produced -> production, shipped -> shipment, installed -> installation).
 * 4. Filler is dropped: articles and prepositions, time words (the period says when), legal suffixes
 *    (Co., Ltd.), administrative words (city, province) and the words the metric already implies
 *    ("signed projects" for investment.amount, "jobs" for employment.jobs).
 * 5. Years: with an edition word they become edition:YYYY tokens (the period's year when none is given);
 *    otherwise they only supply the period when the parser gave none.
 * 6. The remaining tokens are deduplicated and sorted.
 *
 * A figure with no period that is not an edition's cannot be told apart from another undated figure
 * with the same subject in another article ("production capacity" of two different plants), so its key
 * is scoped to its article: it is reconciled only with the same article's other statements of it.
 */
export interface MetricKey {
  id: string;
  /** The key without its period: the series the figure is a point of. */
  series: string;
  metric: Metric;
  period: string | null;
  tokens: string[];
  /** Year of the conference edition whose headline figure this is, else null. */
  edition: number | null;
}

export interface ArticleContext {
  articleId: string;
  organisations: OrganisationRecord[];
}

/** Metrics whose figures are reconciled; `other` is a grab bag of unrelated figures, kept only as observations. */
export type ReconciledMetric = Exclude<Metric, 'other'>;
export const isReconciled = (metric: Metric): metric is ReconciledMetric => metric !== 'other';

const EDITION_METRICS: Metric[] = [
  'investment.projects',
  'investment.amount',
  'attendance.people',
  'employment.jobs',
];

const INVESTMENT_WORDS = [
  'investment',
  'invest',
  'amount',
  'worth',
  'value',
  'sign',
  'project',
  'deal',
  'contract',
  'agreement',
  'fund',
  'funding',
  'capital',
  'pledge',
];

/** Words a metric already says: a subject repeating them names nothing more. */
const IMPLIED: Record<ReconciledMetric, string[]> = {
  'investment.amount': INVESTMENT_WORDS,
  'investment.projects': INVESTMENT_WORDS,
  'production.units': ['production', 'vehicle', 'unit'],
  'sales.units': ['sale', 'vehicle', 'unit'],
  'growth.yoy_percent': ['growth', 'increase', 'rise', 'change', 'percent', 'rate'],
  'battery.volume_gwh': ['battery', 'power', 'gwh', 'volume', 'cell'],
  'capacity.gwh': ['capacity', 'production', 'battery', 'power', 'gwh', 'plant', 'factory', 'base'],
  'market.share_percent': ['share', 'market', 'percent'],
  'output.value': ['production', 'value', 'industry', 'battery', 'power', 'gross', 'chain'],
  'employment.jobs': ['job', 'employment', 'create'],
  'attendance.people': ['attendance', 'people', 'draw', 'bring'],
};

const FILLER = new Set(
  [
    'a an the of in at for and or on by to from with into during since across through throughout per via',
    'among between after before within as its their his her this that these those',
    'total overall combined cumulative about approximately around roughly some nearly almost over more',
    'than less under up down just only also new all',
    'year years annual annually first second third fourth half quarter month period so far same last',
    'h1 h2 q1 q2 q3 q4 january february march april may june july august september october november december',
    'co ltd limited inc incorporated corp corporation company group plc holding holdings',
    'city province county district municipality municipal region provincial local',
    'figure number data statistic',
  ]
    .join(' ')
    .split(' '),
);

const SYNONYMS: Record<string, string> = {
  output: 'production',
  produce: 'production',
  produced: 'production',
  manufacture: 'production',
  manufactured: 'production',
  made: 'production',
  build: 'production',
  built: 'production',
  sold: 'sale',
  sell: 'sale',
  delivery: 'sale',
  delivered: 'sale',
  shipped: 'shipment',
  ship: 'shipment',
  installed: 'installation',
  install: 'installation',
  loaded: 'installation',
  exported: 'export',
  invested: 'invest',
  signed: 'sign',
  signing: 'sign',
  pledged: 'pledge',
  created: 'create',
  creating: 'create',
  employee: 'job',
  worker: 'job',
  position: 'job',
  visitor: 'attendance',
  attendee: 'attendance',
  guest: 'attendance',
  participant: 'attendance',
  delegate: 'attendance',
  attend: 'attendance',
  attended: 'attendance',
  drew: 'draw',
  brought: 'bring',
  expected: 'forecast',
  expect: 'forecast',
  planned: 'forecast',
  plan: 'forecast',
  projected: 'forecast',
  target: 'forecast',
  estimated: 'forecast',
  estimate: 'forecast',
  grew: 'growth',
  grow: 'growth',
  rose: 'rise',
  increased: 'increase',
  jump: 'rise',
  jumped: 'rise',
  yuan: 'value',
  rmb: 'value',
  dollar: 'value',
  usd: 'value',
  cny: 'value',
};

const EDITION_NAME = new RegExp(
  String.raw`\b(?:(?:world|power|battery|batteries|ev|es|electric|vehicle|energy|storage|international|china|&|and)\s+)*` +
    String.raw`(?:conferences?|editions?|expos?|summits?|wpbc|sessions?)\b`,
  'g',
);
const YEAR = /^(?:19|20)\d{2}$/;

/** The key of one fact as an article reported it. */
export function metricKey(
  fact: FactRecord,
  article: ArticleContext,
  editionsSigned: number[],
): MetricKey | null {
  if (!isReconciled(fact.metric)) return null;
  const { tokens, years, edition } = readSubject(fact.metric, fact.subject, article.organisations);
  let period = fact.period ?? null;
  const editionYears = edition ? (years.length ? years : singleYear(period)) : [];
  if (!period && (editionYears.length || years.length))
    period = periodOf(editionYears.length ? editionYears : years);
  const salient = [...editionYears.map((y) => `edition:${y}`), ...tokens];

  // An undated jobs forecast in a report of one edition's signed projects is the jobs those projects
  // are expected to create (the parser does not tie jobs to the edition itself).
  if (
    fact.metric === 'employment.jobs' &&
    !period &&
    salient.join() === 'forecast' &&
    editionsSigned.length === 1
  ) {
    return build(fact.metric, String(editionsSigned[0]), [`edition:${editionsSigned[0]}`, 'forecast']);
  }
  if (!period) return build(fact.metric, null, salient, article.articleId);
  return build(fact.metric, period, salient);
}

/**
 * The editions an article reports signed projects of: the years of its investment facts keyed to a
 * single edition and nothing else. Context for `metricKey`.
 */
export function editionsSignedIn(facts: FactRecord[], article: ArticleContext): number[] {
  const years = new Set<number>();
  for (const fact of facts) {
    if (fact.metric !== 'investment.amount' && fact.metric !== 'investment.projects') continue;
    const key = metricKey(fact, article, []);
    if (key?.edition !== null && key?.edition !== undefined) years.add(key.edition);
  }
  return [...years].sort((a, b) => a - b);
}

/** The series a metric and a free-text subject name, as an analyst would type them into a query. */
export function seriesOf(metric: ReconciledMetric, subject: string): string {
  const { tokens, years, edition } = readSubject(metric, subject, []);
  const editionTokens = edition ? years.map((y) => `edition:${y}`) : [];
  return build(metric, null, [...editionTokens, ...tokens]).series;
}

function build(metric: ReconciledMetric, period: string | null, tokens: string[], scope?: string): MetricKey {
  const sorted = [...new Set(tokens)].sort();
  const series = `${metric}|${sorted.join('+')}${scope ? `@${scope}` : ''}`;
  const editionTokens = sorted.filter((t) => t.startsWith('edition:'));
  const headline =
    EDITION_METRICS.includes(metric) &&
    editionTokens.length === 1 &&
    sorted.every((t) => t === editionTokens[0] || (t === 'forecast' && metric === 'employment.jobs')) &&
    period === editionTokens[0].slice('edition:'.length);
  return {
    id: `${metric}|${period ?? '-'}|${sorted.join('+')}${scope ? `@${scope}` : ''}`,
    series,
    metric,
    period,
    tokens: sorted,
    edition: headline ? Number(period) : null,
  };
}

interface SubjectReading {
  tokens: string[];
  years: number[];
  /** Whether the subject names a conference edition. */
  edition: boolean;
}

function readSubject(
  metric: ReconciledMetric,
  subject: string,
  organisations: OrganisationRecord[],
): SubjectReading {
  let text = ` ${subject.toLowerCase()} `;
  for (const [name, short] of organisationNames(organisations)) {
    text = text.replace(wholeWords(name), ` ${short} `);
  }
  text = text
    .replace(/\bnew[\s-]+energy[\s-]+vehicles?\b|\bnevs?\b/g, ' nev ')
    .replace(/\byear[\s-]+(?:on|over)[\s-]+year\b|\by-?o-?y\b/g, ' ')
    .replace(/[’']s\b/g, '')
    .replace(EDITION_NAME, ' edition ');
  const implied = new Set(IMPLIED[metric]);
  const tokens: string[] = [];
  const years: number[] = [];
  let edition = false;
  for (const raw of text.split(/[^a-z0-9&]+/)) {
    if (!raw || raw === '&') continue;
    if (YEAR.test(raw)) {
      years.push(Number(raw));
      continue;
    }
    const word = SYNONYMS[singular(raw)] ?? singular(raw);
    if (word === 'edition') edition = true;
    else if (!FILLER.has(word) && !implied.has(word) && !/^\d+$/.test(word)) tokens.push(word);
  }
  return { tokens, years: [...new Set(years)].sort(), edition };
}

/** Each name and alias of each organisation (lower case, longest first) with the short form to put in its place. */
function organisationNames(organisations: OrganisationRecord[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const org of organisations) {
    const short = org.aliases.find((a) => /^[A-Z][A-Z0-9&]{1,6}$/.test(a)) ?? org.name;
    for (const name of [org.name, ...org.aliases]) {
      if (name.trim().length > 1) pairs.push([name.toLowerCase(), short.toLowerCase()]);
    }
  }
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

function wholeWords(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`, 'g');
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function singleYear(period: string | null): number[] {
  return period && /^\d{4}$/.test(period) ? [Number(period)] : [];
}

function periodOf(years: number[]): string {
  return years.length === 1 ? String(years[0]) : `${years[0]}..${years[years.length - 1]}`;
}

/** The subject tokens of a series id, the inverse of how `metricKey` writes it. */
export function seriesTokens(series: string): string[] {
  const tokens = series.split('|')[1].split('@')[0];
  return tokens ? tokens.split('+') : [];
}

/** Whether a series is of figures scoped to one article (undated, not an edition's). */
export const isArticleScoped = (series: string): boolean => series.includes('@');

/** The keys of an edition's headline figures: what `edition` marks, so an edition is read by _id. */
export function headlineKeys(year: number): string[] {
  const edition = `edition:${year}`;
  return [
    ...EDITION_METRICS.map((metric) => build(metric as ReconciledMetric, String(year), [edition]).id),
    build('employment.jobs', String(year), [edition, 'forecast']).id,
  ];
}
