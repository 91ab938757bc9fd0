import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per process with every metric the services expose. A service only moves the ones
 * it uses; the others stay at zero, which is harmless and keeps the names in one place.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const metrics = {
  articlesReceived: new Counter({
    name: 'battery_intel_articles_received_total',
    help: 'Articles received by ingest, by outcome (accepted, duplicate, rejected, unavailable)',
    labelNames: ['outcome'],
    registers: [registry],
  }),
  parseFailures: new Counter({
    name: 'battery_intel_parse_failures_total',
    help: 'Articles the parser threw on; published with an empty record until a replay re-parses them',
    registers: [registry],
  }),
  eventsPublished: new Counter({
    name: 'battery_intel_events_published_total',
    help: 'Events acknowledged by the broker',
    labelNames: ['topic'],
    registers: [registry],
  }),
  publishSeconds: new Histogram({
    name: 'battery_intel_publish_seconds',
    help: 'Time from publish to broker acknowledgement',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  }),
  eventsConsumed: new Counter({
    name: 'battery_intel_events_consumed_total',
    help: 'Events consumed and written, by consumer group',
    labelNames: ['group', 'topic'],
    registers: [registry],
  }),
  deadLetters: new Counter({
    name: 'battery_intel_dead_letters_total',
    help: 'Messages sent to a dead-letter topic, by consumer group',
    labelNames: ['group', 'topic'],
    registers: [registry],
  }),
  consumerLag: new Gauge({
    name: 'battery_intel_consumer_lag',
    help: 'Messages behind the end of the partition at the last batch',
    labelNames: ['group', 'topic', 'partition'],
    registers: [registry],
  }),
  batchSeconds: new Histogram({
    name: 'battery_intel_batch_seconds',
    help: 'Time to process one consumed batch, write included',
    labelNames: ['group'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  }),
};
