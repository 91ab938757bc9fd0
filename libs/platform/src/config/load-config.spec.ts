import { ConfigValidationError, loadConfig } from './load-config';
import { ConsumerConfig } from './consumer-config';

const valid = {
  PORT: '3002',
  KAFKA_BROKERS: '127.0.0.1:9092, kafka:29092',
  MONGODB_URI: 'mongodb://127.0.0.1:27017',
  MONGODB_DB: 'battery_catalog',
  CONSUMER_GROUP: 'catalog',
};

describe('loadConfig', () => {
  it('converts and defaults the environment into a typed object', () => {
    const config = loadConfig(ConsumerConfig, { ...valid, PATH: '/usr/bin' });
    expect(config.PORT).toBe(3002);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', 'kafka:29092']);
    expect(config.TOPIC_PARTITIONS).toBe(6);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.API_KEYS).toEqual([]);
    expect(config).not.toHaveProperty('PATH');
  });

  it('lists every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig(ConsumerConfig, {
        ...valid,
        PORT: 'eighty',
        KAFKA_BROKERS: 'no-port',
        MONGODB_URI: undefined,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/KAFKA_BROKERS:/);
    expect(message).toMatch(/MONGODB_URI:/);
    expect(message).not.toMatch(/CONSUMER_GROUP:/);
  });
});
