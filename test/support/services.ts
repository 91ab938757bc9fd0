import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { deadLetterTopic, namespaced, TOPICS } from '@app/contracts';
import { createAnalyticsApp } from '../../apps/analytics/src/analytics.app';
import { createCatalogApp } from '../../apps/catalog/src/catalog.app';
import { createIngestApp } from '../../apps/ingest/src/ingest.app';
import { testDatabase } from './test-databases';
import { eventually } from './eventually';

export { eventually };

export const API_KEY = 'test-key';

type ServiceName = 'ingest' | 'catalog' | 'analytics';
const FACTORIES = { ingest: createIngestApp, catalog: createCatalogApp, analytics: createAnalyticsApp };
type Env = Record<string, string | undefined>;

export interface Services {
  ingest: INestApplication;
  catalog: INestApplication;
  analytics: INestApplication;
  run: string;
  /** This run's topic namespace (KAFKA_TOPIC_PREFIX) and the topics under it. */
  topicPrefix: string;
  topics: { articleParsed: string; deadLetters: (service: string) => string };
  /** The environment a service was started with. */
  env(name: ServiceName): Env;
  /** Shuts one service down gracefully (its consumer finishes its batch and leaves its group). */
  stop(name: ServiceName): Promise<void>;
  /** Stops a service and starts it again with the same environment, as a redeploy would. */
  restart(name: ServiceName): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the three services in this process against the test infrastructure. Each call gets its own
 * databases and consumer groups; the topics are those of this jest run (see global-setup.ts).
 */
export async function startServices(overrides: Partial<Record<ServiceName, Env>> = {}): Promise<Services> {
  const run = randomBytes(4).toString('hex');
  const topicPrefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const base = {
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    MONGODB_URI: process.env.MONGODB_URI,
    API_KEYS: API_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    PORT: '1',
    KAFKA_TOPIC_PREFIX: topicPrefix,
  };
  const envs: Record<ServiceName, Env> = {
    ingest: { ...base, MONGODB_DB: testDatabase(`${run}_ingest`), ...overrides.ingest },
    catalog: {
      ...base,
      MONGODB_DB: testDatabase(`${run}_catalog`),
      CONSUMER_GROUP: `catalog-${run}`,
      ...overrides.catalog,
    },
    analytics: {
      ...base,
      MONGODB_DB: testDatabase(`${run}_analytics`),
      CONSUMER_GROUP: `analytics-${run}`,
      ...overrides.analytics,
    },
  };
  const apps = new Map<ServiceName, INestApplication>();
  const start = async (name: ServiceName) => {
    const app = await FACTORIES[name](envs[name]);
    await app.startAllMicroservices();
    await app.init();
    apps.set(name, app);
  };
  const stop = async (name: ServiceName) => {
    await apps.get(name)?.close();
    apps.delete(name);
  };
  for (const name of Object.keys(FACTORIES) as ServiceName[]) await start(name);
  const running = (name: ServiceName) => {
    const app = apps.get(name);
    if (!app) throw new Error(`${name} is stopped`);
    return app;
  };
  return {
    get ingest() {
      return running('ingest');
    },
    get catalog() {
      return running('catalog');
    },
    get analytics() {
      return running('analytics');
    },
    run,
    topicPrefix,
    topics: {
      articleParsed: namespaced(topicPrefix, TOPICS.articleParsed),
      deadLetters: (service) => namespaced(topicPrefix, deadLetterTopic(service)),
    },
    env: (name) => envs[name],
    stop,
    restart: async (name) => {
      await stop(name);
      await start(name);
    },
    close: async () => {
      for (const name of [...apps.keys()]) await stop(name);
    },
  };
}
