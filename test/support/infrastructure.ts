import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';

/**
 * Where the integration tests find Kafka and a MongoDB-compatible server, in this order:
 *
 * 1. 'env': KAFKA_BROKERS (comma-separated) and MONGODB_URI are both set: use them as they are.
 * 2. 'testcontainers': a Docker engine answers within a few seconds: start throwaway containers
 *    and stop them in teardown.
 * 3. 'local': no Docker (as on our dev and CI machines): `deploy/local/stack.sh start` installs if
 *    needed and starts a real Kafka broker and FerretDB on this machine. They are left running on
 *    teardown so the next run starts in seconds; `deploy/local/stack.sh stop` stops them.
 *
 * BATTERY_INTEL_INFRA=local|testcontainers skips the detection (e.g. to use the local stack on a
 * machine that also has Docker).
 */
export interface Infrastructure {
  kafkaBrokers: string[];
  mongoUri: string;
  teardown: () => Promise<void>;
  mode: 'env' | 'testcontainers' | 'local';
}

/** The images docker-compose.yml runs. */
const KAFKA_IMAGE = process.env.TEST_KAFKA_IMAGE ?? 'apache/kafka:3.9.1';
const MONGO_IMAGE = process.env.TEST_MONGO_IMAGE ?? 'mongo:7';
const DOCKER_PROBE_TIMEOUT_MS = 5_000;

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const STACK_SCRIPT = path.join(REPO_ROOT, 'deploy', 'local', 'stack.sh');

export async function ensureInfrastructure(): Promise<Infrastructure> {
  const brokers = process.env.KAFKA_BROKERS?.trim();
  const mongoUri = process.env.MONGODB_URI?.trim();
  if (brokers && mongoUri) {
    return { kafkaBrokers: splitBrokers(brokers), mongoUri, teardown: async () => {}, mode: 'env' };
  }

  const forced = process.env.BATTERY_INTEL_INFRA;
  if (forced === 'testcontainers' || (forced !== 'local' && (await dockerAnswers()))) {
    return startContainers();
  }
  return startLocalStack();
}

function splitBrokers(list: string): string[] {
  return list
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** True if testcontainers finds a working container engine; false after DOCKER_PROBE_TIMEOUT_MS. */
async function dockerAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), DOCKER_PROBE_TIMEOUT_MS);
  });
  // Imported lazily: the 'env' and 'local' modes should not load dockerode and friends.
  const probe = import('testcontainers')
    .then(({ getContainerRuntimeClient }) => getContainerRuntimeClient())
    .then(
      () => true,
      () => false,
    );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function startContainers(): Promise<Infrastructure> {
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  // Both at once; if one fails, stop the other before reporting the failure.
  const [kafka, mongo] = await Promise.allSettled([
    startKafkaContainer(),
    new MongoDBContainer(MONGO_IMAGE).start(),
  ]);
  if (kafka.status === 'rejected' || mongo.status === 'rejected') {
    await Promise.allSettled(
      [kafka, mongo].map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)),
    );
    throw kafka.status === 'rejected' ? kafka.reason : (mongo as PromiseRejectedResult).reason;
  }
  const k = kafka.value;
  const m = mongo.value;
  return {
    kafkaBrokers: [k.broker],
    // The container is a one-member replica set that knows itself by its container hostname,
    // which the host cannot resolve: connect to it directly instead of discovering the set.
    mongoUri: `${m.getConnectionString()}/?directConnection=true`,
    teardown: async () => {
      await Promise.all([k.stop(), m.stop()]);
    },
    mode: 'testcontainers',
  };
}

/**
 * The official apache/kafka image in KRaft mode. @testcontainers/kafka (v11) drives only Confluent
 * images, so this is a generic container. A broker must advertise the address clients reach it at,
 * which is only known up front with a fixed host port: pick a free one first.
 */
async function startKafkaContainer(): Promise<{ broker: string; stop: () => Promise<unknown> }> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
  const port = await freePort();
  const container = await new GenericContainer(KAFKA_IMAGE)
    .withExposedPorts({ container: 9092, host: port })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${port}`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  return { broker: `${host}:${port}`, stop: () => container.stop() };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `deploy/local/stack.sh start` (idempotent: quick when already running). Its progress goes
 * to our stderr; its stdout carries the endpoint lines KAFKA_BROKERS=... and MONGODB_URI=...
 */
async function startLocalStack(): Promise<Infrastructure> {
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', [STACK_SCRIPT, 'start'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out);
      else
        reject(
          new Error(`${STACK_SCRIPT} start failed (${signal ?? `exit code ${code}`}); see its output above`),
        );
    });
  });

  const value = (name: string): string => {
    const match = new RegExp(`^${name}=(.+)$`, 'm').exec(stdout);
    if (!match) throw new Error(`${STACK_SCRIPT} start did not print ${name}=...`);
    return match[1].trim();
  };
  return {
    kafkaBrokers: splitBrokers(value('KAFKA_BROKERS')),
    mongoUri: value('MONGODB_URI'),
    // Left running on purpose: the next test run reuses it.
    teardown: async () => {},
    mode: 'local',
  };
}
