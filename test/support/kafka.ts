import { Kafka, logLevel } from 'kafkajs';
import { namespaced, ParsedArticleEventV1, TOPICS } from '@app/contracts';
import { eventually } from './eventually';

/** A kafkajs client on the test infrastructure, for tests that produce or read topics themselves. */
export const testKafka = () =>
  new Kafka({ brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });

/** Reads a topic from the start and returns the messages the predicate keeps, once there are `count`. */
export async function readTopicUntil<T>(
  topic: string,
  keep: (m: { key: string; value: Buffer | null; headers: Record<string, string> }) => T | undefined,
  count: number,
) {
  const consumer = testKafka().consumer({ groupId: `reader-${Date.now()}-${Math.random()}` });
  const found: T[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
      );
      const kept = keep({ key: String(message.key), value: message.value, headers });
      if (kept !== undefined) found.push(kept);
    },
  });
  try {
    return await eventually(async () => {
      if (found.length < count) throw new Error(`found ${found.length} of ${count} messages in ${topic}`);
      return found;
    });
  } finally {
    await consumer.disconnect();
  }
}

/** The parsed-article topic of this jest run (global-setup.ts gives each run a topic namespace). */
export const parsedArticleTopic = () =>
  namespaced(process.env.KAFKA_TOPIC_PREFIX ?? '', TOPICS.articleParsed);

/** Where a message landed: a consumer group has processed it once it committed past the offset. */
export interface Delivery {
  partition: number;
  offset: string;
}

/** Sends messages to the run's parsed-article topic and says where each landed. */
export async function sendToTopic(messages: { key: string; value: Buffer | string }[]): Promise<Delivery[]> {
  const producer = testKafka().producer();
  await producer.connect();
  try {
    const sent = await producer.send({ topic: parsedArticleTopic(), acks: -1, messages });
    return sent.map((m) => ({ partition: m.partition, offset: m.baseOffset! }));
  } finally {
    await producer.disconnect();
  }
}

/** Publishes events straight to the topic, keyed by article id as ingest does. */
export function publish(events: ParsedArticleEventV1[]): Promise<Delivery[]> {
  return sendToTopic(events.map((e) => ({ key: e.articleId, value: JSON.stringify(e) })));
}

/** Waits until a consumer group has committed past a delivery (commits follow the writes). */
export async function processedPast(groupId: string, { partition, offset }: Delivery): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await eventually(async () => {
      const [topic] = await admin.fetchOffsets({ groupId, topics: [parsedArticleTopic()] });
      const committed = topic.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
      if (BigInt(committed) <= BigInt(offset)) throw new Error(`${groupId} at ${committed} on ${partition}`);
    }, 60000);
  } finally {
    await admin.disconnect();
  }
}
