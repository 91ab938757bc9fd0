import request from 'supertest';
import { OrganisationRecord } from '@app/contracts';
import { createCatalogApp } from '../../apps/catalog/src/catalog.app';
import {
  CatalogServices,
  catalogEnv,
  catalogued,
  craftedEvent,
  get,
  organisationNamed,
  processedPast,
  publish,
  randomArticleId,
  runNames,
  startCatalogServices,
} from './support';
import { eventually } from '../support/eventually';
import { testDatabase } from '../support/test-databases';

/**
 * Events crafted with exact records (as a parser would have produced them): what is tested here is
 * the catalog's handling of them, whatever the parser of the day reads out of prose.
 */
const company = (name: string, aliases: string[] = []): OrganisationRecord => ({
  name,
  aliases,
  type: 'company',
});

describe('catalog: article contributions, conflicts and identity', () => {
  let services: CatalogServices;
  let names: ReturnType<typeof runNames>;

  beforeAll(async () => {
    services = await startCatalogServices();
    names = runNames(services.run);
  });
  afterAll(async () => {
    await services?.close();
  });

  /** Publishes events and waits until the catalog recorded each (it records an article last). */
  async function deliver(...events: ReturnType<typeof craftedEvent>[]) {
    await publish(events);
    for (const e of events) await catalogued(services.catalog, e.articleId, e.parserVersion);
  }

  it('keeps both values of a conflicting attribute, each with the articles that reported it', async () => {
    const { word, year } = names;
    const edition = (city: string) => ({
      year,
      name: `${year} World Power Battery Conference`,
      city,
      startDate: `${year}-05-10`,
      endDate: null,
      hosts: [],
      guestOfHonour: null,
    });
    const yibin = craftedEvent(randomArticleId(), {
      publishedAt: `${year}-05-12`,
      editions: [edition('Yibin')],
      organisations: [company(`${word} Cell Works`)],
    });
    const chengdu = craftedEvent(randomArticleId(), {
      publishedAt: `${year}-05-13`,
      editions: [edition('Chengdu')],
      organisations: [{ ...company(`${word} Cell Works`), type: 'research' }],
    });
    await deliver(yibin, chengdu);

    const shown = await get(services.catalog, `/v1/editions/${year}`);
    expect(shown.conflicts).toEqual(['city']);
    expect(shown.attributes.city.values).toEqual(
      expect.arrayContaining([
        { value: 'Yibin', articles: [yibin.articleId] },
        { value: 'Chengdu', articles: [chengdu.articleId] },
      ]),
    );
    expect(shown.city).toBe(shown.attributes.city.value);
    expect(shown.attributes.startDate.values).toEqual([
      { value: `${year}-05-10`, articles: [yibin.articleId, chengdu.articleId].sort() },
    ]);

    const works = await organisationNamed(services.catalog, `${word} Cell Works`);
    expect(works.conflicts).toEqual(['type']);
    expect(works.attributes.type.values).toEqual(
      expect.arrayContaining([
        { value: 'company', articles: [yibin.articleId] },
        { value: 'research', articles: [chengdu.articleId] },
      ]),
    );
    expect(['company', 'research']).toContain(works.type);
  });

  it("replaces an article's earlier contribution when the article is parsed again", async () => {
    const { word, acronym, year } = names;
    const articleId = randomArticleId();
    const anode = `${word} Anode Materials Co., Ltd.`;
    const separator = `${word} Separator Film Co., Ltd.`;
    const first = craftedEvent(
      articleId,
      {
        publishedAt: `${year + 1}-03-01`,
        editions: [
          {
            year: year + 1,
            name: `${year + 1} World Power Battery Conference`,
            city: 'Yibin',
            startDate: null,
            endDate: null,
            hosts: [],
            guestOfHonour: null,
          },
        ],
        organisations: [company(anode, [acronym])],
        exhibits: [{ name: `${word} graphite anode`, maker: acronym, category: 'material' }],
        people: [{ name: `Lin ${word}`, title: 'engineer', affiliation: acronym }],
      },
      'test-1',
    );
    await deliver(first);
    const before = await organisationNamed(services.catalog, `${word} Anode`);
    expect(before.sources.map((s: { id: string }) => s.id)).toEqual([articleId]);
    expect((await get(services.catalog, `/v1/exhibits?edition=${year + 1}`)).items).toHaveLength(1);

    const reparsed = craftedEvent(
      articleId,
      {
        publishedAt: `${year + 1}-03-01`,
        organisations: [company(separator)],
        exhibits: [{ name: `${word} separator film`, maker: separator, category: 'material' }],
        people: [{ name: `Lin ${word}`, title: 'chief engineer', affiliation: separator }],
      },
      'test-2',
    );
    await deliver(reparsed);

    await get(services.catalog, `/v1/organisations/${before.id}`, 404);
    expect(
      (await get(services.catalog, `/v1/organisations?q=${encodeURIComponent(`${word} Anode`)}`)).items,
    ).toEqual([]);
    await get(services.catalog, `/v1/editions/${year + 1}`, 404);
    expect((await get(services.catalog, `/v1/exhibits?q=${word}%20graphite`)).items).toEqual([]);
    const film = await organisationNamed(services.catalog, `${word} Separator`);
    expect(film.sources.map((s: { id: string }) => s.id)).toEqual([articleId]);
    const [lin] = (await get(services.catalog, `/v1/people?q=Lin%20${word}`)).items;
    expect(lin).toMatchObject({
      title: 'chief engineer',
      affiliation: { id: film.id },
      conflicts: [],
      sources: [articleId],
    });
    expect(lin.attributes.title.values).toEqual([{ value: 'chief engineer', articles: [articleId] }]);
    const [exhibit] = (await get(services.catalog, `/v1/exhibits?q=${word}%20separator`)).items;
    expect(exhibit).toMatchObject({ maker: { id: film.id }, category: 'material', edition: null });

    // The same version again, twice in one batch: nothing changes.
    const snapshot = async () => [
      await organisationNamed(services.catalog, `${word} Separator`),
      await get(services.catalog, `/v1/people?q=Lin%20${word}`),
      await get(services.catalog, `/v1/exhibits?q=${word}`),
    ];
    const settled = await snapshot();
    const deliveries = await publish([reparsed, reparsed]);
    for (const d of deliveries) await processedPast(services.group, d);
    expect(await snapshot()).toEqual(settled);
  });

  it('loses no article when two replicas count articles about the same organisation at once', async () => {
    const { word, year } = names;
    const replica = await createCatalogApp(
      catalogEnv(testDatabase(`${services.run}_catalog`), services.group),
    );
    try {
      await replica.startAllMicroservices();
      await replica.init();
      await eventually(() => request(replica.getHttpServer()).get('/health/ready').expect(200), 60000);
      await eventually(
        () => request(services.catalog.getHttpServer()).get('/health/ready').expect(200),
        60000,
      );
      const events = Array.from({ length: 12 }, (_, i) =>
        craftedEvent(randomArticleId(), {
          publishedAt: `${year + 2}-04-${String(i + 1).padStart(2, '0')}`,
          editions: [
            {
              year: year + 2,
              name: `${year + 2} World Power Battery Conference`,
              city: 'Yibin',
              startDate: null,
              endDate: null,
              hosts: [`${word} Busy Office`],
              guestOfHonour: null,
            },
          ],
          organisations: [company(`${word} Busy Office`)],
          people: [{ name: `Mo ${word}`, title: `speaker ${i}`, affiliation: `${word} Busy Office` }],
        }),
      );
      await deliver(...events);

      const office = await organisationNamed(services.catalog, `${word} Busy Office`);
      expect(office.articleCount).toBe(12);
      expect(office.sources).toHaveLength(12);
      expect((await get(services.catalog, `/v1/editions/${year + 2}`)).articleCount).toBe(12);
      const [mo] = (await get(services.catalog, `/v1/people?q=Mo%20${word}`)).items;
      expect(mo.attributes.title.values).toHaveLength(12);
    } finally {
      await replica.close();
    }
  });

  it('merges two organisations once an article shows their names belong to one', async () => {
    const { word, acronym, year } = names;
    const short = `Q${acronym}`;
    const full = `${word} Quantum Storage Co., Ltd.`;
    const byShort = craftedEvent(randomArticleId(), {
      publishedAt: `${year}-07-01`,
      organisations: [company(short)],
    });
    const byFull = craftedEvent(randomArticleId(), {
      publishedAt: `${year}-07-02`,
      organisations: [company(full)],
      exhibits: [{ name: `${word} flow battery`, maker: full, category: 'battery' }],
    });
    await deliver(byShort, byFull);
    const fullId = (await organisationNamed(services.catalog, `${word} Quantum`)).id;
    const shortId = (await organisationNamed(services.catalog, short)).id;
    expect(fullId).not.toBe(shortId);

    const bridge = craftedEvent(randomArticleId(), {
      publishedAt: `${year}-07-03`,
      organisations: [company(`${full} (${short})`)],
    });
    await deliver(bridge);

    const merged = await organisationNamed(services.catalog, `${word} Quantum`);
    expect(merged.id).toBe(short.toLowerCase());
    expect(merged).toMatchObject({ name: full, aliases: [short], articleCount: 3, mergedFrom: [fullId] });
    expect(merged.sources.map((s: { id: string }) => s.id).sort()).toEqual(
      [byShort.articleId, byFull.articleId, bridge.articleId].sort(),
    );
    const moved = await get(services.catalog, `/v1/organisations/${fullId}`, 301);
    expect(moved).toEqual({ id: fullId, mergedInto: merged.id });
    const [exhibit] = (await get(services.catalog, `/v1/exhibits?maker=${fullId}`)).items;
    expect(exhibit).toMatchObject({
      name: `${word} flow battery`,
      maker: { id: merged.id },
      sources: [byFull.articleId],
    });
  });
});
