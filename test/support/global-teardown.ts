import { dropRunDatabases } from './test-databases';

export default async function globalTeardown(): Promise<void> {
  if (process.env.MONGODB_URI) await dropRunDatabases(process.env.MONGODB_URI);
  await (globalThis as { __infraTeardown?: () => Promise<void> }).__infraTeardown?.();
}
