import { ParsedArticleEventV1 } from '@app/contracts';
import { rounds } from './catalog-writer';

const event = (articleId: string, parserVersion: string) =>
  ({ articleId, parserVersion, record: {} }) as unknown as ParsedArticleEventV1;

describe('rounds', () => {
  it('puts each article once per round, in the order its versions came, dropping exact repeats', () => {
    const a1 = event('a', '1');
    const a2 = event('a', '2');
    const b1 = event('b', '1');
    expect(rounds([a1, b1, a1, a2, b1, a1])).toEqual([[a1, b1], [a2], [a1]]);
  });
});
