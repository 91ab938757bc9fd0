import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createAnalyticsApp } from '../../apps/analytics/src/analytics.app';
import { createCatalogApp } from '../../apps/catalog/src/catalog.app';
import { createIngestApp } from '../../apps/ingest/src/ingest.app';

export const API_KEY = 'test-key';

type ServiceName = 'ingest' | 'catalog' | 'analytics';
type Env = Record<string, string | undefined>;

export interface Services {
  ingest: INestApplication;
  catalog: INestApplication;
  analytics: INestApplication;
  run: string;
  /** Shuts one service down (its consumer leaves its group); `close` skips it afterwards. */
  stop(name: ServiceName): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the three services in this process against the test infrastructure. Each run gets its own
 * databases and consumer groups, so runs never see each other's state; the topic is the real, shared one.
 */
export async function startServices(overrides: Partial<Record<ServiceName, Env>> = {}): Promise<Services> {
  const run = randomBytes(4).toString('hex');
  const base = {
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    MONGODB_URI: process.env.MONGODB_URI,
    API_KEYS: API_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    PORT: '1',
  };
  const ingest = await createIngestApp({ ...base, MONGODB_DB: `it_${run}_ingest`, ...overrides.ingest });
  const catalog = await createCatalogApp({
    ...base,
    MONGODB_DB: `it_${run}_catalog`,
    CONSUMER_GROUP: `catalog-${run}`,
    ...overrides.catalog,
  });
  const analytics = await createAnalyticsApp({
    ...base,
    MONGODB_DB: `it_${run}_analytics`,
    CONSUMER_GROUP: `analytics-${run}`,
    ...overrides.analytics,
  });
  const apps = new Map<ServiceName, INestApplication>([
    ['ingest', ingest],
    ['catalog', catalog],
    ['analytics', analytics],
  ]);
  for (const app of apps.values()) {
    await app.startAllMicroservices();
    await app.init();
  }
  return {
    ingest,
    catalog,
    analytics,
    run,
    stop: async (name) => {
      await apps.get(name)?.close();
      apps.delete(name);
    },
    close: async () => {
      for (const app of apps.values()) await app.close();
    },
  };
}

/** Polls until the check passes (returns without throwing) or the time is up, then rethrows its last error. */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 30000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
