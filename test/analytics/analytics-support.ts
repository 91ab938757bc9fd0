import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { ParsedArticleEventV1 } from '@app/contracts';
import { ConsumerConfig, ensureTopics } from '@app/platform';
import { createAnalyticsApp } from '../../apps/analytics/src/analytics.app';
import { API_KEY, eventually, Services, startServices } from '../support/services';
import { parsedArticleTopic, processedPast, publish, testKafka } from '../support/kafka';
import { testDatabase } from '../support/test-databases';

/**
 * The articles written for the analytics tests (test/fixtures/analytics), and what they report:
 * - 2031 edition: one outlet (herald); its dollar value is not stated, but the article states another
 *   yuan/dollar pair, so the dollar value is derived at that rate (6.3 bn yuan = 900 m dollars: 7.0).
 * - 2032 edition: two outlets (harbour, citydaily) report one figure, rounded differently
 *   (108.62 and 108.6 bn yuan; 151 and "more than 150" projects); harbour states the dollar value.
 * - 2033 edition: two outlets disagree (tradeweekly 121.4, morningpost 112.4 bn yuan): a conflict.
 * - China NEV production and sales for 2031 and 2032, with the growth stated for 2032; Yibin's battery
 *   output for both years and its output value for 2032.
 */
export const FIXTURES = {
  herald: 'herald-2031-conference.txt',
  harbour: 'harbour-2032-conference.txt',
  citydaily: 'citydaily-2032-conference.txt',
  tradeweekly: 'tradeweekly-2033-conference.txt',
  morningpost: 'morningpost-2033-conference.txt',
  stats2031: 'ministry-2031-nev.txt',
  stats2032: 'ministry-2032-nev.txt',
} as const;
export type FixtureName = keyof typeof FIXTURES;
export type ArticleIds = Record<FixtureName, string>;

export type HttpServer = Parameters<typeof request>[0];

const FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'analytics');

/** Submits every fixture to ingest as plain text with header lines; a closing line makes each run's articles its own. */
export async function submitFixtures(services: Services): Promise<ArticleIds> {
  const ids = {} as ArticleIds;
  for (const [name, file] of Object.entries(FIXTURES) as [FixtureName, string][]) {
    const text = `${readFileSync(join(FIXTURE_DIR, file), 'utf8').trimEnd()}\n\nFiled for test run ${services.run}.\n`;
    const res = await request(services.ingest.getHttpServer())
      .post('/v1/articles')
      .set('x-api-key', API_KEY)
      .set('content-type', 'text/plain')
      .send(text)
      .expect(202);
    ids[name] = res.body.id;
  }
  return ids;
}

export interface Source {
  articleId: string;
  source: string;
  title: string;
  publishedAt: string | null;
  evidence: string;
}
export interface Candidate {
  value: number;
  qualifier: string;
  sources: Source[];
}
export interface Figure {
  unit: string;
  status: 'agreed' | 'conflict';
  value: number | null;
  qualifier: string | null;
  candidates: Candidate[];
  key: string;
  derived?: boolean;
  rate?: { cnyPerUsd: number; source: Source };
}
export interface Cumulative {
  value: number | null;
  low: number;
  high: number;
}
export interface EditionRow {
  year: number;
  projects: Figure | null;
  investmentCny: Figure | null;
  investmentUsd: Figure | null;
  attendance: Figure | null;
  jobs: Figure | null;
  cumulativeCny: Cumulative;
  cumulativeUsd: Cumulative;
}

export const articlesOf = (figure: Figure | null | undefined): string[] =>
  figure ? figure.candidates.flatMap((c) => c.sources.map((s) => s.articleId)) : [];

/** Waits until the edition aggregates and the production series carry every fixture article among their sources. */
export async function waitForProjection(
  server: HttpServer,
  ids: ArticleIds,
  timeoutMs = 60000,
): Promise<void> {
  await eventually(async () => {
    const investment = await request(server).get('/v1/metrics/investment?from=2031&to=2033').expect(200);
    const production = await request(server).get('/v1/metrics/production?subject=China NEV').expect(200);
    const seen = new Set<string>();
    for (const e of investment.body.editions) {
      for (const f of [e.projects, e.investmentCny, e.attendance]) articlesOf(f).forEach((a) => seen.add(a));
    }
    for (const s of production.body.series) {
      for (const p of s.points) articlesOf(p.figure).forEach((a) => seen.add(a));
    }
    const missing = Object.entries(ids).filter(([, id]) => !seen.has(id));
    if (missing.length) throw new Error(`not yet projected: ${missing.map(([name]) => name).join(', ')}`);
  }, timeoutMs);
}

