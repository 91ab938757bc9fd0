import request from 'supertest';
import { consumerLag, replayFromStart } from '../scripts/ops/consumer-groups';
import { listDeadLetters, redriveDeadLetters } from '../scripts/ops/dead-letters';
import { readTopicUntil, testKafka } from './support/kafka';
import { API_KEY, Services, startServices } from './support/services';

describe('operator commands', () => {
  let services: Services;
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    await services?.close();
  });

  it('lists dead letters with their reasons and re-drives each once, without its dead-letter headers', async () => {
    // A letter as the catalog would have dead-lettered it: a valid event that failed for a reason since fixed.
    const { body } = await request(services.ingest.getHttpServer())
      .post('/v1/articles')
      .set('x-api-key', API_KEY)
      .send({ title: 'Redrive', source: 'Test Wire', body: `Redrive check ${services.run}.` })
      .expect(202);
    const [published] = await readTopicUntil(
      services.topics.articleParsed,
      (m) => (m.key === body.id ? m : undefined),
      1,
    );
    const service = `ops-test-${services.run}`;
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: services.topics.deadLetters(service),
      messages: [
        {
          key: body.id,
          value: published.value,
          headers: {
            'schema-version': '1',
            'dlq-reason': 'store rejected the write',
            'dlq-consumer-group': 'catalog',
          },
        },
      ],
    });
    await producer.disconnect();

    const letters = await listDeadLetters(testKafka(), service, services.topicPrefix);
    expect(letters).toEqual([
      expect.objectContaining({ key: body.id, reason: 'store rejected the write', consumerGroup: 'catalog' }),
    ]);
    expect(await redriveDeadLetters(testKafka(), service, services.topicPrefix)).toBe(1);
    expect(await redriveDeadLetters(testKafka(), service, services.topicPrefix)).toBe(0);

    const copies = await readTopicUntil(
      services.topics.articleParsed,
      (m) => (m.key === body.id ? m : undefined),
      2,
    );
    expect(copies[1].value).toEqual(published.value);
    expect(copies[1].headers).toEqual({ 'schema-version': '1' });
  });

  it('reports lag and moves a stopped group back to the start of the topic', async () => {
    const group = `catalog-${services.run}`;
    await expect(replayFromStart(testKafka(), group, services.topicPrefix)).rejects.toThrow(/running member/);
    await services.stop('catalog');

    await replayFromStart(testKafka(), group, services.topicPrefix);
    const admin = testKafka().admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(services.topics.articleParsed);
    await admin.disconnect();
    const lag = await consumerLag(testKafka(), group, services.topicPrefix);
    expect(lag.map((p) => p.lag)).toEqual(
      offsets.sort((a, b) => a.partition - b.partition).map((p) => Number(p.high) - Number(p.low)),
    );
  });
});
