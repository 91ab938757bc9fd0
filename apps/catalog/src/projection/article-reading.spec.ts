import { EditionRecord, ExtractionRecord, ParsedArticleEventV1 } from '@app/contracts';
import { articleEdition, readArticle } from './article-reading';

const edition = (year: number, hosts: string[] = []): EditionRecord => ({
  year,
  name: `${year} World Power Battery Conference`,
  city: 'Yibin',
  startDate: null,
  endDate: null,
  hosts,
  guestOfHonour: null,
});

const event = (record: Partial<ExtractionRecord>, publishedAt = '2023-11-20'): ParsedArticleEventV1 => ({
  schemaVersion: 1,
  articleId: 'a'.repeat(32),
  title: 'A report',
  publishedAt,
  source: 'Test Wire',
  url: null,
  bodyHash: 'b'.repeat(64),
  parserVersion: 'test',
  ingestedAt: '2023-11-20T10:00:00.000Z',
  record: { publishedAt, editions: [], organisations: [], people: [], exhibits: [], facts: [], ...record },
});

const signing = 'At the ceremony CATL signed an agreement to invest 10 billion yuan.';
const growth = "BYD's battery sales grew 20% in 2023.";

describe('readArticle', () => {
  const reading = readArticle(
    event({
      editions: [edition(2023, ["Sichuan Provincial People's Government"])],
      organisations: [
        { name: 'Contemporary Amperex Technology Co., Limited', aliases: ['CATL'], type: 'company' },
        { name: 'BYD', aliases: [], type: 'company' },
        { name: "Sichuan Provincial People's Government", aliases: [], type: 'government' },
        { name: 'China Battery Industry Association', aliases: [], type: 'association' },
        { name: 'Tsinghua University', aliases: [], type: 'university' },
      ],
      exhibits: [
        { name: 'Qilin battery', maker: 'CATL', category: 'battery' },
        { name: 'Blade battery pack', maker: 'BYD', category: 'battery' },
        { name: 'electric heavy truck', maker: 'Ruzemi Motors', category: 'vehicle' },
      ],
      people: [{ name: 'Wang Hong', title: 'president', affiliation: 'China Battery Industry Association' }],
      facts: [
        {
          metric: 'investment.amount',
          value: 1e10,
          unit: 'CNY',
          qualifier: 'exact',
          subject: '2023 edition signed projects',
          period: '2023',
          evidence: signing,
        },
        {
          metric: 'growth.yoy_percent',
          value: 20,
          unit: 'percent',
          qualifier: 'exact',
          subject: 'BYD battery sales growth',
          period: '2023',
          evidence: growth,
        },
      ],
    }),
  );
  const group = (name: string) => reading.organisations.find((g) => g.names.includes(name))!;
  const roles = (name: string) =>
    group(name)
      .mentions.map((m) => m.role)
      .sort();

  it("derives each organisation's roles from the record", () => {
    expect(roles("Sichuan Provincial People's Government")).toEqual(['host']);
    expect(roles('Contemporary Amperex Technology Co., Limited')).toEqual(['exhibitor', 'signatory']);
    expect(roles('BYD')).toEqual(['exhibitor']);
    expect(roles('China Battery Industry Association')).toEqual(['speaker-affiliation']);
    expect(roles('Tsinghua University')).toEqual(['mentioned']);
  });

  it('resolves makers, hosts and affiliations to the organisations the record lists, by any of their names', () => {
    const catl = reading.organisations.indexOf(group('Contemporary Amperex Technology Co., Limited'));
    expect(reading.exhibits[0].maker).toEqual({ name: 'CATL', group: catl });
    // A maker the record does not list becomes an organisation of its own, untyped.
    expect(group('Ruzemi Motors')).toMatchObject({
      type: null,
      mentions: [expect.objectContaining({ role: 'exhibitor' })],
    });
  });

  it('keeps the sentence an organisation is named in as evidence, and only for the organisations it names', () => {
    const signatory = group('Contemporary Amperex Technology Co., Limited').mentions.find(
      (m) => m.role === 'signatory',
    );
    expect(signatory).toMatchObject({
      edition: 2023,
      evidence: signing,
      detail: '2023 edition signed projects',
    });
    expect(group('BYD').mentions).toEqual([expect.objectContaining({ role: 'exhibitor', evidence: growth })]);
    expect(group('Tsinghua University').mentions[0].evidence).toBeNull();
  });

  it("attributes mentions to the article's edition, hosts to the edition they host", () => {
    expect(reading.edition).toBe(2023);
    expect(group("Sichuan Provincial People's Government").mentions[0]).toMatchObject({
      edition: 2023,
      detail: '2023 World Power Battery Conference',
    });
  });

  it('merges record entries that name one organisation twice', () => {
    const twice = readArticle(
      event({
        organisations: [
          { name: 'CATL', aliases: [], type: 'company' },
          { name: 'Contemporary Amperex Technology Co., Limited (CATL)', aliases: [], type: 'company' },
        ],
      }),
    );
    expect(twice.organisations).toHaveLength(1);
    expect(twice.organisations[0]).toMatchObject({
      names: ['CATL', 'Contemporary Amperex Technology Co., Limited'],
      keys: ['catl', 'contemporary amperex technology'],
    });
  });
});

describe('articleEdition', () => {
  it('is the edition held in the publication year', () => {
    expect(articleEdition([edition(2022), edition(2023)], '2023-11-20')).toBe(2023);
  });
  it('else the first edition the record reports', () => {
    expect(articleEdition([edition(2024), edition(2022)], '2025-01-02')).toBe(2024);
    expect(articleEdition([edition(2024)], null)).toBe(2024);
  });
  it('is null when the record reports none', () => expect(articleEdition([], '2023-01-01')).toBeNull());
});
