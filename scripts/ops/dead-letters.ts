import { IHeaders, Kafka } from 'kafkajs';
import { deadLetterTopic, namespaced, TOPICS } from '@app/contracts';

export interface DeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  reason: string;
  consumerGroup: string;
  failedAt: string;
  source: string;
}

const text = (headers: IHeaders | undefined, name: string) => String(headers?.[name] ?? '');

/**
 * Reads a topic from `group`'s committed position (the start for a new group) up to its end as it is
 * now, handing each message to `visit`; returns once every partition has been read to that end.
 */
async function readToEnd(
  kafka: Kafka,
  topic: string,
  group: string,
  commit: boolean,
  visit: (message: {
    partition: number;
    offset: string;
    key: Buffer | null;
    value: Buffer | null;
    headers?: IHeaders;
  }) => Promise<void>,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  const committed = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  await admin.disconnect();
  const start = new Map(committed[0].partitions.map((p) => [p.partition, Number(p.offset)]));
  // Partitions with nothing left to read (from the group's position or the log start) are done already.
  const pending = new Set(
    ends
      .filter((p) => Number(p.high) > Math.max(Number(p.low), start.get(p.partition) ?? -1))
      .map((p) => p.partition),
  );
  if (!pending.size) return;
  const high = new Map(ends.map((p) => [p.partition, Number(p.high)]));

  const consumer = kafka.consumer({ groupId: group });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          if (!pending.has(partition) || Number(message.offset) >= high.get(partition)!) return;
          await visit({ partition, ...message });
          if (commit) {
            await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
          }
          if (Number(message.offset) + 1 >= high.get(partition)!) pending.delete(partition);
          if (!pending.size) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
}

/** Lists a service's dead letters without moving any consumer group. */
export async function listDeadLetters(kafka: Kafka, service: string, prefix = ''): Promise<DeadLetter[]> {
  const letters: DeadLetter[] = [];
  await readToEnd(
    kafka,
    namespaced(prefix, deadLetterTopic(service)),
    `ops.peek.${Date.now()}`,
    false,
    async (m) => {
      letters.push({
        partition: m.partition,
        offset: m.offset,
        key: m.key?.toString() ?? null,
        reason: text(m.headers, 'dlq-reason'),
        consumerGroup: text(m.headers, 'dlq-consumer-group'),
        failedAt: text(m.headers, 'dlq-failed-at'),
        source: `${text(m.headers, 'dlq-source-topic')}/${text(m.headers, 'dlq-source-partition')}@${text(m.headers, 'dlq-source-offset')}`,
      });
    },
  );
  return letters;
}

/**
 * Sends a service's dead letters back to the main topic (after the cause was fixed), with their
 * original key, value and headers. A group of its own remembers what was re-driven, so running it
 * again sends only letters that arrived since. Consumers are idempotent, so the other service
 * seeing the message again is harmless.
 */
export async function redriveDeadLetters(kafka: Kafka, service: string, prefix = ''): Promise<number> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let count = 0;
  try {
    await readToEnd(
      kafka,
      namespaced(prefix, deadLetterTopic(service)),
      `ops.redrive.${prefix}${service}`,
      true,
      async (m) => {
        const headers = Object.fromEntries(
          Object.entries(m.headers ?? {}).filter(([name]) => !name.startsWith('dlq-')),
        ) as IHeaders;
        await producer.send({
          topic: namespaced(prefix, TOPICS.articleParsed),
          acks: -1,
          messages: [{ key: m.key, value: m.value, headers }],
        });
        count++;
      },
    );
  } finally {
    await producer.disconnect();
  }
  return count;
}
