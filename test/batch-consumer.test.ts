import { Controller, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { ConsumeBatches, connectBatchConsumer } from '@app/platform';
import { testKafka } from './support/kafka';
import { eventually } from './support/services';

const PATTERN = 'slow-events';
/** The broker's smallest allowed session timeout; the handler below takes longer than it. */
const SESSION_TIMEOUT_MS = 6_000;
const SLOW_HANDLER_MS = 15_000;

const handled: string[][] = [];

@Controller()
class SlowHandler {
  @ConsumeBatches(PATTERN)
  async handle(events: string[]): Promise<void> {
    handled.push(events);
    // Only the first call is slow: a slice redone after the consumer lost its place would come fast.
    if (handled.length === 1) await new Promise((resolve) => setTimeout(resolve, SLOW_HANDLER_MS));
  }
}

@Module({ controllers: [SlowHandler] })
class SlowModule {}

describe('batch consumer with a handler slower than the session timeout', () => {
  const run = randomBytes(4).toString('hex');
  const topic = `${process.env.KAFKA_TOPIC_PREFIX}.slow-${run}`;
  const groupId = `slow-${run}`;
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(SlowModule, { logger: false });
    connectBatchConsumer(app, {
      kafka: testKafka(),
      groupId,
      topic,
      pattern: PATTERN,
      deadLetterTopic: `${topic}.dlq`,
      decode: (value) => String(value),
      partitions: 1,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
    });
    await app.startAllMicroservices();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps its place in the group, handles the slice once and commits it', async () => {
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({ topic, messages: ['a', 'b', 'c'].map((value) => ({ value })) });
    await producer.disconnect();

    const admin = testKafka().admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
        expect(partitions[0].offset).toBe('3');
      }, SLOW_HANDLER_MS + 30_000);
    } finally {
      await admin.disconnect();
    }
    expect(handled).toEqual([['a', 'b', 'c']]);
  });
});
