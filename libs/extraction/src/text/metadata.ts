import { MONTH, normaliseDate } from '../dates';

/**
 * Page metadata lines near the top or bottom of a story: "date 2026-07-30",
 * "Updated: 2024-09-02 10:15", "By Li Wei | China Daily | 2024-09-02", "Source: Xinhua | 2024-09-01".
 * They are removed from the text, and the first date among them is the publication date.
 */
export interface Metadata {
  published: string | null;
  rest: string;
}

const DATE = String.raw`(\d{4}-\d{1,2}-\d{1,2}|(?:${MONTH})\s+\d{1,2},?\s+\d{4})`;
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?(?:\s*(?:UTC|GMT|BJT|CST)?[+-]?\d{0,4})?)?`;
// A labelled date alone on its line.
const LABELLED = new RegExp(
  String.raw`^(?:date|dated|published|posted|updated|release date)?\s*[:：]?\s*${DATE}${TIME}\s*$`,
  'i',
);
// A "|"-separated byline or source line with a date in it.
const PIPED = new RegExp(String.raw`^[^|]{0,80}\|.{0,160}?${DATE}`, 'i');
const EDGE = 4;

export function readMetadata(body: string): Metadata {
  const lines = body.split('\n');
  const content = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l);
  const edges = [...content.slice(0, EDGE), ...content.slice(-EDGE)];
  let published: string | null = null;
  const drop = new Set<number>();
  for (const { l, i } of edges) {
    const m = LABELLED.exec(l) ?? (l.length <= 240 ? PIPED.exec(l) : null);
    if (!m) continue;
    drop.add(i);
    published ??= normaliseDate(m[1]);
  }
  return { published, rest: drop.size ? lines.filter((_, i) => !drop.has(i)).join('\n') : body };
}
