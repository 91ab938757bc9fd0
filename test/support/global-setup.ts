import { ensureInfrastructure } from './infrastructure';

/**
 * Integration tests run against a real Kafka and a real MongoDB-compatible server: the ones named by
 * KAFKA_BROKERS and MONGODB_URI, else containers when Docker answers, else the local stack.
 */
export default async function globalSetup(): Promise<void> {
  const infra = await ensureInfrastructure();
  process.env.KAFKA_BROKERS = infra.kafkaBrokers.join(',');
  process.env.MONGODB_URI = infra.mongoUri;
  (globalThis as { __infraTeardown?: () => Promise<void> }).__infraTeardown = infra.teardown;
  process.stderr.write(
    `\nintegration infrastructure (${infra.mode}): ${process.env.KAFKA_BROKERS} ${infra.mongoUri}\n`,
  );
}
