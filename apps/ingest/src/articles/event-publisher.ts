import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Kafka, Producer } from 'kafkajs';
import { namespaced, ParsedArticleEventV1, TOPICS } from '@app/contracts';
import { createIdempotentProducer, createKafka, ensureTopics, KafkaReadiness, metrics } from '@app/platform';
import { IngestConfig } from '../ingest.config';

/** The broker did not acknowledge in time; the caller may retry (ingest deduplicates by content). */
export class PublishUnavailableError extends Error {
  override name = 'PublishUnavailableError';
}

/**
 * Publishes parsed-article events keyed by article id, so that every event of one article lands on
 * one partition, in order.
 */
@Injectable()
export class EventPublisher implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger(EventPublisher.name);
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly topic: string;

  constructor(
    private readonly config: IngestConfig,
    readiness: KafkaReadiness,
  ) {
    this.topic = namespaced(config.KAFKA_TOPIC_PREFIX, TOPICS.articleParsed);
    this.kafka = createKafka('ingest', config.KAFKA_BROKERS);
    this.producer = createIdempotentProducer(this.kafka);
    this.producer.on(this.producer.events.CONNECT, () => readiness.set(true));
    this.producer.on(this.producer.events.DISCONNECT, () => readiness.set(false));
  }

  async onModuleInit(): Promise<void> {
    await ensureTopics(this.kafka, [this.topic], this.config.TOPIC_PARTITIONS);
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  async publish(events: ParsedArticleEventV1[]): Promise<void> {
    if (!events.length) return;
    const stopTimer = metrics.publishSeconds.startTimer();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new PublishUnavailableError('the broker did not acknowledge in time')),
        this.config.PUBLISH_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([
        this.producer.send({
          topic: this.topic,
          acks: -1,
          messages: events.map((e) => ({
            key: e.articleId,
            value: JSON.stringify(e),
            headers: { 'schema-version': String(e.schemaVersion), 'parser-version': e.parserVersion },
          })),
        }),
        timeout,
      ]);
      metrics.eventsPublished.inc({ topic: this.topic }, events.length);
    } catch (error) {
      this.log.error({
        msg: 'publish failed',
        articleIds: events.map((e) => e.articleId),
        error: String(error),
      });
      throw error instanceof PublishUnavailableError ? error : new PublishUnavailableError(String(error));
    } finally {
      clearTimeout(timer);
      stopTimer();
    }
  }
}
