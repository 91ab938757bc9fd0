import { addVotes, articleCount, chosen, disagreements, ranked } from './tally';

describe('tallies', () => {
  const twoArticles = addVotes(
    addVotes([], { article: ['*'], type: ['company'], name: ['CATL'] }, 1),
    { article: ['*'], type: ['company'], name: ['Contemporary Amperex Technology Co., Ltd.', 'CATL'] },
    1,
  );

  it('counts each article once per value', () => {
    expect(articleCount(twoArticles)).toBe(2);
    expect(ranked(twoArticles, 'name')).toEqual([
      { value: 'CATL', n: 2 },
      { value: 'Contemporary Amperex Technology Co., Ltd.', n: 1 },
    ]);
    expect(addVotes([], { type: ['company', 'company'] }, 1)).toEqual([{ a: 'type', v: 'company', n: 1 }]);
  });

  it('takes an article out again, leaving no empty entries', () => {
    const back = addVotes(twoArticles, { article: ['*'], type: ['company'], name: ['CATL'] }, -1);
    expect(articleCount(back)).toBe(1);
    expect(
      addVotes(
        back,
        { article: ['*'], type: ['company'], name: ['Contemporary Amperex Technology Co., Ltd.', 'CATL'] },
        -1,
      ),
    ).toEqual([]);
  });

  it('chooses by count, then by preference, then by text, whatever the order of arrival', () => {
    const a = addVotes(addVotes([], { city: ['Yibin'] }, 1), { city: ['Chengdu'] }, 1);
    const b = addVotes(addVotes([], { city: ['Chengdu'] }, 1), { city: ['Yibin'] }, 1);
    expect(a).toEqual(b);
    expect(chosen(a, 'city')).toBe('Chengdu');
    expect(chosen(a, 'city', (x, y) => (x === 'Yibin' ? -1 : y === 'Yibin' ? 1 : 0))).toBe('Yibin');
    expect(disagreements(a, ['city', 'name'])).toEqual(['city']);
  });
});
