import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Services } from '../support/services';
import {
  ArticleIds,
  articlesOf,
  editions,
  HttpServer,
  publishAndWait,
  publishedEvent,
  Segment,
  startReplica,
  startServicesAtTopicEnd,
  submitFixtures,
  waitForProjection,
} from './analytics-support';

/** Everything the analytics service says about this run's figures, as a reader would compare it. */
async function snapshot(server: HttpServer) {
  const get = async (path: string) => (await request(server).get(path).expect(200)).body;
  const battery = await get('/v1/metrics/battery');
  return {
    investment: await get('/v1/metrics/investment?from=2031&to=2033'),
    production: await get('/v1/metrics/production?subject=China%20NEV'),
    yibin: battery.series.filter((s: { scope: string }) => s.scope === 'Yibin'),
    conflicts: (await get('/v1/metrics/conflicts?metric=investment.amount')).items.filter(
      (i: { key: string }) => i.key.startsWith('investment.amount|2033|'),
    ),
    jobs: await get('/v1/metrics/series?metric=employment.jobs&subject=2032%20edition%20jobs%20(forecast)'),
  };
}

describe('analytics: idempotent under replay, redelivery and re-parses', () => {
  let services: Services;
  let segment: Segment;
  let ids: ArticleIds;
  let server: HttpServer;
  let replica: INestApplication | undefined;

  beforeAll(async () => {
    ({ services, segment } = await startServicesAtTopicEnd());
    server = services.analytics.getHttpServer();
    ids = await submitFixtures(services);
    await waitForProjection(server, ids);
  }, 180000);
  afterAll(async () => {
    await replica?.close();
    await services?.close();
  });

  it('rebuilds the same state in a new database from a replay of the same events', async () => {
    const before = await snapshot(server);
    ({ app: replica } = await startReplica(services, segment));
    const replayed = replica.getHttpServer();
    await waitForProjection(replayed, ids);
    expect(await snapshot(replayed)).toEqual(before);
  });

  it('changes nothing when an event is delivered again', async () => {
    const before = await snapshot(server);
    const event = await publishedEvent(ids.harbour, segment);
    await publishAndWait(event, services.env('analytics').CONSUMER_GROUP!);
    expect(await snapshot(server)).toEqual(before);
  });

  it("replaces an article's contribution when it is parsed again", async () => {
    const event = await publishedEvent(ids.citydaily, segment);
    // A new parser version no longer reads the investment amount and the attendance from the article.
    const facts = event.record.facts.filter((f) => f.metric === 'investment.projects');
    expect(facts.length).toBeLessThan(event.record.facts.length);
    await publishAndWait(
      { ...event, parserVersion: 'test-reparse', record: { ...event.record, facts } },
      services.env('analytics').CONSUMER_GROUP!,
    );

    const observed = await request(server).get(`/v1/observations?article=${ids.citydaily}`).expect(200);
    expect(observed.body.items.map((o: { metric: string }) => o.metric)).toEqual(['investment.projects']);
    expect(observed.body.items[0].parserVersion).toBe('test-reparse');

    const { 2032: edition } = await editions(server);
    // The figure stays (Harbour still reports it); City Daily is no longer among its sources.
    expect(edition.investmentCny).toMatchObject({ status: 'agreed', value: 108.62e9 });
    expect(articlesOf(edition.investmentCny)).toEqual([ids.harbour]);
    expect(articlesOf(edition.attendance)).toEqual([ids.harbour]);
    expect(articlesOf(edition.projects)).toEqual([ids.harbour, ids.citydaily]);
    const amount = await request(server)
      .get('/v1/metrics/series?metric=investment.amount&subject=2032%20edition%20signed%20projects')
      .expect(200);
    expect(articlesOf(amount.body.points[0].figures[0])).toEqual([ids.harbour]);
  });
});
