import { INestApplication } from '@nestjs/common';
import { deadLetterTopic, decodeParsedArticleEvent, namespaced, TOPICS } from '@app/contracts';
import { ConsumerConfig } from '../config/consumer-config';
import { KafkaReadiness } from '../health/kafka-readiness';
import { connectBatchConsumer } from './batch-consumer';
import { createKafka } from './kafka-client';

/**
 * Subscribes a service to parsed-article events: its `@ConsumeBatches(TOPICS.articleParsed)` handler
 * receives validated batches; invalid messages go to the group's dead-letter topic.
 */
export function consumeParsedArticles(app: INestApplication, service: string, config: ConsumerConfig): void {
  connectBatchConsumer(app, {
    kafka: createKafka(service, config.KAFKA_BROKERS),
    groupId: config.CONSUMER_GROUP,
    topic: namespaced(config.KAFKA_TOPIC_PREFIX, TOPICS.articleParsed),
    pattern: TOPICS.articleParsed,
    deadLetterTopic: namespaced(config.KAFKA_TOPIC_PREFIX, deadLetterTopic(service)),
    decode: decodeParsedArticleEvent,
    partitions: config.TOPIC_PARTITIONS,
    readiness: app.get(KafkaReadiness),
  });
}
