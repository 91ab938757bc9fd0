import request from 'supertest';
import { Services } from '../support/services';
import {
  ArticleIds,
  articlesOf,
  editions,
  Figure,
  HttpServer,
  parseCsv,
  startServicesAtTopicEnd,
  submitFixtures,
  waitForProjection,
} from './analytics-support';

/**
 * Articles go in through ingest and come out of the analytics service reconciled. The services read
 * the topic from where it ended when the run started; the editions and periods asserted (2031-2033)
 * are reported only by these fixtures.
 */
describe('analytics: reconciled figures, aggregates and CSV', () => {
  let services: Services;
  let ids: ArticleIds;
  let server: HttpServer;

  beforeAll(async () => {
    ({ services } = await startServicesAtTopicEnd());
    server = services.analytics.getHttpServer();
    ids = await submitFixtures(services);
    await waitForProjection(server, ids);
  }, 180000);
  afterAll(async () => {
    await services?.close();
  });

  const series = async (metric: string, subject: string) =>
    (await request(server).get('/v1/metrics/series').query({ metric, subject }).expect(200)).body;

  it('makes one figure reported by two outlets one fact with both sources, not a sum', async () => {
    const body = await series('investment.amount', '2032 edition signed projects');
    const [point] = body.points;
    expect(point).toMatchObject({ period: '2032', status: 'agreed' });
    const [cny, usd] = point.figures as Figure[];
    // 108.62 billion (Harbour) and 108.6 billion (City Daily) agree within rounding.
    expect(cny).toMatchObject({ unit: 'CNY', status: 'agreed', value: 108.62e9 });
    expect(cny.candidates).toHaveLength(1);
    expect(cny.candidates[0]).toMatchObject({ sourceCount: 2 });
    expect(articlesOf(cny)).toEqual([ids.harbour, ids.citydaily]);
    // The dollar equivalent Harbour states is the same fact, in another unit.
    expect(usd).toMatchObject({ unit: 'USD', status: 'agreed', value: 15.3e9 });
    expect(articlesOf(usd)).toEqual([ids.harbour]);
  });

  it('finds the same fact whatever words the subject is asked in', async () => {
    const worded = await series(
      'investment.amount',
      'Investment signed at the 2032 World Power Battery Conference',
    );
    const plain = await series('investment.amount', '2032 edition signed projects');
    expect(worded.points).toEqual(plain.points);
  });

  it('agrees "more than 150 projects" with 151 and keeps the exact count', async () => {
    const { 2032: edition } = await editions(server);
    expect(edition.projects).toMatchObject({ status: 'agreed', value: 151, qualifier: 'exact' });
    expect(articlesOf(edition.projects)).toEqual([ids.harbour, ids.citydaily]);
  });

  it('keeps two outlets that disagree as a conflict with each value and its source', async () => {
    const res = await request(server).get('/v1/metrics/conflicts?metric=investment.amount').expect(200);
    const conflict = res.body.items.find(
      (i: { key: string }) => i.key === 'investment.amount|2033|edition:2033',
    );
    expect(conflict).toBeDefined();
    const [cny] = conflict.figures as Figure[];
    expect(cny).toMatchObject({ unit: 'CNY', status: 'conflict', value: null });
    expect(cny.candidates.map((c) => [c.value, c.sources.map((s) => s.articleId)])).toEqual([
      [112.4e9, [ids.morningpost]],
      [121.4e9, [ids.tradeweekly]],
    ]);
    const evidence = cny.candidates.flatMap((c) => c.sources).find((s) => s.articleId === ids.morningpost)!;
    expect(evidence).toMatchObject({ source: 'Sichuan Morning Post', publishedAt: '2033-09-16' });
    expect(evidence.evidence).toContain('112.4 billion yuan');
  });

  it('keeps per edition the projects, yuan and dollars, attendance and jobs, marking a derived dollar value', async () => {
    const rows = await editions(server);
    // 2031: one outlet; no dollar value stated, converted at the 6.3 bn yuan = 900 m dollar pair it states.
    expect(rows[2031].projects).toMatchObject({ value: 88 });
    expect(rows[2031].investmentCny).toMatchObject({ status: 'agreed', value: 73.5e9 });
    expect(rows[2031].investmentUsd).toMatchObject({ value: 10.5e9, derived: true });
    expect(rows[2031].investmentUsd!.rate!.cnyPerUsd).toBeCloseTo(7, 6);
    expect(rows[2031].investmentUsd!.rate!.source).toMatchObject({ articleId: ids.herald });
    expect(rows[2031].attendance).toMatchObject({ value: 1100, qualifier: 'over' });
    // 2032: the dollar value is stated, so it is kept as stated.
    expect(rows[2032].investmentUsd).toMatchObject({ value: 15.3e9, derived: false });
    expect(rows[2032].attendance).toMatchObject({ status: 'agreed', value: 1600 });
    expect(articlesOf(rows[2032].attendance)).toEqual([ids.harbour, ids.citydaily]);
    expect(rows[2032].jobs).toMatchObject({ value: 42000, qualifier: 'approx' });
    // 2033: the yuan figure is in conflict; nothing is converted from it.
    expect(rows[2033].investmentCny).toMatchObject({ status: 'conflict' });
    expect(rows[2033].investmentUsd).toBeNull();
    expect(rows[2033].projects).toMatchObject({ status: 'agreed', value: 164 });
  });

  it('totals investment across editions, as a range once an edition is in conflict', async () => {
    // Editions other tests report may come before these: compare the steps between this run's editions.
    const rows = await editions(server);
    const step = (from: number, to: number, bound: 'low' | 'high') =>
      rows[to].cumulativeCny[bound] - rows[from].cumulativeCny[bound];
    expect(step(2031, 2032, 'low')).toBeCloseTo(108.62e9, -3);
    expect(step(2031, 2032, 'high')).toBeCloseTo(108.62e9, -3);
    expect(step(2032, 2033, 'low')).toBeCloseTo(112.4e9, -3);
    expect(step(2032, 2033, 'high')).toBeCloseTo(121.4e9, -3);
    expect(rows[2033].cumulativeCny.value).toBeNull();
    expect(step(2031, 2032, 'low')).toBe(step(2031, 2032, 'high'));
  });

  it('keeps NEV production and sales per year with growth computed and as stated', async () => {
    const res = await request(server).get('/v1/metrics/production?subject=China NEV').expect(200);
    const bySeries = Object.fromEntries(
      res.body.series.map((s: { metric: string; points: unknown[] }) => [s.metric, s.points]),
    );
    expect(bySeries['production.units']).toEqual([
      expect.objectContaining({
        period: '2031',
        figure: expect.objectContaining({ value: 19e6 }),
        yoyPercent: null,
      }),
      expect.objectContaining({
        period: '2032',
        figure: expect.objectContaining({ value: 21.3e6 }),
        yoyPercent: 12.11,
        statedYoy: expect.objectContaining({ value: 12.1 }),
      }),
    ]);
    expect(bySeries['sales.units']).toEqual([
      expect.objectContaining({ period: '2031', figure: expect.objectContaining({ value: 18.9e6 }) }),
      expect.objectContaining({
        period: '2032',
        figure: expect.objectContaining({ value: 21.1e6 }),
        yoyPercent: 11.64,
        statedYoy: expect.objectContaining({ value: 11.6 }),
      }),
    ]);
  });

  it('keeps battery output and output value per region and period', async () => {
    const res = await request(server).get('/v1/metrics/battery').expect(200);
    type Series = { metric: string; scope: string; points: { period: string; figure: Figure }[] };
    const yibin = (metric: string) =>
      (res.body.series as Series[]).find(
        (s) =>
          s.metric === metric &&
          s.scope === 'Yibin' &&
          s.points.some((p) => articlesOf(p.figure).includes(ids.stats2032)),
      );
    const output = yibin('battery.volume_gwh')!.points.filter((p) => ['2031', '2032'].includes(p.period));
    expect(output.map((p) => [p.period, p.figure.value])).toEqual([
      ['2031', 276],
      ['2032', 310],
    ]);
    const value = yibin('output.value')!.points.find((p) => p.period === '2032')!;
    expect(value.figure).toMatchObject({ unit: 'CNY', value: 265e9 });
  });

  it('answers CSV for Accept: text/csv, with a header row and quoted evidence', async () => {
    const res = await request(server)
      .get('/v1/metrics/investment?from=2032&to=2032')
      .set('Accept', 'text/csv')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="investment-per-edition.csv"/);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual([
      'year',
      'figure',
      'value',
      'unit',
      'qualifier',
      'status',
      'derived',
      'cny_per_usd',
      'range_low',
      'range_high',
      'article_id',
      'outlet',
      'title',
      'published_at',
      'evidence',
    ]);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const citydaily = rows.find((r) => r[1] === 'investment_cny' && r[10] === ids.citydaily)!;
    expect(citydaily[2]).toBe('108620000000');
    expect(citydaily[12]).toBe('"A record year": Yibin\'s battery conference tallies its deals');
    expect(citydaily[14]).toContain('carrying investment of 108.6 billion yuan, were signed');
    expect(citydaily[14]).toContain('"a record year"');
    // The raw text doubles the quotes inside a quoted field.
    expect(res.text).toContain('calling it ""a record year"" for the event."');
  });

  it.each([
    ['/v1/metrics/conflicts?format=csv', 'conflicts.csv'],
    ['/v1/metrics/production?format=csv', 'production-and-sales.csv'],
    ['/v1/metrics/battery?format=csv', 'battery-by-region.csv'],
    ['/v1/metrics/series?metric=production.units&subject=China%20NEV%20production&format=csv', 'series.csv'],
  ])('answers CSV for %s', async (path, filename) => {
    const res = await request(server).get(path).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(filename);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(expect.arrayContaining(['value', 'unit', 'article_id', 'evidence']));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('answers the observations list as before, and as CSV', async () => {
    const json = await request(server).get(`/v1/observations?article=${ids.harbour}`).expect(200);
    expect(Object.keys(json.body.items[0]).sort()).toEqual(
      [
        'id',
        'articleId',
        'metric',
        'subject',
        'period',
        'value',
        'unit',
        'qualifier',
        'evidence',
        'source',
        'publishedAt',
        'parserVersion',
      ].sort(),
    );
    const csv = await request(server).get(`/v1/observations?article=${ids.harbour}&format=csv`).expect(200);
    const [header, ...rows] = parseCsv(csv.text);
    expect(header[0]).toBe('id');
    expect(rows).toHaveLength(json.body.items.length);
  });

  it('pages the observations list with a cursor, in JSON and in CSV', async () => {
    const all = await request(server).get(`/v1/observations?article=${ids.harbour}&limit=200`).expect(200);
    const total = all.body.items.length;
    expect(total).toBeGreaterThan(2);
    const first = await request(server).get(`/v1/observations?article=${ids.harbour}&limit=2`).expect(200);
    expect(first.body.items).toEqual(all.body.items.slice(0, 2));
    const second = await request(server)
      .get(`/v1/observations?article=${ids.harbour}&limit=2&cursor=${first.body.nextCursor}`)
      .expect(200);
    expect(second.body.items).toEqual(all.body.items.slice(2, 4));
    expect(all.body.nextCursor).toBeNull();

    const csv = await request(server)
      .get(`/v1/observations?article=${ids.harbour}&limit=2&format=csv`)
      .expect(200);
    expect(parseCsv(csv.text)).toHaveLength(3);
    expect(csv.headers.link).toBe(
      `</v1/observations?article=${ids.harbour}&limit=2&format=csv&cursor=${first.body.nextCursor}>; rel="next"`,
    );
    await request(server).get(`/v1/observations?cursor=not-a-cursor`).expect(400);
  });

  it.each([
    ['/v1/metrics/series', ['metric', 'subject']],
    ['/v1/metrics/series?metric=bananas&subject=x', ['metric']],
    ['/v1/metrics/series?metric=other&subject=x', ['metric']],
    ['/v1/metrics/conflicts?metric[$ne]=x', ['metric[$ne]']],
    ['/v1/metrics/conflicts?$where=1', ['$where']],
    ['/v1/metrics/investment?from=2033&to=2031', ['from']],
    ['/v1/metrics/investment?from=twenty', ['from']],
    ['/v1/metrics/production?format=xml', ['format']],
    ['/v1/observations?article[$gt]=', ['article[$gt]']],
    ['/v1/observations?limit=0', ['limit']],
  ])('answers %s with 400 and the fields at fault', async (path, fields) => {
    const res = await request(server).get(path).expect(400);
    expect(res.body.message).toBe('validation failed');
    expect(Object.keys(res.body.fields).sort()).toEqual([...fields].sort());
  });
});
