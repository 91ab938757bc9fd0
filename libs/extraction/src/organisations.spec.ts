import type { Sentence } from './document';
import { findOrganisationMentions } from './organisation-mentions';
import { resolveOrganisations } from './organisations';
import { Places, placesMarkedIn } from './places';

function organisations(...texts: string[]) {
  const places = new Places(placesMarkedIn(texts.join('\n')));
  const sentences: Sentence[] = texts.map((text, index) => ({
    text,
    index,
    paragraph: index,
    headline: false,
  }));
  const mentions = sentences.flatMap((s) => findOrganisationMentions(s, places));
  return resolveOrganisations(mentions, places).map(({ name, aliases, type }) => ({ name, aliases, type }));
}

describe('organisations', () => {
  it('merges a full name, its parenthesised acronym and later short mentions', () => {
    expect(
      organisations(
        'It showed a battery from Contemporary Amperex Technology Co., Ltd. (CATL) in Yibin.',
        'CATL, a world-leading EV battery provider, has invested in Yibin.',
      ),
    ).toEqual([{ name: 'Contemporary Amperex Technology Co., Ltd.', aliases: ['CATL'], type: 'company' }]);
  });

  it('takes an acronym that opens a company name as its alias', () => {
    expect(
      organisations('Wu Kai, chief scientist of CATL New Energy Technology Co., Ltd., said so.'),
    ).toEqual([{ name: 'CATL New Energy Technology Co., Ltd.', aliases: ['CATL'], type: 'company' }]);
  });

  it('splits coordinated names where "and" joins two organisations, not inside one', () => {
    const names = organisations(
      'Organisers were the Battery Testing Centre of the Ministry of Industry and Information Technology and Academician Chen Lin Workstation.',
      "Support came from the People's Government of Luzhou City and Sichuan Provincial Economic and Information Department.",
    ).map((o) => o.name);
    expect(names).toEqual([
      'Battery Testing Centre of the Ministry of Industry and Information Technology',
      'Academician Chen Lin Workstation',
      "People's Government of Luzhou City",
      'Sichuan Provincial Economic and Information Department',
    ]);
  });

  it('knows every spelling of a provincial government as one', () => {
    const [gov] = organisations(
      'It was hosted by the Sichuan provincial government.',
      "The Sichuan Provincial People's Government agreed.",
    );
    expect(gov.type).toBe('government');
    expect([gov.name, ...gov.aliases]).toEqual(
      expect.arrayContaining([
        "Sichuan Provincial People's Government",
        "People's Government of Sichuan Province",
      ]),
    );
  });

  it('finds companies named in lists and appositions, and no places or events', () => {
    expect(
      organisations(
        'The event drew executives from electric vehicle makers such as BYD and Nio to the 2024 World Power Battery Conference in Yibin City, Sichuan Province.',
      ).map((o) => o.name),
    ).toEqual(['BYD', 'Nio']);
  });
});
