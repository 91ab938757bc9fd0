import { Model } from 'mongoose';
import { bulkWriteInCommands, isDuplicateKey, writeErrorsOf } from '@app/platform';

/**
 * Inserts documents with one unordered insertMany, which FerretDB stores in a single transaction
 * where an upsert costs a round trip and a transaction each. Returns the documents refused because
 * their _id exists already (a replica or an interrupted earlier try wrote them first); any other
 * failure is thrown.
 */
export async function insertFresh<T extends { _id: string }>(model: Model<T>, docs: T[]): Promise<T[]> {
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

/** Writes whole documents by _id: those not known to exist are inserted in bulk, the others replaced. */
export async function upsertAll<T extends { _id: string }>(
  model: Model<T>,
  docs: T[],
  known: (id: string) => boolean,
): Promise<void> {
  const replace = [
    ...docs.filter((d) => known(d._id)),
    ...(await insertFresh(
      model,
      docs.filter((d) => !known(d._id)),
    )),
  ];
  await bulkWriteInCommands(
    model,
    replace.map(({ _id, ...replacement }) => ({
      replaceOne: { filter: { _id }, replacement, upsert: true },
    })),
  );
}
