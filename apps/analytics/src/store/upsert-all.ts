import { AnyBulkWriteOperation, Model, mongo } from 'mongoose';
import { BULK, inParallelChunks } from './bulk';

const DUPLICATE_KEY = 11000;

/**
 * Inserts documents with one unordered insertMany, which FerretDB stores in a single transaction
 * where an upsert costs a round trip and a transaction each. Returns the documents refused because
 * their _id exists already (a replica or an interrupted earlier try wrote them first); any other
 * failure is thrown.
 */
export async function insertFresh<T extends { _id: string }>(model: Model<T>, docs: T[]): Promise<T[]> {
  if (!docs.length) return [];
  try {
    await model.insertMany(docs, BULK);
    return [];
  } catch (error) {
    if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
    // Mongoose reports each failed document as { index, err } rather than the driver's WriteError.
    const writeErrors = [error.writeErrors].flat() as {
      index: number;
      code?: number;
      err?: { code?: number };
    }[];
    if (!writeErrors.length || writeErrors.some((e) => (e.code ?? e.err?.code) !== DUPLICATE_KEY))
      throw error;
    return writeErrors.map((e) => docs[e.index]);
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
  const ops = replace.map(({ _id, ...replacement }) => ({
    replaceOne: { filter: { _id }, replacement, upsert: true },
  })) as AnyBulkWriteOperation<T>[];
  await inParallelChunks(ops, (chunk) =>
    model.bulkWrite(chunk as Parameters<Model<T>['bulkWrite']>[0], BULK),
  );
}
