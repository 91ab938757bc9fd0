import mongoose, { Connection, Model, Schema } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { isDuplicateKey, writeWholeDocuments } from '@app/platform';
import { EntityLock, EntityLocks, EntityLockSchema } from '../apps/catalog/src/store/entity-locks';
import { testDatabase } from './support/test-databases';

interface Doc {
  _id: string;
  v: number;
}

/**
 * The consumers' low-level writes against the real store: what a duplicate key looks like there decides
 * whether a write cut short is finished or its event dead-lettered.
 */
describe('store writes on the real store', () => {
  let connection: Connection;
  let docs: Model<Doc>;
  let locks: Model<EntityLock>;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGODB_URI!, {
        dbName: testDatabase(`${randomBytes(4).toString('hex')}_writes`),
      })
      .asPromise();
    docs = connection.model('Doc', new Schema<Doc>({ _id: String, v: Number }, { versionKey: false }));
    locks = connection.model(EntityLock.name, EntityLockSchema) as unknown as Model<EntityLock>;
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it.each([1, 2])('recognises a duplicate key from insertMany with %i clashing document(s)', async (n) => {
    await docs.insertMany([
      { _id: `dup${n}-a`, v: 1 },
      { _id: `dup${n}-b`, v: 1 },
    ]);
    const clashing = [
      { _id: `dup${n}-a`, v: 2 },
      { _id: n === 2 ? `dup${n}-b` : `dup${n}-c`, v: 2 },
    ];
    const error = await docs.insertMany(clashing, { ordered: false }).catch((e: unknown) => e);
    expect(isDuplicateKey(error)).toBe(true);
  });

  it('does not take another error for a duplicate key', async () => {
    const error = await docs.insertMany([{ _id: 'bad', v: 'not a number' }]).catch((e: unknown) => e);
    expect(isDuplicateKey(error)).toBe(false);
  });

  it('replaces a document it thought new when it exists already (a write cut short)', async () => {
    await docs.insertMany([{ _id: 'kept', v: 1 }]);
    await writeWholeDocuments(
      docs,
      [
        { _id: 'kept', v: 2 },
        { _id: 'fresh', v: 2 },
      ],
      () => false,
    );
    const stored = await docs
      .find({ _id: { $in: ['kept', 'fresh'] } })
      .sort({ _id: 1 })
      .lean();
    expect(stored).toEqual([
      { _id: 'fresh', v: 2 },
      { _id: 'kept', v: 2 },
    ]);
  });

  it('rewrites known documents whole: fields the new version lacks are gone', async () => {
    await docs.collection.insertOne({ _id: 'old' as never, v: 1, dropped: true });
    await writeWholeDocuments(docs, [{ _id: 'old', v: 3 }], (doc) => doc._id === 'old');
    expect(await docs.collection.findOne({ _id: 'old' as never })).toEqual({ _id: 'old', v: 3 });
  });

  it('lets two replicas hold one entity only one at a time, and both finish', async () => {
    const replicas = [new EntityLocks(locks), new EntityLocks(locks)];
    const inside: number[] = [];
    let overlap = false;
    const work = (replica: number) => async () => {
      if (inside.length) overlap = true;
      inside.push(replica);
      await new Promise((resolve) => setTimeout(resolve, 50));
      inside.pop();
      return replica;
    };
    const done = await Promise.all(
      Array.from({ length: 6 }, (_, i) => replicas[i % 2].hold(['organisations:acme'], work(i % 2))),
    );
    expect(done).toEqual([0, 1, 0, 1, 0, 1]);
    expect(overlap).toBe(false);
    expect(await locks.countDocuments()).toBe(0);
  });
});
