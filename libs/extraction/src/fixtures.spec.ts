import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractionRecord, FactRecord } from '@app/contracts';
import { extract, parseArticleFile } from './index';

/**
 * Runs the extractor over the demo articles in test/fixtures/articles and compares each record with
 * its expected json by the evaluation's rules (shared/eval/score.mjs): facts match on metric, unit and
 * value within 0.5%; organisations on any normalised name or alias; people on the normalised name;
 * exhibits on word overlap; editions on year. Subjects and evidence are not compared.
 */

const DIR = join(__dirname, '../../../test/fixtures/articles');

type Part = 'editions' | 'organisations' | 'people' | 'exhibits' | 'facts';
type Expected = ExtractionRecord & { ignore?: Partial<Record<Part, (string | number)[]>> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Item = any;

const norm = (s: unknown): string =>
  String(s ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(co|company|corp|corporation|ltd|limited|inc|llc|plc|group)\b/g, ' ')
    .replace(/^\s*the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
const STOP = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'new', 'its', 'by', 'from']);
const words = (s: string) =>
  new Set(
    norm(s)
      .split(' ')
      .filter((w) => w && !STOP.has(w)),
  );
const jaccard = (a: string, b: string) => {
  const A = words(a);
  const B = words(b);
  const inter = [...A].filter((w) => B.has(w)).length;
  return A.size && B.size ? inter / (A.size + B.size - inter) : 0;
};
const variants = (n: string) => {
  const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(n);
  return m ? [n, m[1], m[2]] : [n];
};
const names = (o: Item) =>
  new Set([o.name, ...(o.aliases ?? [])].flatMap(variants).map(norm).filter(Boolean));
const intersects = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

const same: Record<Part, (p: Item, g: Item) => boolean> = {
  organisations: (p, g) => intersects(names(p), names(g)),
  people: (p, g) => norm(p.name) === norm(g.name),
  exhibits: (p, g) => jaccard(p.name, g.name) >= 0.5,
  editions: (p, g) => p.year === g.year,
  facts: (p: FactRecord, g: FactRecord) =>
    p.metric === g.metric &&
    p.unit === g.unit &&
    Math.abs(p.value - g.value) <= (g.unit === 'percent' ? 0.051 : Math.abs(g.value) * 0.005),
};
const ignored: Record<Part, (p: Item, ign: (string | number)[]) => boolean> = {
  organisations: (p, ign) => ign.some((n) => names(p).has(norm(n))),
  people: (p, ign) => ign.some((n) => norm(n) === norm(p.name)),
  exhibits: (p, ign) => ign.some((n) => jaccard(p.name, String(n)) >= 0.5),
  editions: (p, ign) => ign.map(Number).includes(p.year),
  facts: () => false,
};

interface Score {
  tp: number;
  fp: number;
  fn: number;
  missed: Item[];
  extra: Item[];
}

function score(part: Part, predicted: Item[], expected: Expected): Score {
  const scored = (x: Item) => part !== 'facts' || x.metric !== 'other';
  const dedupe = (list: Item[]) =>
    list.filter(scored).filter((x, i, all) => all.findIndex((y) => same[part](x, y)) === i);
  const gold = dedupe(expected[part] as Item[]);
  const pred = dedupe(predicted).filter((x) => !ignored[part](x, expected.ignore?.[part] ?? []));
  const used = new Set<number>();
  const missed: Item[] = [];
  for (const g of gold) {
    const j = pred.findIndex((x, k) => !used.has(k) && same[part](x, g));
    if (j >= 0) used.add(j);
    else missed.push(g);
  }
  const extra = pred.filter((_, k) => !used.has(k));
  return { tp: used.size, fp: extra.length, fn: missed.length, missed, extra };
}

const f1 = (scores: Score[]) => {
  const tp = scores.reduce((a, s) => a + s.tp, 0);
  const fp = scores.reduce((a, s) => a + s.fp, 0);
  const fn = scores.reduce((a, s) => a + s.fn, 0);
  return tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
};
const describe_ = (s: Score) => JSON.stringify({ missed: s.missed.map(brief), extra: s.extra.map(brief) });
const brief = (x: Item) => (x.metric ? [x.metric, x.value, x.unit] : (x.name ?? x.year));

