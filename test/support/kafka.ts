import { Kafka, logLevel } from 'kafkajs';
import { namespaced, TOPICS } from '@app/contracts';
import { eventually } from './services';

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
