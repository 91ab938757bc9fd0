/** What one article says about one entity, as values per attribute ("type" → ["company"]). */
export type Votes = Record<string, string[]>;

/** How many articles gave each value of each attribute. Kept sorted so equal tallies are equal arrays. */
export interface TallyEntry {
  a: string;
  v: string;
  n: number;
}
export type Tally = TallyEntry[];

/** Every contribution votes for this, so its count is the number of articles. */
export const ARTICLE = 'article';

const entryKey = (a: string, v: string) => `${a}\u0000${v}`;

/** Adds `votes` to a tally `times` times (negative to take an article's votes out). */
export function addVotes(tally: Tally, votes: Votes | null, times: number): Tally {
  if (!votes || !times) return tally;
  const counts = new Map(tally.map((e) => [entryKey(e.a, e.v), e]));
  for (const [a, values] of Object.entries(votes)) {
    for (const v of new Set(values)) {
      const known = counts.get(entryKey(a, v));
      counts.set(entryKey(a, v), { a, v, n: (known?.n ?? 0) + times });
    }
  }
  return [...counts.values()]
    .filter((e) => e.n !== 0)
    .sort((x, y) => (x.a === y.a ? (x.v < y.v ? -1 : x.v > y.v ? 1 : 0) : x.a < y.a ? -1 : 1));
}

/** The values of one attribute, most articles first; on a tie `prefer` decides, then the text. */
export function ranked(
  tally: Tally | undefined,
  attribute: string,
  prefer: (a: string, b: string) => number = () => 0,
): { value: string; n: number }[] {
  return (tally ?? [])
    .filter((e) => e.a === attribute && e.n > 0)
    .map((e) => ({ value: e.v, n: e.n }))
    .sort(
      (x, y) => y.n - x.n || prefer(x.value, y.value) || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0),
    );
}

/** The value most articles gave (see ranked), or null when none gave one. */
export const chosen = (
  tally: Tally | undefined,
  attribute: string,
  prefer?: (a: string, b: string) => number,
) => ranked(tally, attribute, prefer)[0]?.value ?? null;

export const articleCount = (tally: Tally | undefined): number => ranked(tally, ARTICLE)[0]?.n ?? 0;

/** Attributes whose articles gave more than one value. */
export const disagreements = (tally: Tally | undefined, attributes: string[]): string[] =>
  attributes.filter((a) => ranked(tally, a).length > 1);
