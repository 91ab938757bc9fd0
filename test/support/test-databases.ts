import mongoose from 'mongoose';

/**
 * Every database a jest run creates is named `it_<run tag>_…`, the tag coming from the run's topic
 * namespace (global-setup.ts), so that the run drops exactly its own databases when it ends: a
 * long-lived local FerretDB otherwise keeps every earlier run's database files open.
 */
const runTag = () =>
  (process.env.KAFKA_TOPIC_PREFIX ?? 'local').replace(/^it-/, '').replace(/[^A-Za-z0-9]+/g, '_');

export const testDatabase = (name: string) => `it_${runTag()}_${name}`;

export async function dropRunDatabases(mongoUri: string): Promise<void> {
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  try {
    const { databases } = await connection.db!.admin().listDatabases({ nameOnly: true });
    const own = databases.map((d) => d.name).filter((name) => name.startsWith(testDatabase('')));
    for (const name of own) await connection.useDb(name, { useCache: false }).dropDatabase();
  } finally {
    await connection.close();
  }
}
