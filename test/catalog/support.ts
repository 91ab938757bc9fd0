import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { ExtractionRecord, ParsedArticleEventV1 } from '@app/contracts';
import { createCatalogApp } from '../../apps/catalog/src/catalog.app';
import { createIngestApp } from '../../apps/ingest/src/ingest.app';
import {
  Delivery,
  parsedArticleTopic,
  processedPast,
  publish,
  sendToTopic,
  testKafka,
} from '../support/kafka';
import { eventually } from '../support/eventually';
import { testDatabase } from '../support/test-databases';

export { processedPast, publish };
export type { Delivery };

export const API_KEY = 'catalog-test-key';
const kafka = testKafka();

export interface CatalogServices {
  ingest: INestApplication;
  catalog: INestApplication;
  run: string;
  /** The catalog's consumer group. */
  group: string;
  close(): Promise<void>;
}

/** Environment of a catalog app with its own database and consumer group. */
export function catalogEnv(database: string, group: string) {
  return {
    KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    MONGODB_URI: process.env.MONGODB_URI,
    KAFKA_TOPIC_PREFIX: process.env.KAFKA_TOPIC_PREFIX,
    MONGODB_DB: database,
    CONSUMER_GROUP: group,
    API_KEYS: API_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    PORT: '1',
  };
}

/**
 * Ingest and catalog in this process, like test/support/services.ts but without analytics, which
 * these tests do not need: a run id, its own databases and consumer group, and the jest run's topic.
 */
export async function startCatalogServices(): Promise<CatalogServices> {
  const run = randomBytes(4).toString('hex');
  const group = `catalog-${run}`;
  const env = catalogEnv(testDatabase(`${run}_catalog`), group);
  const ingest = await createIngestApp({ ...env, MONGODB_DB: testDatabase(`${run}_ingest`) });
  const catalog = await createCatalogApp(env);
  for (const app of [ingest, catalog]) {
    await app.startAllMicroservices();
    await app.init();
  }
  return {
    ingest,
    catalog,
    run,
    group,
    close: async () => {
      await catalog.close();
      await ingest.close();
    },
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ru',
  'te',
  'vo',
  'na',
  'si',
  'pe',
  'do',
  'fu',
  'ga',
  'ze',
  'bi',
  'ho',
  'ly',
];

/**
 * Names no other run uses: the Kafka topic is shared by every test run and each run's catalog reads it
 * from the start, so assertions only ever look at organisations, people and exhibits named after the run.
 */
export function runNames(run: string) {
  const nibbles = [...run].map((c) => parseInt(c, 16));
  const word = nibbles.map((n) => SYLLABLES[n]).join('');
  return {
    /** A pronounceable word, e.g. "Kalomirutevonasi". */
    word: word[0].toUpperCase() + word.slice(1),
    /** Five capital letters, e.g. "KDAPF": a short form the parser reads as an acronym. */
    acronym: nibbles
      .slice(0, 5)
      .map((n) => String.fromCharCode(65 + n))
      .join(''),
    /** A year only this run's crafted events use for an edition. */
    year: 3000 + (parseInt(run.slice(0, 6), 16) % 6000),
  };
}

export const randomArticleId = (): string => randomBytes(16).toString('hex');

/** A valid event as ingest would publish it, for tests that need an exact record (re-parses, conflicts). */
export function craftedEvent(
  articleId: string,
  record: Partial<ExtractionRecord> & { publishedAt: string },
  parserVersion = 'test-1',
): ParsedArticleEventV1 {
  return {
    schemaVersion: 1,
    articleId,
    title: `Crafted article ${articleId.slice(0, 6)}`,
    publishedAt: record.publishedAt,
    source: 'Catalog Test Wire',
    url: null,
    bodyHash: randomBytes(32).toString('hex'),
    parserVersion,
    ingestedAt: new Date().toISOString(),
    record: { editions: [], organisations: [], people: [], exhibits: [], facts: [], ...record },
  };
}

/** The event ingest published for an article, byte for byte, read back from the topic. */
export async function publishedEvent(articleId: string): Promise<Buffer> {
  const consumer = kafka.consumer({ groupId: `catalog-test-reader-${randomBytes(6).toString('hex')}` });
  let found: Buffer | null = null;
  await consumer.connect();
  await consumer.subscribe({ topic: parsedArticleTopic(), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (String(message.key) === articleId && message.value) found = message.value;
    },
  });
  try {
    return await eventually(async () => {
      if (!found) throw new Error(`event of ${articleId} not read yet`);
      return found;
    });
  } finally {
    await consumer.disconnect();
  }
}

/** Sends a message value to the topic again: a redelivery. */
export async function redeliver(articleId: string, value: Buffer): Promise<Delivery> {
  const [delivery] = await sendToTopic([{ key: articleId, value }]);
  return delivery;
}

export interface ArticleInput {
  title: string;
  source: string;
  publishedAt: string;
  body: string;
}

/** Submits an article through ingest and returns its id. */
export async function submit(ingest: INestApplication, article: ArticleInput): Promise<string> {
  const res = await request(ingest.getHttpServer())
    .post('/v1/articles')
    .set('x-api-key', API_KEY)
    .send(article);
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Waits until the catalog has written an article (it writes the article last), optionally at a parser version. */
export async function catalogued(catalog: INestApplication, articleId: string, parserVersion?: string) {
  return eventually(async () => {
    const res = await request(catalog.getHttpServer()).get(`/v1/articles/${articleId}`).expect(200);
    if (parserVersion && res.body.parserVersion !== parserVersion) {
      throw new Error(`article ${articleId} still at ${res.body.parserVersion}`);
    }
    return res.body;
  }, 60000);
}

/** GET on the catalog, expecting `status`; returns the body. */
export async function get(catalog: INestApplication, path: string, status = 200) {
  const res = await request(catalog.getHttpServer()).get(path);
  if (res.status !== status) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The one organisation a search finds. */
export async function organisationNamed(catalog: INestApplication, q: string) {
  const { items } = await get(catalog, `/v1/organisations?q=${encodeURIComponent(q)}`);
  if (items.length !== 1) throw new Error(`${items.length} organisations match ${q}`);
  return get(catalog, `/v1/organisations/${items[0].id}`);
}

/** Waits until a consumer group has processed everything in the topic as it is now. */
export async function caughtUp(groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(parsedArticleTopic()).finally(() => admin.disconnect());
  for (const end of ends) {
    if (end.offset !== end.low) {
      await processedPast(groupId, { partition: end.partition, offset: String(BigInt(end.offset) - 1n) });
    }
  }
}
