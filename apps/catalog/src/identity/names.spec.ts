import {
  byPreference,
  exhibitId,
  organisationKey,
  organisationKeys,
  plainKey,
  slugId,
  splitParenthesised,
} from './names';

describe('organisation names', () => {
  it.each([
    ['Contemporary Amperex Technology Co., Ltd.', 'contemporary amperex technology'],
    ['Contemporary Amperex Technology Co., Limited', 'contemporary amperex technology'],
    ['CONTEMPORARY AMPEREX TECHNOLOGY CO LTD', 'contemporary amperex technology'],
    ['BYD Company Limited', 'byd'],
    ['Gotion High-Tech Co., Ltd.', 'gotion high tech'],
    ['Great Power Energy & Technology Co., Ltd.', 'great power energy and technology'],
    ['The China Battery Industry Association', 'china battery industry association'],
    ["People's Government of Yibin City", 'peoples government of yibin city'],
    ['Volkswagen Group China', 'volkswagen group china'],
    ['Sany Group', 'sany'],
    ['Group', 'group'],
    ['Contemporary Amperex Technology Co., Limited (CATL)', 'contemporary amperex technology'],
  ])('keys %s as %s', (name, key) => expect(organisationKey(name)).toBe(key));

  it('reads a parenthesised short form as an alias', () => {
    expect(splitParenthesised('Contemporary Amperex Technology Co., Limited (CATL)')).toEqual({
      name: 'Contemporary Amperex Technology Co., Limited',
      shortForms: ['CATL'],
    });
    expect(organisationKeys(['Contemporary Amperex Technology Co., Limited (CATL)', 'CATL', 'Catl'])).toEqual(
      ['contemporary amperex technology', 'catl'],
    );
  });

  it('drops names with nothing to key', () => expect(organisationKeys(['(—)', '...'])).toEqual([]));
});

describe('ids', () => {
  it('uses the key itself when it is short ASCII', () => {
    expect(slugId('contemporary amperex technology')).toBe('contemporary-amperex-technology');
    expect(slugId('catl')).toBe('catl');
  });

  it('keeps long and non-ASCII keys URL-safe and distinct', () => {
    const long = slugId('a'.repeat(30) + ' ' + 'b'.repeat(40));
    expect(long).toMatch(/^a{30}-b{9}-[0-9a-f]{12}$/);
    expect(slugId('宁德时代')).toMatch(/^[0-9a-f]{12}$/);
    expect(slugId('宁德时代')).not.toBe(slugId('比亚迪'));
    expect(slugId('société générale')).toMatch(/^socit-gnrale-[0-9a-f]{12}$/);
  });

  it('prefers the shortest id, then the alphabetical first', () => {
    expect(['contemporary-amperex-technology', 'catl', 'byd'].sort(byPreference)).toEqual([
      'byd',
      'catl',
      'contemporary-amperex-technology',
    ]);
  });

  it('names an exhibit by edition and name, and keeps its maker in the hash', () => {
    const id = exhibitId(2024, plainKey('Shenxing Battery'), 'catl');
    expect(id).toMatch(/^2024-shenxing-battery-[0-9a-f]{8}$/);
    expect(exhibitId(2024, 'shenxing battery', 'byd')).not.toBe(id);
    expect(exhibitId(null, 'shenxing battery', null)).toMatch(/^undated-shenxing-battery-/);
  });
});
