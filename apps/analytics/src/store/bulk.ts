const CHUNKS = 4;

/** Bulk writes never fail silently on documents that fail validation. */
export const BULK = { ordered: false, throwOnValidationError: true } as const;

/**
 * Unordered writes, each to a different document, sent as a few bulk writes at once. FerretDB applies
 * every operation in its own transaction; overlapping the chunks keeps its decoding and encoding busy
 * while SQLite commits, where one bulk write would wait on each commit in turn.
 */
export async function inParallelChunks<Op>(
  ops: Op[],
  write: (chunk: Op[]) => Promise<unknown>,
): Promise<void> {
  if (!ops.length) return;
  const size = Math.ceil(ops.length / CHUNKS);
  const chunks = Array.from({ length: Math.ceil(ops.length / size) }, (_, i) =>
    ops.slice(i * size, (i + 1) * size),
  );
  await Promise.all(chunks.map(write));
}
