import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AnalyticsConfig } from '../apps/analytics/src/analytics.config';
import { CatalogConfig } from '../apps/catalog/src/catalog.config';
import { IngestConfig } from '../apps/ingest/src/ingest.config';
import { loadConfig } from '../libs/platform/src';

// No Docker engine runs here, so docker-compose.yml is checked for what can be checked without one.
interface ComposeService {
  image?: string;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

/** Resolves `${VAR:-default}` the way compose does when VAR is unset. */
const resolve = (value: string | number) => String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
const environmentOf = (name: string) =>
  Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, resolve(v)]));

const apps = { ingest: IngestConfig, catalog: CatalogConfig, analytics: AnalyticsConfig };

describe('docker-compose.yml', () => {
  it('runs the images the integration tests use', () => {
    expect(services.kafka.image).toBe('apache/kafka:3.9.1');
    expect(services.mongo.image).toBe('mongo:7');
  });

  it.each(Object.entries(apps))('gives %s every setting its configuration requires', (name, cls) => {
    expect(() => loadConfig(cls as new () => object, environmentOf(name))).not.toThrow();
  });

  it.each(Object.keys(apps))('publishes, listens on and health-checks the same port for %s', (name) => {
    const port = environmentOf(name).PORT;
    expect(services[name].ports?.map(resolve)).toEqual([`${port}:${port}`]);
    expect(services[name].healthcheck?.test.join(' ')).toContain(`127.0.0.1:${port}/health/ready`);
    expect(services[name].command).toEqual(['node', `dist/apps/${name}/src/main.js`]);
  });

  it.each(Object.keys(apps))(
    'points %s at the internal Kafka listener and the mongo service, once both are healthy',
    (name) => {
      const env = environmentOf(name);
      const advertised = String(services.kafka.environment?.KAFKA_ADVERTISED_LISTENERS);
      expect(advertised).toContain(`INTERNAL://${env.KAFKA_BROKERS}`);
      expect(env.MONGODB_URI).toMatch(/^mongodb:\/\/mongo:27017\//);
      expect(services[name].depends_on).toEqual({
        kafka: { condition: 'service_healthy' },
        mongo: { condition: 'service_healthy' },
      });
    },
  );

  it('gives each service its own database and each consumer its own group', () => {
    const dbs = Object.keys(apps).map((name) => environmentOf(name).MONGODB_DB);
    expect(new Set(dbs).size).toBe(3);
    expect(environmentOf('catalog').CONSUMER_GROUP).not.toBe(environmentOf('analytics').CONSUMER_GROUP);
  });
});
