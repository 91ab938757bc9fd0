import { Model } from 'mongoose';
import { bulkWriteInCommands } from './bulk-write';
import { isDuplicateKey, writeErrorsOf } from './duplicate-key';

type WithId = { _id: string | number };

/**
 * Inserts documents with one unordered insertMany (one transaction on FerretDB). Returns those refused
 * because their _id exists already (another replica, or an earlier try cut short, wrote them first);
 * any other failure is thrown.
 */
export async function insertFresh<T extends WithId>(model: Model<T>, docs: T[]): Promise<T[]> {
  if (!docs.length) return [];
  try {
    await model.insertMany(docs, { ordered: false });
    return [];
  } catch (error) {
    const refused = writeErrorsOf(error);
    if (!refused.length || !isDuplicateKey(error)) throw error;
    return refused.map((e) => docs[e.index]);
  }
}

/**
 * Writes whole documents by _id: `known` ones are replaced, the others inserted in one batch; one that
 * turns out to exist already is replaced as well. Replacing stays one atomic write per document:
 * other replicas read these documents (an article's version tells them whether its counts are in),
 * and a delete followed by an insert would let them see it missing in between.
 */
export async function writeWholeDocuments<T extends WithId>(
  model: Model<T>,
  docs: T[],
  known: (doc: T) => boolean,
): Promise<void> {
  const refused = await insertFresh(
    model,
    docs.filter((d) => !known(d)),
  );
  await bulkWriteInCommands(
    model,
    [...docs.filter(known), ...refused].map(({ _id, ...replacement }) => ({
      replaceOne: { filter: { _id }, replacement, upsert: true },
    })),
  );
}
