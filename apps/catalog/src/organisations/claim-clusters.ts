/** One article naming one organisation, by every key the article gives it. */
export interface Claim {
  articleId: string;
  keys: string[];
}

/** Claims that are one organisation, and all the keys they name it by (first claim's first key first). */
export interface Cluster {
  keys: string[];
  claims: number[];
}

/**
 * Groups a batch's claims into organisations: two claims sharing a key, directly or through other
 * claims, are one organisation, exactly as if the batch's articles had been read one after another.
 */
export function clusterClaims(claims: Claim[]): Cluster[] {
  const parent = claims.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const owner = new Map<string, number>();
  claims.forEach((claim, i) => {
    for (const key of claim.keys) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[root(i)] = root(other);
    }
  });
  const clusters = new Map<number, Cluster>();
  claims.forEach((claim, i) => {
    const r = root(i);
    const cluster = clusters.get(r) ?? { keys: [], claims: [] };
    cluster.claims.push(i);
    cluster.keys.push(...claim.keys.filter((k) => !cluster.keys.includes(k)));
    clusters.set(r, cluster);
  });
  return [...clusters.values()];
}
