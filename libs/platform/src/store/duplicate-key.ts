type WriteError = { index: number; code?: unknown; err?: { code?: unknown } };

/**
 * The write errors of a bulk write error, each with its index and code: the driver may give a lone
 * one without an array, and mongoose's insertMany rewraps them with the code under `err`.
 */
export function writeErrorsOf(error: unknown): { index: number; code: unknown }[] {
  const errors = (error as { writeErrors?: WriteError | WriteError[] } | null)?.writeErrors;
  return errors ? [errors].flat().map((w) => ({ index: w.index, code: w.code ?? w.err?.code })) : [];
}

/** The write failed only because documents with those `_id`s (or unique keys) exist already. */
export function isDuplicateKey(error: unknown): boolean {
  const errors = writeErrorsOf(error);
  if (errors.length) return errors.every((w) => w.code === 11000);
  return (error as { code?: unknown } | null)?.code === 11000;
}
