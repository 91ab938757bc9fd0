import { INestApplication } from '@nestjs/common';
import { createCatalogApp } from '../../apps/catalog/src/catalog.app';
import {
  CatalogServices,
  catalogEnv,
  caughtUp,
  catalogued,
  get,
  organisationNamed,
  processedPast,
  publishedEvent,
  redeliver,
  runNames,
  startCatalogServices,
  submit,
} from './support';
import { testDatabase } from '../support/test-databases';

/**
 * Two articles written for this test: the first names a company only by its short form, the second
 * by its full name with the short form in parentheses. Every name carries the run's own word.
 */
function articles(run: string) {
  const { word, acronym, year } = runNames(run);
  const showReport = {
    title: `${word} battery pack draws crowds at the ${year} conference`,
    source: 'Catalog Test Wire',
    publishedAt: `${year}-09-12`,
    body: [
      `YIBIN, Sept. 12 -- The ${year} World Power Battery Conference opened in Yibin, Sichuan province, on Thursday.`,
      `The conference was hosted by the Sichuan Provincial People's Government and the ${word} Battery Alliance.`,
      `In the exhibition hall, ${acronym} displayed a solid-state battery pack, while the crowd gathered around it all day.`,
      `At a signing ceremony, ${acronym} signed an agreement to invest 4.2 billion yuan in a new cell plant in the city.`,
      `"Our solid-state cells are ready for heavy trucks," said Mirela ${word}, chief engineer of ${acronym}.`,
    ].join('\n\n'),
  };
  const plantReport = {
    title: `${word} Energy opens a cell plant`,
    source: 'Catalog Trade Weekly',
    publishedAt: `${year}-10-02`,
    body: [
      `${word} Energy Technology Co., Ltd. (${acronym}) opened a 20 GWh cell plant in Yibin on Monday, company officials said.`,
      `The plant, built in eleven months, employs about 1,500 workers.`,
      `Zhang ${word}, president of ${word} Energy Technology Co., Ltd., said the base would supply truck makers.`,
    ].join('\n\n'),
  };
  return { showReport, plantReport };
}

/** Everything the catalog shows about this run's names. */
async function snapshot(catalog: INestApplication, run: string) {
  const { word, acronym, year } = runNames(run);
  return {
    company: await organisationNamed(catalog, acronym),
    alliance: await organisationNamed(catalog, `${word} Battery Alliance`),
    edition: await get(catalog, `/v1/editions/${year}`),
    exhibits: await get(catalog, `/v1/exhibits?edition=${year}`),
    people: await get(catalog, `/v1/people?q=${word}`),
  };
}

describe('catalog: merging organisations across articles, replay and redelivery', () => {
  let services: CatalogServices;
  let ids: { show: string; plant: string };

  beforeAll(async () => {
    services = await startCatalogServices();
    const { showReport, plantReport } = articles(services.run);
    const show = await submit(services.ingest, showReport);
    await catalogued(services.catalog, show);
    const plant = await submit(services.ingest, plantReport);
    await catalogued(services.catalog, plant);
    ids = { show, plant };
  });
  afterAll(async () => {
    await services?.close();
  });

  it('keeps one organisation for the short form and the full name, with both articles as sources', async () => {
    const { word, acronym, year } = runNames(services.run);
    const company = await organisationNamed(services.catalog, acronym);
    expect(company).toMatchObject({
      id: acronym.toLowerCase(),
      name: `${word} Energy Technology Co., Ltd.`,
      type: 'company',
      articleCount: 2,
    });
    expect(company.aliases).toContain(acronym);
    expect(company.sources.map((s: { id: string }) => s.id).sort()).toEqual([ids.show, ids.plant].sort());
    expect(company.attributes.name.values).toEqual(
      expect.arrayContaining([
        { value: acronym, articles: [ids.show] },
        { value: `${word} Energy Technology Co., Ltd.`, articles: [ids.plant] },
      ]),
    );
    // Found by the full name too.
    expect((await organisationNamed(services.catalog, `${word} Energy Technology`)).id).toBe(company.id);

    const atEdition = company.editions.find((e: { edition: number | null }) => e.edition === year);
    const roles = atEdition.mentions.map((m: { role: string }) => m.role).sort();
    expect(roles).toEqual(['exhibitor', 'signatory', 'speaker-affiliation']);
    const signing = atEdition.mentions.find((m: { role: string }) => m.role === 'signatory');
    expect(signing).toMatchObject({ articleId: ids.show });
    expect(signing.evidence).toContain('signed an agreement');
    const undated = company.editions.find((e: { edition: number | null }) => e.edition === null);
    expect(undated.mentions).toEqual([
      expect.objectContaining({
        articleId: ids.plant,
        role: 'speaker-affiliation',
        detail: `Zhang ${word}, president`,
      }),
    ]);
  });

  it('shows an edition with its hosts, organisations by role, exhibits, people and sources', async () => {
    const { word, acronym, year } = runNames(services.run);
    const edition = await get(services.catalog, `/v1/editions/${year}`);
    expect(edition).toMatchObject({ year, city: 'Yibin', name: `${year} World Power Battery Conference` });
    const alliance = await organisationNamed(services.catalog, `${word} Battery Alliance`);
    expect(edition.hosts.map((h: { id: string }) => h.id)).toContain(alliance.id);
    expect(edition.organisations.host.map((o: { id: string }) => o.id)).toContain(alliance.id);
    expect(edition.organisations.exhibitor.map((o: { id: string }) => o.id)).toContain(acronym.toLowerCase());
    expect(edition.organisations.signatory.map((o: { id: string }) => o.id)).toContain(acronym.toLowerCase());
    const pack = edition.exhibits.find((x: { name: string }) => x.name === 'solid-state battery pack');
    expect(pack).toMatchObject({ category: 'battery', edition: year, maker: { id: acronym.toLowerCase() } });
    expect(pack.sources).toEqual([ids.show]);
    expect(edition.people).toEqual([
      expect.objectContaining({
        name: `Mirela ${word}`,
        title: 'chief engineer',
        affiliation: expect.objectContaining({ id: acronym.toLowerCase() }),
      }),
    ]);
    expect(edition.sources.map((s: { id: string }) => s.id)).toEqual([ids.show]);
    expect((await get(services.catalog, '/v1/editions?limit=200')).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ year, city: 'Yibin' })]),
    );
  });

  it('changes nothing when the same event is delivered again', async () => {
    const before = await snapshot(services.catalog, services.run);
    for (const id of [ids.show, ids.plant]) {
      const delivery = await redeliver(id, await publishedEvent(id));
      await processedPast(services.group, delivery);
    }
    expect(await snapshot(services.catalog, services.run)).toEqual(before);
  });

  it('rebuilds the same documents when a new consumer group replays the topic into an empty database', async () => {
    const group = `catalog-replay-${services.run}`;
    const replay = await createCatalogApp(catalogEnv(testDatabase(`${services.run}_catalog_replay`), group));
    try {
      await replay.startAllMicroservices();
      await replay.init();
      await caughtUp(group);
      await caughtUp(services.group);
      expect(await snapshot(replay, services.run)).toEqual(await snapshot(services.catalog, services.run));
    } finally {
      await replay.close();
    }
  });
});
