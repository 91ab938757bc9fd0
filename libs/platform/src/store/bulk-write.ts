import { Model } from 'mongoose';

/**
 * Most statements sent in one write command, and most commands a service has in flight (the size of
 * its MongoDB connection pool).
 *
 * Why both are small: FerretDB v1 on SQLite (the local stack) answers an update command by holding one
 * SQLite connection per statement until the whole command is done, and each needs one more to write,
 * out of 100 per database. A command of 100 updates, or a few large ones at once, take them all and
 * wait for each other for ever. With 8 commands of at most 10 statements, at most 88 are in use.
 * MongoDB has no such limit and loses little: each command is still a bulk write.
 */
export const STATEMENTS_PER_COMMAND = 10;
export const STORE_POOL_SIZE = 8;

export interface BulkWriteCounts {
  matchedCount: number;
  modifiedCount: number;
  deletedCount: number;
  upsertedCount: number;
  insertedCount: number;
}

const NOTHING: BulkWriteCounts = {
  matchedCount: 0,
  modifiedCount: 0,
  deletedCount: 0,
  upsertedCount: 0,
  insertedCount: 0,
};

/**
 * An unordered bulk write, sent as commands of at most STATEMENTS_PER_COMMAND operations (the
 * connection pool paces them); nothing to write is no call at all. throwOnValidationError makes a
 * document mongoose rejects fail the write instead of being dropped silently. Mongoose's operation
 * types do not follow generic documents, hence the loose type of `ops`.
 */
export async function bulkWriteInCommands<D>(model: Model<D>, ops: object[]): Promise<BulkWriteCounts> {
  const commands: object[][] = [];
  for (let i = 0; i < ops.length; i += STATEMENTS_PER_COMMAND) {
    commands.push(ops.slice(i, i + STATEMENTS_PER_COMMAND));
  }
  const results = await Promise.all(
    commands.map((command) =>
      model.bulkWrite(command as Parameters<Model<D>['bulkWrite']>[0], {
        ordered: false,
        throwOnValidationError: true,
      }),
    ),
  );
  return results.reduce(
    (sum, r) => ({
      matchedCount: sum.matchedCount + r.matchedCount,
      modifiedCount: sum.modifiedCount + r.modifiedCount,
      deletedCount: sum.deletedCount + r.deletedCount,
      upsertedCount: sum.upsertedCount + r.upsertedCount,
      insertedCount: sum.insertedCount + r.insertedCount,
    }),
    NOTHING,
  );
}