/** The edition rows of a run's fixture editions, by year. */
export async function editions(server: HttpServer): Promise<Record<number, EditionRow>> {
  const res = await request(server).get('/v1/metrics/investment?from=2031&to=2033').expect(200);
  return Object.fromEntries(res.body.editions.map((e: EditionRow) => [e.year, e]));
}

const DEFAULT_PARTITIONS = new ConsumerConfig().TOPIC_PARTITIONS;

/** Where each partition of the topic ends now: the start of what a run publishes. */
export type Segment = { partition: number; offset: string }[];

async function topicEnd(): Promise<Segment> {
  // The first test file of a jest run comes before any service created the run's topic.
  await ensureTopics(testKafka(), [parsedArticleTopic()], DEFAULT_PARTITIONS);
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(parsedArticleTopic());
    return offsets.map(({ partition, high }) => ({ partition, offset: high }));
  } finally {
    await admin.disconnect();
  }
}

/** Commits a new consumer group's offsets, so that it starts there rather than at the topic's start. */
async function startGroupAt(groupId: string, segment: Segment): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.setOffsets({ groupId, topic: parsedArticleTopic(), partitions: segment });
  } finally {
    await admin.disconnect();
  }
}

const uniqueTag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * The services with consumer groups that start at the topic's current end. The jest run's topic holds
 * what the test files before this one published, and a new group reads it from the start; the
 * analytics assertions are exact about this file's articles, so its groups skip what came before.
 */
export async function startServicesAtTopicEnd(): Promise<{ services: Services; segment: Segment }> {
  const segment = await topicEnd();
  const tag = uniqueTag();
  const groups = { analytics: `analytics-it-${tag}`, catalog: `catalog-it-${tag}` };
  await Promise.all(Object.values(groups).map((group) => startGroupAt(group, segment)));
  const services = await startServices({
    analytics: { CONSUMER_GROUP: groups.analytics },
    catalog: { CONSUMER_GROUP: groups.catalog },
  });
  return { services, segment };
}

/** A second analytics service with its own database and a new group replaying the run's segment of the topic. */
export async function startReplica(services: Services, segment: Segment) {
  const tag = uniqueTag();
  const group = `analytics-replay-${tag}`;
  await startGroupAt(group, segment);
  const app = await createAnalyticsApp({
    ...services.env('analytics'),
    MONGODB_DB: testDatabase(`replay_${tag}_analytics`),
    CONSUMER_GROUP: group,
  });
  await app.startAllMicroservices();
  await app.init();
  return { app, group };
}

/** The parsed-article event ingest published for an article in the run's segment, read back from the topic. */
export async function publishedEvent(articleId: string, segment: Segment): Promise<ParsedArticleEventV1> {
  const groupId = `analytics-tests-reader-${uniqueTag()}`;
  await startGroupAt(groupId, segment);
  const consumer = testKafka().consumer({ groupId });
  let found: ParsedArticleEventV1 | undefined;
  await consumer.connect();
  await consumer.subscribe({ topic: parsedArticleTopic() });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (String(message.key) === articleId && message.value)
        found = JSON.parse(message.value.toString('utf8'));
    },
  });
  try {
    return await eventually(async () => {
      if (!found) throw new Error(`event of ${articleId} not found yet`);
      return found;
    });
  } finally {
    await consumer.disconnect();
  }
}

/** Publishes an event as ingest does (keyed by article id) and waits until the consumer group has committed past it. */
export async function publishAndWait(event: ParsedArticleEventV1, consumerGroup: string): Promise<void> {
  const [delivery] = await publish([event]);
  await processedPast(consumerGroup, delivery);
}

/** A minimal RFC 4180 reader, to check what the service writes is read back field for field. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}
