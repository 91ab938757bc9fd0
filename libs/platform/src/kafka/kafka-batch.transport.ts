import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { KafkaReadiness } from '../health/kafka-readiness';
import { metrics } from '../metrics/metrics';
import { createIdempotentProducer, ensureTopics } from './kafka-client';
import { isTransientError } from './transient-error';

/** Decodes one message; whatever it throws is the reason the message goes to the dead-letter topic. */
export type Decoder<T> = (value: Buffer | null) => T;

export interface KafkaBatchTransportOptions<T> {
  kafka: Kafka;
  groupId: string;
  /** The topic read, namespaced or not. */
  topic: string;
  /** The `@ConsumeBatches` pattern whose handler receives its events: the topic's un-namespaced name. */
  pattern: string;
  deadLetterTopic: string;
  decode: Decoder<T>;
  partitions: number;
  readiness?: KafkaReadiness;
  /** How long the broker waits for a silent consumer before dropping it from the group. */
  sessionTimeoutMs?: number;
}

/** Most events handed to the handler in one call (one bulk write). */
const MAX_EVENTS_PER_CALL = 200;
const SESSION_TIMEOUT_MS = 30_000;
/** How often a consumer busy with a slice says it is alive (kafkajs sends at most one per interval). */
const HEARTBEAT_INTERVAL_MS = 1_000;
/** Upper bound of the pause between two tries of a batch whose store is unreachable. */
const MAX_RETRY_DELAY_MS = 5000;

interface Decoded<T> {
  message: KafkaMessage;
  event: T;
}

/**
 * A @nestjs/microservices transport that hands a handler (`@ConsumeBatches(topic)`) whole batches of
 * decoded events, so that a service writes each batch with one bulk write. Nest's own Kafka transport
 * delivers one message at a time, which is why this one exists.
 *
 * For every batch: decode and validate each message (a poison one goes to the dead-letter topic with
 * its reason), call the handler with the rest, and commit the offsets only once it resolved. A store
 * outage is retried with backoff for as long as the consumer runs; any other failure is narrowed down
 * by retrying message by message, so only the messages that really fail are dead-lettered.
 */
export class KafkaBatchTransport<T> extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaBatchTransport.name);
  private consumer?: Consumer;
  private producer?: Producer;

  constructor(private readonly options: KafkaBatchTransportOptions<T>) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const { kafka, groupId, topic, deadLetterTopic, partitions } = this.options;
      await ensureTopics(kafka, [topic, deadLetterTopic], partitions);
      this.producer = createIdempotentProducer(kafka);
      await this.producer.connect();
      this.consumer = kafka.consumer({
        groupId,
        sessionTimeout: this.options.sessionTimeoutMs ?? SESSION_TIMEOUT_MS,
        heartbeatInterval: HEARTBEAT_INTERVAL_MS,
        // By default kafkajs stays down after errors it deems fatal (e.g. the group rebalanced during
        // a long pause), leaving a service that looks alive but consumes nothing: always rejoin.
        retry: { restartOnFailure: async () => true },
      });
      const readiness = this.options.readiness;
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => readiness?.set(true));
      this.consumer.on(this.consumer.events.CRASH, () => readiness?.set(false));
      this.consumer.on(this.consumer.events.STOP, () => readiness?.set(false));
      await this.consumer.connect();
      // A new group reads the topic from the start: that is how a projection is rebuilt.
      await this.consumer.subscribe({ topic, fromBeginning: true });
      await this.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.processBatch(payload),
      });
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** kafkajs lets the batch in hand finish before the consumer leaves the group. */
  async close(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  on(): never {
    throw new Error('KafkaBatchTransport has no events to listen to');
  }

  unwrap<U>(): U {
    return this.consumer as U;
  }

  /**
   * kafkajs fetches up to a megabyte per partition; the batch is applied in slices so that one
   * handler call stays small, and each slice is committed (and the group heartbeated) before the next.
   */
  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    for (let i = 0; i < batch.messages.length; i += MAX_EVENTS_PER_CALL) {
      if (!payload.isRunning() || payload.isStale()) return;
      await this.processSlice(batch.messages.slice(i, i + MAX_EVENTS_PER_CALL), payload);
    }
  }

  private async processSlice(messages: KafkaMessage[], payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const stopTimer = metrics.batchSeconds.startTimer({ group: this.options.groupId });
    const decoded: Decoded<T>[] = [];
    for (const message of messages) {
      try {
        decoded.push({ message, event: this.options.decode(message.value) });
      } catch (error) {
        await this.deadLetter(batch.topic, batch.partition, message, error);
      }
    }
    await this.handleWithRetry(decoded, payload);
    const last = messages[messages.length - 1].offset;
    payload.resolveOffset(last);
    await this.consumer!.commitOffsets([
      { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
    ]);
    await payload.heartbeat();
    const labels = { group: this.options.groupId, topic: batch.topic };
    metrics.eventsConsumed.inc(labels, decoded.length);
    metrics.consumerLag.set(
      { ...labels, partition: String(batch.partition) },
      Number(BigInt(batch.highWatermark) - BigInt(last) - 1n),
    );
    stopTimer();
  }

  private async handleWithRetry(items: Decoded<T>[], payload: EachBatchPayload): Promise<void> {
    if (!items.length) return;
    const handler = this.getHandlerByPattern(this.options.pattern);
    if (!handler) throw new Error(`no @ConsumeBatches handler for ${this.options.pattern}`);
    for (let attempt = 0; ; attempt++) {
      try {
        await whileHeartbeating(payload, async () => {
          const result = await handler(
            items.map((i) => i.event),
            undefined,
          );
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        });
        return;
      } catch (error) {
        if (isTransientError(error)) {
          if (!payload.isRunning() || payload.isStale()) throw error;
          const delay = Math.min(MAX_RETRY_DELAY_MS, 200 * 2 ** attempt);
          this.log.warn({ msg: 'store unavailable, retrying batch', error: String(error), delay });
          await new Promise((resolve) => setTimeout(resolve, delay));
          await payload.heartbeat();
          continue;
        }
        if (items.length === 1) {
          await this.deadLetter(payload.batch.topic, payload.batch.partition, items[0].message, error);
          return;
        }
        // Narrow the failure down to the messages that cause it.
        for (const item of items) await this.handleWithRetry([item], payload);
        return;
      }
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    this.log.error({ msg: 'dead-lettering message', topic, partition, offset: message.offset, reason });
    await this.producer!.send({
      topic: this.options.deadLetterTopic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq-reason': reason.slice(0, 4000),
            'dlq-source-topic': topic,
            'dlq-source-partition': String(partition),
            'dlq-source-offset': message.offset,
            'dlq-consumer-group': this.options.groupId,
            'dlq-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
    metrics.deadLetters.inc({ group: this.options.groupId, topic });
  }
}

/**
 * Heartbeats while `work` runs. A slice can take longer than the session timeout (a slow store, a
 * backlog on FerretDB); without heartbeats the broker would drop the consumer from the group, its
 * commit would be refused and the same slice redone for ever. A heartbeat that fails (a rebalance has
 * begun) is left to the commit that follows, which fails and has the batch redone.
 */
async function whileHeartbeating(payload: EachBatchPayload, work: () => Promise<void>): Promise<void> {
  const timer = setInterval(() => payload.heartbeat().catch(() => undefined), HEARTBEAT_INTERVAL_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
}
