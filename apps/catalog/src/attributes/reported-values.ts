/** One article's value for an attribute. */
export interface Report<T> {
  value: T;
  articleId: string;
}

/** An attribute as the API shows it: the chosen value and every value reported, each with its articles. */
export interface ReportedAttribute<T> {
  value: T | null;
  values: { value: T; articles: string[] }[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Chooses among the values articles reported: the one most articles reported; on a tie `prefer`
 * decides, then the value's text, so the choice never depends on the order articles arrived in (the
 * same rule the entities' tallies follow). Nothing is dropped: every value stays listed with its
 * articles, the chosen one first.
 */
export function chooseValue<T>(
  reports: Report<T>[],
  prefer: (a: T, b: T) => number = () => 0,
): ReportedAttribute<T> {
  const byValue = new Map<string, { value: T; articles: Set<string> }>();
  for (const r of reports) {
    const known = byValue.get(text(r.value)) ?? { value: r.value, articles: new Set<string>() };
    known.articles.add(r.articleId);
    byValue.set(text(r.value), known);
  }
  const values = [...byValue.values()]
    .map((v) => ({ value: v.value, articles: [...v.articles].sort() }))
    .sort(
      (a, b) =>
        b.articles.length - a.articles.length ||
        prefer(a.value, b.value) ||
        (text(a.value) < text(b.value) ? -1 : text(a.value) > text(b.value) ? 1 : 0),
    );
  return { value: values[0]?.value ?? null, values };
}

/** Reports of one field, leaving out articles that did not state it; a list field gives one report per item. */
export function reportsOf<C, T>(
  contributions: { articleId: string; contribution: C }[],
  field: (c: C) => T | T[] | null | undefined,
): Report<T>[] {
  return contributions.flatMap(({ articleId, contribution }) => {
    const value = field(contribution);
    if (value === null || value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((v) => ({ value: v, articleId }));
  });
}

/** Names of the attributes whose articles disagree. */
export function conflictsOf(attributes: Record<string, ReportedAttribute<unknown>>): string[] {
  return Object.entries(attributes)
    .filter(([, a]) => a.values.length > 1)
    .map(([name]) => name);
}
