import { ensureInfrastructure } from './infrastructure';

/**
 * Integration tests run against a real Kafka and a real MongoDB-compatible server: the ones named by
 * KAFKA_BROKERS and MONGODB_URI, else containers when Docker answers, else the local stack.
 */
export default async function globalSetup(): Promise<void> {
  const infra = await ensureInfrastructure();
  process.env.KAFKA_BROKERS = infra.kafkaBrokers.join(',');
  process.env.MONGODB_URI = infra.mongoUri;
  // Topics of this run's own, so that a new consumer group reads only this run's events, not every
  // earlier run's that a long-lived local broker still holds.
  process.env.KAFKA_TOPIC_PREFIX ??= `it-${Date.now().toString(36)}`;
  (globalThis as { __infraTeardown?: () => Promise<void> }).__infraTeardown = infra.teardown;
  process.stderr.write(
    `\nintegration infrastructure (${infra.mode}): ${process.env.KAFKA_BROKERS} ${infra.mongoUri}\n`,
  );
}
