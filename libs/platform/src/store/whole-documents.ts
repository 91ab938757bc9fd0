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
 * Writes whole documents by _id: `known` ones are deleted and inserted again, the others inserted; one
 * that turns out to exist already is replaced.
 *
 * Why delete and insert rather than replaceOne: FerretDB v1 on SQLite reads through the whole
 * collection for every update statement and commits each on its own (~100 ms each at 8,000 documents),
 * while it deletes a list of ids in one statement and inserts a batch in one transaction. For the
 * documents an article owns (a re-parse rewrites them all) that is ten times faster. Readers may miss
 * a document for that moment; a consumer stopped in between writes it again on redelivery.
 */
export async function writeWholeDocuments<T extends WithId>(
  model: Model<T>,
  docs: T[],
  known: (doc: T) => boolean,
): Promise<void> {
  const replaced = docs.filter(known);
  if (replaced.length) await model.deleteMany({ _id: { $in: replaced.map((d) => d._id) } });
  const refused = await insertFresh(model, docs);
  await bulkWriteInCommands(
    model,
    refused.map(({ _id, ...replacement }) => ({
      replaceOne: { filter: { _id }, replacement, upsert: true },
    })),
  );
}
