/** Kafka topic names shared by every service. The version in the name is the event contract's. */
export const TOPICS = {
  articleParsed: 'battery-intel.article-parsed.v1',
} as const;

/** Each consumer group dead-letters into its own topic, so one service's poison messages can be re-driven alone. */
export const deadLetterTopic = (consumerGroup: string): string =>
  `${TOPICS.articleParsed}.dlq.${consumerGroup}`;

/**
 * A topic under an optional namespace (KAFKA_TOPIC_PREFIX): several environments can share one
 * cluster, and each test run gets topics of its own.
 */
export const namespaced = (prefix: string, topic: string): string => (prefix ? `${prefix}.${topic}` : topic);

export const CONSUMER_GROUPS = {
  catalog: 'catalog',
  analytics: 'analytics',
} as const;
