import request from 'supertest';
import { readTopicUntil, testKafka } from './support/kafka';
import { API_KEY, eventually, Services, startServices } from './support/services';
import { TcpProxy } from './support/tcp-proxy';

const article = (run: string, n: number) => ({
  title: `Cell maker opens plant ${n}`,
  source: 'Test Wire',
  publishedAt: '2025-03-02',
  body: `A cell maker opened a plant with an annual capacity of 20 GWh in Yibin. Test ${run}-${n}.`,
});

describe('under failure', () => {
  let services: Services;
  let proxy: TcpProxy;

  beforeAll(async () => {
    // The catalog reaches its store through a proxy the test can cut.
    const mongo = new URL(process.env.MONGODB_URI!);
    proxy = await TcpProxy.start({ host: mongo.hostname, port: Number(mongo.port || 27017) });
    services = await startServices({
      catalog: { MONGODB_URI: `mongodb://127.0.0.1:${proxy.port}/?directConnection=true` },
    });
  });
  afterAll(async () => {
    await services?.close();
    await proxy?.close();
  });

  it('sends poison messages to the dead-letter topic with their reason and goes on', async () => {
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: services.topics.articleParsed,
      messages: [
        { key: `poison-json-${services.run}`, value: '{"truncated": ' },
        {
          key: `poison-contract-${services.run}`,
          value: JSON.stringify({ schemaVersion: 2, articleId: 'x' }),
        },
      ],
    });
    await producer.disconnect();
    const submitted = await request(services.ingest.getHttpServer())
      .post('/v1/articles')
      .set('x-api-key', API_KEY)
      .send(article(services.run, 1))
      .expect(202);

    // The consumer went past the poison and processed the good article after it.
    await eventually(() =>
      request(services.catalog.getHttpServer()).get(`/v1/articles/${submitted.body.id}`).expect(200),
    );

    const group = `catalog-${services.run}`;
    const dead = await readTopicUntil(
      services.topics.deadLetters('catalog'),
      (m) => (m.headers['dlq-consumer-group'] === group ? m : undefined),
      2,
    );
    const reasons = Object.fromEntries(dead.map((m) => [m.key, m.headers['dlq-reason']]));
    expect(reasons[`poison-json-${services.run}`]).toMatch(/not JSON/);
    expect(reasons[`poison-contract-${services.run}`]).toMatch(/schemaVersion/);
    expect(dead[0].headers['dlq-source-topic']).toBe(services.topics.articleParsed);
    expect(dead[0].headers['dlq-source-offset']).toMatch(/^\d+$/);
  });

  it('holds events while the store is down and writes them once it is back', async () => {
    const catalog = services.catalog.getHttpServer();
    proxy.cut();
    try {
      await eventually(() => request(catalog).get('/health/ready').expect(503));
      const submitted = await request(services.ingest.getHttpServer())
        .post('/v1/articles')
        .set('x-api-key', API_KEY)
        .send(article(services.run, 2))
        .expect(202);
      // Analytics, whose store is up, has it: the event is in Kafka while the catalog cannot write.
      await eventually(async () => {
        const res = await request(services.analytics.getHttpServer())
          .get(`/v1/observations?article=${submitted.body.id}`)
          .expect(200);
        if (!res.body.items.length) throw new Error('not consumed by analytics yet');
      });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      proxy.restore();
      await eventually(() => request(catalog).get(`/v1/articles/${submitted.body.id}`).expect(200), 60000);
      await eventually(() => request(catalog).get('/health/ready').expect(200));
    } finally {
      proxy.restore();
    }
  });

  it('loses nothing when a consumer is restarted in the middle of its work', async () => {
    const articles = Array.from({ length: 40 }, (_, i) => article(services.run, 100 + i));
    const { body } = await request(services.ingest.getHttpServer())
      .post('/v1/articles/batch')
      .set('x-api-key', API_KEY)
      .send({ articles })
      .expect(200);
    const ids: string[] = body.results.map((r: { id: string }) => r.id);
    // SIGTERM-like shutdown while the events are arriving: the batch in hand is finished and committed.
    await services.restart('catalog');
    await eventually(async () => {
      for (const id of ids)
        await request(services.catalog.getHttpServer()).get(`/v1/articles/${id}`).expect(200);
    }, 60000);
  });
});
