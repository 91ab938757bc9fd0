import { getModelToken } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import request from 'supertest';
import { Exhibit } from '../../apps/catalog/src/exhibits/exhibit.schema';
import { Organisation } from '../../apps/catalog/src/organisations/organisation.schema';
import { Person } from '../../apps/catalog/src/people/person.schema';
import {
  CatalogServices,
  catalogued,
  craftedEvent,
  get,
  publish,
  randomArticleId,
  runNames,
  startCatalogServices,
} from './support';

describe('catalog API: filters, pagination and errors', () => {
  let services: CatalogServices;
  let names: ReturnType<typeof runNames>;
  const api = () => request(services.catalog.getHttpServer());

  beforeAll(async () => {
    services = await startCatalogServices();
    names = runNames(services.run);
    const { word, year } = names;
    const edition = {
      year,
      name: `${year} World Power Battery Conference`,
      city: 'Yibin',
      startDate: null,
      endDate: null,
      hosts: [`${word} Provincial Office`],
      guestOfHonour: null,
    };
    const shown = craftedEvent(randomArticleId(), {
      publishedAt: `${year}-09-01`,
      editions: [edition],
      organisations: [
        { name: `${word} Provincial Office`, aliases: [], type: 'government' },
        { name: `${word} Alpha Cells`, aliases: [], type: 'company' },
        { name: `${word} Beta Motors`, aliases: [], type: 'company' },
        { name: `${word} Gamma Institute`, aliases: [], type: 'research' },
      ],
      exhibits: [
        { name: `${word} alpha cell`, maker: `${word} Alpha Cells`, category: 'battery' },
        { name: `${word} beta truck`, maker: `${word} Beta Motors`, category: 'vehicle' },
        { name: `${word} alpha pack`, maker: `${word} Alpha Cells`, category: 'battery' },
      ],
      people: [
        { name: `Ana ${word}`, title: 'engineer', affiliation: `${word} Alpha Cells` },
        { name: `Bo ${word}`, title: 'professor', affiliation: `${word} Gamma Institute` },
      ],
    });
    const undated = craftedEvent(randomArticleId(), {
      publishedAt: `${year}-10-01`,
      organisations: [{ name: `${word} Delta Recycling`, aliases: [], type: 'company' }],
      people: [{ name: `Cy ${word}`, title: null, affiliation: null }],
    });
    await publish([shown, undated]);
    for (const e of [shown, undated]) await catalogued(services.catalog, e.articleId);
  });
  afterAll(async () => {
    await services?.close();
  });

  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  it('filters organisations by name, type and edition', async () => {
    const { word, year } = names;
    const all = await get(services.catalog, `/v1/organisations?q=${word}`);
    expect(all.items.map((o: { name: string }) => o.name).sort()).toEqual(
      ['Alpha Cells', 'Beta Motors', 'Delta Recycling', 'Gamma Institute', 'Provincial Office'].map(
        (n) => `${word} ${n}`,
      ),
    );
    const research = await get(services.catalog, `/v1/organisations?q=${word}&type=research`);
    expect(research.items).toEqual([
      expect.objectContaining({ name: `${word} Gamma Institute`, type: 'research' }),
    ]);
    const atEdition = await get(services.catalog, `/v1/organisations?q=${word}&edition=${year}`);
    expect(atEdition.items).toHaveLength(4);
    expect(
      atEdition.items.find((o: { name: string }) => o.name === `${word} Provincial Office`).roles,
    ).toEqual(['host']);
    // Case and punctuation do not matter.
    expect(ids(await get(services.catalog, `/v1/organisations?q=${word.toUpperCase()}-beta.`))).toHaveLength(
      1,
    );
  });

  it('pages through a list with an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await get(
        services.catalog,
        `/v1/organisations?q=${names.word}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(await get(services.catalog, `/v1/organisations?q=${names.word}`)));
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);

    const editions = await get(services.catalog, '/v1/editions?limit=1');
    expect(editions.items).toHaveLength(1);
  });

  it('filters exhibits by edition, category, maker and name, and people by name and edition', async () => {
    const { word, year } = names;
    const maker = (await get(services.catalog, `/v1/organisations?q=${word}%20Alpha`)).items[0].id;
    const byEdition = await get(services.catalog, `/v1/exhibits?edition=${year}`);
    expect(byEdition.items).toHaveLength(3);
    const batteries = await get(
      services.catalog,
      `/v1/exhibits?edition=${year}&category=battery&maker=${maker}`,
    );
    expect(batteries.items.map((x: { name: string }) => x.name).sort()).toEqual([
      `${word} alpha cell`,
      `${word} alpha pack`,
    ]);
    expect((await get(services.catalog, `/v1/exhibits?q=${word}%20beta`)).items).toEqual([
      expect.objectContaining({
        category: 'vehicle',
        maker: expect.objectContaining({ name: `${word} Beta Motors` }),
      }),
    ]);
    const paged = await get(services.catalog, `/v1/exhibits?edition=${year}&limit=2`);
    expect(paged.items).toHaveLength(2);
    expect(
      (await get(services.catalog, `/v1/exhibits?edition=${year}&cursor=${paged.nextCursor}`)).items,
    ).toHaveLength(1);

    expect(ids(await get(services.catalog, `/v1/people?q=${word}`))).toHaveLength(3);
    const atEdition = await get(services.catalog, `/v1/people?q=${word}&edition=${year}`);
    expect(atEdition.items.map((p: { name: string }) => p.name).sort()).toEqual([
      `Ana ${word}`,
      `Bo ${word}`,
    ]);
    expect(atEdition.items.find((p: { name: string }) => p.name === `Ana ${word}`)).toMatchObject({
      title: 'engineer',
      affiliation: { id: maker },
      editions: [year],
    });
  });

  it.each([
    ['/v1/organisations?limit=0', ['limit']],
    ['/v1/organisations?limit=201', ['limit']],
    ['/v1/organisations?limit=ten', ['limit']],
    ['/v1/organisations?cursor=not*a*cursor', ['cursor']],
    ['/v1/organisations?cursor=bm90IGpzb24', ['cursor']],
    ['/v1/organisations?type=club', ['type']],
    ['/v1/organisations?edition=next', ['edition']],
    ['/v1/organisations?edition=99999', ['edition']],
    ['/v1/organisations?q=', ['q']],
    [`/v1/organisations?q=${'x'.repeat(101)}`, ['q']],
    ['/v1/organisations?q=%24%28%29', ['q']],
    ['/v1/organisations?sort=name', ['sort']],
    ['/v1/exhibits?category=food&maker=Not%20An%20Id', ['category', 'maker']],
    ['/v1/people?edition=1.5', ['edition']],
    ['/v1/editions/abc', ['year']],
    ['/v1/editions?cursor=eyJhZnRlciI6ImEifQ', ['cursor']],
  ])('answers %s with 400 naming %j', async (path, fields) => {
    const res = await api().get(path).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'validation failed' });
    expect(Object.keys(res.body.fields).sort()).toEqual(fields);
  });

  it.each([
    ['/v1/organisations?q[$ne]=x'],
    ['/v1/organisations?type[$gt]='],
    ['/v1/organisations?edition[$gt]=1'],
    ['/v1/organisations?q[$regex]=.*'],
    ['/v1/exhibits?maker[$ne]=x'],
    ['/v1/people?q[$where]=1'],
  ])('refuses operators in query parameters (%s) before any query reaches the store', async (path) => {
    const models = [Organisation.name, Exhibit.name, Person.name].map((name) =>
      services.catalog.get<Model<unknown>>(getModelToken(name)),
    );
    const spies = models.map((m) => jest.spyOn(m, 'find'));
    try {
      const res = await api().get(path).expect(400);
      expect(res.body.message).toBe('validation failed');
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('answers unknown ids with 404', async () => {
    await api().get('/v1/organisations/no-such-organisation').expect(404);
    await api().get('/v1/organisations/Not%20An%20Id').expect(404);
    await api().get('/v1/editions/1901').expect(404);
  });

  it('documents every endpoint in OpenAPI', async () => {
    const { body } = await api().get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/editions',
        '/v1/editions/{year}',
        '/v1/organisations',
        '/v1/organisations/{id}',
        '/v1/organisations/{id}/merge',
        '/v1/exhibits',
        '/v1/people',
        '/v1/articles/{id}',
      ]),
    );
    expect(body.paths['/v1/organisations'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['type', 'q', 'edition', 'limit', 'cursor']),
    );
  });
});
