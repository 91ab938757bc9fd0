import mongoose, { Connection, Model } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { applyRevisions, EntityKind, Revision } from '../../apps/catalog/src/projection/entity-writes';
import { articleCount, ranked, Votes } from '../../apps/catalog/src/projection/tally';
import { Organisation, OrganisationSchema } from '../../apps/catalog/src/organisations/organisation.schema';
import {
  EntityLock,
  EntityLocks,
  EntityLockSchema,
  lockKey,
} from '../../apps/catalog/src/store/entity-locks';

/**
 * Counting straight against the store, with writers racing each other on one entity, each holding
 * the entity's lock as the projection does (FerretDB alone loses one of two concurrent updates).
 */
describe('catalog: locked compare-and-swap counting on the real store', () => {
  let connection: Connection;
  let kind: EntityKind<Organisation, { name: string }>;
  let replicas: EntityLocks[];

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(process.env.MONGODB_URI!, { dbName: `it_${randomBytes(4).toString('hex')}_entities` })
      .asPromise();
    const model = connection.model(Organisation.name, OrganisationSchema) as unknown as Model<Organisation>;
    const locks = connection.model(EntityLock.name, EntityLockSchema) as unknown as Model<EntityLock>;
    replicas = [new EntityLocks(locks), new EntityLocks(locks)];
    kind = {
      model,
      votes: (c): Votes => ({ article: ['*'], name: [c.name] }),
      summarise: (doc) => ({ articleCount: articleCount(doc.tally) }),
    };
  });
  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  const revision = (
    articleId: string,
    next: { name: string } | null,
    applied: { name: string } | null = null,
  ) =>
    ({ id: 'acme', articleId, token: `${articleId}:v`, next, applied, inFlight: {} }) as Revision<{
      name: string;
    }>;
  const spentNone = async () => new Set<string>();
  const count = (replica: number, r: Revision<{ name: string }>) =>
    replicas[replica].hold([lockKey('Organisation', r.id)], () => applyRevisions(kind, [r], spentNone));

  it('counts every one of many concurrent writers exactly once', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        applyRevisions(kind, [revision(`a${i}`, { name: `Acme ${i % 2}` })], spentNone),
      ),
    );
    const doc = await kind.model.findById('acme').lean();
    expect(articleCount(doc!.tally)).toBe(10);
    expect(ranked(doc!.tally, 'name')).toEqual([
      { value: 'Acme 0', n: 5 },
      { value: 'Acme 1', n: 5 },
    ]);
    expect(doc!.summary).toEqual({ articleCount: 10 });
  });

  it('does not count a version twice when a write cut short is tried again', async () => {
    // The first try counted the article and left its token; the article document was never written.
    await applyRevisions(kind, [revision('retry', { name: 'Acme 2' })], spentNone);
    await applyRevisions(kind, [revision('retry', { name: 'Acme 2' })], spentNone);
    const doc = await kind.model.findById('acme').lean();
    expect(articleCount(doc!.tally)).toBe(11);
    expect(doc!.tokens).toContain('retry:v');
  });

  it('moves an article from its recorded value to its new one, and takes it out again', async () => {
    await applyRevisions(
      kind,
      [{ ...revision('a0', { name: 'Acme 3' }, { name: 'Acme 0' }), token: 'a0:w' }],
      spentNone,
    );
    let doc = await kind.model.findById('acme').lean();
    expect(ranked(doc!.tally, 'name').find((r) => r.value === 'Acme 3')).toEqual({ value: 'Acme 3', n: 1 });
    expect(ranked(doc!.tally, 'name').find((r) => r.value === 'Acme 0')).toEqual({ value: 'Acme 0', n: 4 });
    expect(articleCount(doc!.tally)).toBe(11);

    await applyRevisions(
      kind,
      [{ ...revision('a0', null, { name: 'Acme 3' }), token: 'a0:x' }],
      async (tokens) => new Set(tokens),
    );
    doc = await kind.model.findById('acme').lean();
    expect(articleCount(doc!.tally)).toBe(10);
    // Tokens of versions recorded since are dropped with the write.
    expect(doc!.tokens).not.toContain('retry:v');
  });
});
