import request from 'supertest';
import { readTopicUntil } from './support/kafka';
import { API_KEY, eventually, Services, startServices } from './support/services';

// Written for this test: a short wire-style report with one edition and a few figures.
const article = {
  title: 'Battery conference in Yibin closes with 112 signed projects',
  source: 'Test Wire',
  url: 'https://example.test/news/yibin-2025',
  publishedAt: '2025-09-20',
  body: [
    'YIBIN, Sept. 20 -- The 2025 World Power Battery Conference ended in Yibin, Sichuan province, on Saturday.',
    'Organisers said 112 projects worth 86.4 billion yuan were signed during the three-day event.',
    'Contemporary Amperex Technology Co., Ltd. (CATL) showed a sodium-ion battery pack for heavy trucks.',
  ].join('\n\n'),
};

describe('the pipeline: ingest -> Kafka -> catalog and analytics', () => {
  let services: Services;
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    await services?.close();
  });

  it('publishes a submitted article that both consumers then serve', async () => {
    const submitted = await request(services.ingest.getHttpServer())
      .post('/v1/articles')
      .set('x-api-key', API_KEY)
      .send({ ...article, body: `${article.body}\n\nRun ${services.run}.` })
      .expect(202);
    const id: string = submitted.body.id;
    expect(id).toMatch(/^[a-f0-9]{32}$/);
    expect(submitted.body.status).toBe('accepted');

    const catalogued = await eventually(() =>
      request(services.catalog.getHttpServer()).get(`/v1/articles/${id}`).expect(200),
    );
    expect(catalogued.body).toMatchObject({
      id,
      title: article.title,
      source: 'Test Wire',
      publishedAt: '2025-09-20',
    });
    expect(catalogued.body.editionYears).toContain(2025);

    const observed = await eventually(async () => {
      const res = await request(services.analytics.getHttpServer())
        .get(`/v1/observations?article=${id}`)
        .expect(200);
      if (!res.body.items.length) throw new Error('no observations yet');
      return res;
    });
    const projects = observed.body.items.find((o: { metric: string }) => o.metric === 'investment.projects');
    expect(projects).toMatchObject({ value: 112, unit: 'projects', articleId: id });
    expect(projects.evidence).toContain('112 projects');
  });

  it('answers a resubmission of the same content as a duplicate with the same id', async () => {
    const body = `${article.body}\n\nDuplicate check ${services.run}.`;
    const server = services.ingest.getHttpServer();
    const first = await request(server)
      .post('/v1/articles')
      .set('x-api-key', API_KEY)
      .send({ ...article, body })
      .expect(202);
    const again = await request(server)
      .post('/v1/articles')
      .set('x-api-key', API_KEY)
      .send({ ...article, title: 'Same story, other headline', body: `  ${body.replace(/ /g, '  ')}  ` })
      .expect(200);
    expect(again.body).toEqual({
      id: first.body.id,
      status: 'duplicate',
      parserVersion: first.body.parserVersion,
    });
  });

  it('accepts plain text with header lines', async () => {
    const text = `title: Plain text submission\nsource: Test Wire\npublished: 2025-09-21\n\n${article.body}\n\nPlain ${services.run}.`;
    const res = await request(services.ingest.getHttpServer())
      .post('/v1/articles')
      .set('x-api-key', API_KEY)
      .set('content-type', 'text/plain')
      .send(text)
      .expect(202);
    const stored = await request(services.ingest.getHttpServer())
      .get(`/v1/articles/${res.body.id}`)
      .expect(200);
    expect(stored.body).toMatchObject({
      title: 'Plain text submission',
      publishedAt: '2025-09-21',
      status: 'published',
    });
  });

  it('refuses writes without a valid API key', async () => {
    const server = services.ingest.getHttpServer();
    await request(server).post('/v1/articles').send(article).expect(401);
    await request(server).post('/v1/articles').set('x-api-key', 'wrong').send(article).expect(401);
  });

  it('answers a bad article with 400 and the fields at fault', async () => {
    const res = await request(services.ingest.getHttpServer())
      .post('/v1/articles')
      .set('x-api-key', API_KEY)
      .send({ title: '', body: 'x', publishedAt: 'yesterday', url: 'not a url', $where: '1' })
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['$where', 'publishedAt', 'title', 'url']);
  });

  it('reports each item of a batch on its own and lets the good ones through', async () => {
    const res = await request(services.ingest.getHttpServer())
      .post('/v1/articles/batch')
      .set('x-api-key', API_KEY)
      .send({
        articles: [
          { ...article, body: `${article.body}\n\nBatch one ${services.run}.` },
          { title: 'no body' },
          { ...article, body: `${article.body}\n\nBatch one ${services.run}.` },
        ],
      })
      .expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'rejected',
      'duplicate',
    ]);
    expect(res.body.results[1].fields).toHaveProperty('body');
    expect(res.body.results[2].id).toBe(res.body.results[0].id);
  });

  it('reports liveness and readiness', async () => {
    for (const app of [services.ingest, services.catalog, services.analytics]) {
      await request(app.getHttpServer()).get('/health').expect(200);
      await eventually(() => request(app.getHttpServer()).get('/health/ready').expect(200));
    }
  });

  it('re-parses stored articles on request and publishes their events again', async () => {
    const server = services.ingest.getHttpServer();
    const { body } = await request(server)
      .post('/v1/articles')
      .set('x-api-key', API_KEY)
      .send({ ...article, body: `${article.body}\n\nReparse ${services.run}.` })
      .expect(202);
    // Everything is parsed by the current version already, so a plain reparse has nothing to do.
    await request(server)
      .post('/v1/articles/reparse')
      .set('x-api-key', API_KEY)
      .expect(200, { reparsed: 0, parserVersion: body.parserVersion });
    const all = await request(server)
      .post('/v1/articles/reparse?all=true')
      .set('x-api-key', API_KEY)
      .expect(200);
    expect(all.body.reparsed).toBeGreaterThanOrEqual(1);
    const events = await readTopicUntil(
      services.topics.articleParsed,
      (m) => (m.key === body.id ? m : undefined),
      2,
    );
    expect(events).toHaveLength(2);

    const bad = await request(server)
      .post('/v1/articles/reparse?all=maybe')
      .set('x-api-key', API_KEY)
      .expect(400);
    expect(bad.body.fields).toHaveProperty('all');
    await request(server).post('/v1/articles/reparse').expect(401);
  });
});