/** Items each fixture must get right, whatever else changes: [part, name or [metric, value]]. */
const MUST_HAVE: Record<string, [Part, string | number | [string, number]][]> = {
  'wire-2024-wpbc-opening': [
    ['facts', ['investment.amount', 95_250_000_000]],
    ['facts', ['investment.projects', 133]],
    ['facts', ['sales.units', 9_495_000]],
    ['people', 'Gao Feng'],
    ['editions', 2024],
  ],
  'press-release-2023-wpbc': [
    ['facts', ['market.share_percent', 23.5]],
    ['facts', ['attendance.people', 1000]],
    ['exhibits', 'Blade battery pack'],
    ['organisations', 'MIIT'],
  ],
  'trade-magazine-catl-yibin': [
    ['facts', ['capacity.gwh', 235]],
    ['facts', ['employment.jobs', 20_000]],
    ['people', 'Wu Kai'],
  ],
  'local-notice-yibin-2024': [
    ['facts', ['output.value', 62_800_000_000]],
    ['facts', ['battery.volume_gwh', 78.5]],
    ['facts', ['employment.jobs', 45_000]],
  ],
  'wire-2022-ev-es-conference': [
    ['facts', ['investment.amount', 14_300_000_000]],
    ['organisations', 'Geely'],
    ['exhibits', 'hydrogen fuel cell bus'],
  ],
  'nev-statistics-h1-2024': [
    ['facts', ['production.units', 1_007_000]],
    ['facts', ['sales.units', 4_944_000]],
    ['facts', ['market.share_percent', 35.2]],
  ],
  'university-solid-state-research': [
    ['people', 'Guo Xiaodong'],
    ['exhibits', 'pouch-type solid-state lithium metal battery'],
  ],
  'gotion-eve-expansion-2025': [
    ['facts', ['investment.amount', 1_660_000_000]],
    ['facts', ['capacity.gwh', 15]],
    ['organisations', 'Benchmark Mineral Intelligence'],
  ],
  'exhibition-2025-wpbc-photos': [
    ['exhibits', 'eVTOL aircraft'],
    ['exhibits', 'high-nickel cathode material'],
  ],
  'forum-interviews-2023': [
    ['people', 'Martin Brenner'],
    ['people', 'Zeng Yuqun'],
  ],
  'ministry-bulletin-2026': [
    ['facts', ['sales.units', 3_070_000]],
    ['facts', ['market.share_percent', 41.2]],
  ],
  'wire-2024-investment-rounded': [
    ['facts', ['investment.projects', 130]],
    ['facts', ['capacity.gwh', 500]],
  ],
};

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();
const PARTS: Part[] = ['editions', 'organisations', 'people', 'exhibits', 'facts'];
const results = new Map<string, Record<Part, Score>>();

describe('extraction fixtures', () => {
  it('has at least ten fixtures, each with an expected record', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    for (const f of fixtures) expect(readdirSync(DIR)).toContain(`${f}.json`);
  });

  describe.each(fixtures)('%s', (name) => {
    const record = extract(parseArticleFile(readFileSync(join(DIR, `${name}.txt`), 'utf8')));
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Expected;
    const scores = Object.fromEntries(
      PARTS.map((p) => [p, score(p, record[p] as Item[], expected)]),
    ) as Record<Part, Score>;
    results.set(name, scores);

    it('finds the facts (F1 >= 0.85)', () => {
      expect({ f1: f1([scores.facts]) >= 0.85, detail: describe_(scores.facts) }).toMatchObject({ f1: true });
    });
    it('finds the organisations, people and exhibits (F1 >= 0.8)', () => {
      const entities = [scores.organisations, scores.people, scores.exhibits];
      expect({ f1: f1(entities) >= 0.8, detail: entities.map(describe_) }).toMatchObject({ f1: true });
    });
    it('finds the editions with their city and dates', () => {
      expect(scores.editions.fn + scores.editions.fp).toBe(0);
      for (const edition of expected.editions) {
        const found = record.editions.find((e) => e.year === edition.year)!;
        expect({ city: found.city, startDate: found.startDate, endDate: found.endDate }).toEqual({
          city: edition.city,
          startDate: edition.startDate,
          endDate: edition.endDate,
        });
      }
    });
    it('keeps the publication date', () => {
      expect(record.publishedAt).toBe(expected.publishedAt);
    });
    it.each(MUST_HAVE[name] ?? [])('has %s %j', (part, key) => {
      const list = record[part] as Item[];
      const hit = Array.isArray(key)
        ? list.some((f) => f.metric === key[0] && Math.abs(f.value - key[1]) <= Math.abs(key[1]) * 0.005)
        : list.some((x) =>
            part === 'editions' ? x.year === key : same[part](x, { name: key, aliases: [] }),
          );
      expect(hit).toBe(true);
    });
  });

  it('scores well across all fixtures (facts F1 >= 0.9, entities F1 >= 0.9)', () => {
    const all = [...results.values()];
    expect(f1(all.map((s) => s.facts))).toBeGreaterThanOrEqual(0.9);
    expect(f1(all.flatMap((s) => [s.organisations, s.people, s.exhibits]))).toBeGreaterThanOrEqual(0.9);
  });
});
