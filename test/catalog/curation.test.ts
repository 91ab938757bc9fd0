import request from 'supertest';
import { OrganisationRecord } from '@app/contracts';
import {
  API_KEY,
  CatalogServices,
  catalogued,
  craftedEvent,
  get,
  organisationNamed,
  publish,
  randomArticleId,
  runNames,
  startCatalogServices,
} from './support';

const organisation = (name: string, type: OrganisationRecord['type'], aliases: string[] = []) => ({
  name,
  aliases,
  type,
});

describe('catalog: curation of organisations', () => {
  let services: CatalogServices;
  let names: ReturnType<typeof runNames>;
  let refinery: string;
  let institute: string;
  const articles: Record<string, string> = {};

  const api = () => request(services.catalog.getHttpServer());
  async function deliver(key: string, organisations: OrganisationRecord[]) {
    const event = craftedEvent(randomArticleId(), {
      publishedAt: `${names.year}-02-0${Object.keys(articles).length + 1}`,
      organisations,
    });
    articles[key] = event.articleId;
    await publish([event]);
    await catalogued(services.catalog, event.articleId, event.parserVersion);
  }

  beforeAll(async () => {
    services = await startCatalogServices();
    names = runNames(services.run);
    await deliver('refinery', [organisation(`${names.word} Lithium Refining Co., Ltd.`, 'company')]);
    await deliver('institute', [organisation(`${names.word} Refining Institute`, 'research')]);
    refinery = (await organisationNamed(services.catalog, `${names.word} Lithium`)).id;
    institute = (await organisationNamed(services.catalog, `${names.word} Refining Institute`)).id;
  });
  afterAll(async () => {
    await services?.close();
  });

  it('refuses curation without a valid API key', async () => {
    await api().patch(`/v1/organisations/${refinery}`).send({ type: 'research' }).expect(401);
    await api()
      .patch(`/v1/organisations/${refinery}`)
      .set('x-api-key', 'wrong')
      .send({ type: 'research' })
      .expect(401);
    await api().post(`/v1/organisations/${refinery}/merge`).send({ absorb: institute }).expect(401);
  });

  it('answers bad curation requests with 400 and the fields at fault, unknown ids with 404', async () => {
    const patch = (body: object, id = refinery) =>
      api().patch(`/v1/organisations/${id}`).set('x-api-key', API_KEY).send(body);
    expect(
      (await patch({ type: 'club', aliases: 'x', $set: { type: 'x' } }).expect(400)).body.fields,
    ).toEqual({
      type: [expect.any(String)],
      aliases: expect.any(Array),
      $set: [expect.any(String)],
    });
    expect(Object.keys((await patch({}).expect(400)).body.fields)).toEqual(['type', 'aliases']);
    expect((await patch({ aliases: ['!!!'] }).expect(400)).body.fields).toHaveProperty('aliases');
    await patch({ type: 'research' }, 'no-such-organisation').expect(404);
    const merge = (body: object) =>
      api().post(`/v1/organisations/${refinery}/merge`).set('x-api-key', API_KEY).send(body);
    expect((await merge({}).expect(400)).body.fields).toHaveProperty('absorb');
    expect((await merge({ absorb: refinery }).expect(400)).body.fields).toHaveProperty('absorb');
    await merge({ absorb: 'no-such-organisation' }).expect(404);
  });

  it('keeps a curated type and aliases whatever later articles say, and matches events by curated aliases', async () => {
    const { word, acronym } = names;
    const curated = await api()
      .patch(`/v1/organisations/${refinery}`)
      .set('x-api-key', API_KEY)
      .send({ type: 'research', aliases: [`LR${acronym}`, `${word} Lithium`] })
      .expect(200);
    expect(curated.body).toMatchObject({
      type: 'research',
      aliases: [`LR${acronym}`, `${word} Lithium`],
      curated: { type: 'research', aliases: [`LR${acronym}`, `${word} Lithium`] },
    });

    await deliver('again', [organisation(`${word} Lithium Refining Co., Ltd.`, 'company')]);
    await deliver('byAlias', [organisation(`LR${acronym}`, 'other')]);
    const shown = await get(services.catalog, `/v1/organisations/${refinery}`);
    expect(shown).toMatchObject({
      type: 'research',
      aliases: [`LR${acronym}`, `${word} Lithium`],
      articleCount: 3,
    });
    expect(shown.attributes.type.values).toEqual(
      expect.arrayContaining([
        { value: 'company', articles: [articles.refinery, articles.again].sort() },
        { value: 'other', articles: [articles.byAlias] },
      ]),
    );
    expect(shown.sources.map((s: { id: string }) => s.id)).toContain(articles.byAlias);
  });

  it("refuses an alias that is another organisation's name: merging is what that means", async () => {
    const res = await api()
      .patch(`/v1/organisations/${refinery}`)
      .set('x-api-key', API_KEY)
      .send({ aliases: [`${names.word} Refining Institute`] })
      .expect(409);
    expect(res.body.message).toContain(institute);
  });

  it('merges an organisation into another: its id then points there, and later events naming it land there', async () => {
    const merged = await api()
      .post(`/v1/organisations/${refinery}/merge`)
      .set('x-api-key', API_KEY)
      .send({ absorb: institute })
      .expect(200);
    expect(merged.body).toMatchObject({
      id: refinery,
      type: 'research',
      mergedFrom: [institute],
      articleCount: 4,
    });
    expect(merged.body.sources.map((s: { id: string }) => s.id)).toContain(articles.institute);

    const moved = await api().get(`/v1/organisations/${institute}`).expect(301);
    expect(moved.headers.location).toBe(`/v1/organisations/${refinery}`);
    expect(moved.body).toEqual({ id: institute, mergedInto: refinery });
    // Asking again is answered as done; the absorbed one takes no curation any more.
    await api()
      .post(`/v1/organisations/${refinery}/merge`)
      .set('x-api-key', API_KEY)
      .send({ absorb: institute })
      .expect(200);
    await api()
      .patch(`/v1/organisations/${institute}`)
      .set('x-api-key', API_KEY)
      .send({ type: 'other' })
      .expect(409);

    await deliver('later', [organisation(`${names.word} Refining Institute`, 'university')]);
    const after = await get(services.catalog, `/v1/organisations/${refinery}`);
    expect(after).toMatchObject({ type: 'research', articleCount: 5 });
    expect(after.sources.map((s: { id: string }) => s.id)).toContain(articles.later);
    expect(
      (await get(services.catalog, `/v1/organisations?q=${encodeURIComponent(`${names.word} Refining`)}`))
        .items,
    ).toEqual([expect.objectContaining({ id: refinery })]);
  });
});
