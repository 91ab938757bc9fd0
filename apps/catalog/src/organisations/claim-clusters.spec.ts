import { clusterClaims } from './claim-clusters';

describe('clusterClaims', () => {
  it('joins claims sharing a key, also through a third claim', () => {
    const clusters = clusterClaims([
      { articleId: 'a', keys: ['catl'] },
      { articleId: 'b', keys: ['contemporary amperex technology'] },
      { articleId: 'c', keys: ['byd'] },
      { articleId: 'd', keys: ['contemporary amperex technology', 'catl'] },
    ]);
    expect(clusters).toEqual([
      { keys: ['catl', 'contemporary amperex technology'], claims: [0, 1, 3] },
      { keys: ['byd'], claims: [2] },
    ]);
  });
});
