import { decodeParsedArticleEvent } from './decode';
import { ParsedArticleEventV1 } from './parsed-article.event';

const event = (): ParsedArticleEventV1 => ({
  schemaVersion: 1,
  articleId: 'a'.repeat(32),
  title: 'A title',
  publishedAt: '2024-09-03',
  source: 'Test Wire',
  url: null,
  bodyHash: 'b'.repeat(64),
  parserVersion: '1.0.0',
  ingestedAt: '2024-09-03T10:00:00.000Z',
  record: {
    publishedAt: '2024-09-03',
    editions: [
      {
        year: 2024,
        name: 'x',
        city: 'Yibin',
        startDate: null,
        endDate: null,
        hosts: [],
        guestOfHonour: null,
      },
    ],
    organisations: [{ name: 'CATL', aliases: [], type: 'company' }],
    people: [],
    exhibits: [],
    facts: [
      {
        metric: 'investment.amount',
        value: 1e9,
        unit: 'CNY',
        qualifier: 'exact',
        subject: 's',
        period: '2024',
        evidence: 'e',
      },
    ],
  },
});
const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('decodeParsedArticleEvent', () => {
  it('accepts a valid event and drops fields it does not know', () => {
    const decoded = decodeParsedArticleEvent(encode({ ...event(), extra: 'ignored' }));
    expect(decoded).toBeInstanceOf(ParsedArticleEventV1);
    expect(decoded.record.facts[0].value).toBe(1e9);
    expect(decoded).not.toHaveProperty('extra');
  });

  it.each([
    [null, /empty/],
    [Buffer.from('{not json'), /not JSON/],
    [encode([1, 2]), /not a JSON object/],
    [encode({ ...event(), schemaVersion: 2 }), /schemaVersion/],
    [encode({ ...event(), articleId: 'short' }), /articleId/],
  ])('rejects %s with its reason', (value, reason) => {
    expect(() => decodeParsedArticleEvent(value)).toThrow(reason);
  });

  it('names the nested field at fault', () => {
    const bad = event();
    (bad.record.facts[0] as { unit: string }).unit = 'bananas';
    (bad.record.organisations[0] as { type: string }).type = 'club';
    expect(() => decodeParsedArticleEvent(encode(bad))).toThrow(
      /record\.facts\.0\.unit.*record\.organisations\.0\.type|record\.organisations\.0\.type.*record\.facts\.0\.unit/,
    );
  });
});
