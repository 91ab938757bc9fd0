import { stripBoilerplate } from './boilerplate';
import { readDateline } from './dateline';
import { readMetadata } from './metadata';
import { splitSentences } from './sentences';
import { tokenize } from './tokens';

describe('splitSentences', () => {
  it('does not split after company designators, months or initials', () => {
    expect(
      splitSentences(
        'The photo shows a cell from Contemporary Amperex Technology Co., Ltd. (CATL) in Yibin, Sept. 1, 2024. J. Smith said so. It works.',
      ),
    ).toEqual([
      'The photo shows a cell from Contemporary Amperex Technology Co., Ltd. (CATL) in Yibin, Sept. 1, 2024.',
      'J. Smith said so.',
      'It works.',
    ]);
  });

  it('splits after a designator when a typical opener follows', () => {
    expect(splitSentences('It signed with Gotion High-Tech Co., Ltd. The deal is large.')).toHaveLength(2);
  });

  it('keeps decimals and ends quotes with their sentence', () => {
    expect(splitSentences('Output was 9.587 million. "We grew," she said. Sales rose.')).toEqual([
      'Output was 9.587 million.',
      '"We grew," she said.',
      'Sales rose.',
    ]);
  });
});

describe('stripBoilerplate', () => {
  it('drops related-article lists, credits, contacts and notices', () => {
    const body = [
      'Visitors look at a tractor in Yibin, Sept. 2, 2024.(Xinhua/Tang Wenhao)',
      'A Snippet accompanying this announcement is available by clicking on this link.',
      'The forum was held in Yibin. Photo courtesy of the organizer',
      'CONTACT: Contact person: Ms. Hou, Tel: 86-10-63074558',
      'Reporting by Anna Lee; Editing by Tom Hart',
      'Read These Next',
      'Scientists test mealworms at Qingdao University',
    ].join('\n');
    expect(stripBoilerplate(body).split('\n').filter(Boolean)).toEqual([
      'Visitors look at a tractor in Yibin, Sept. 2, 2024.',
      'The forum was held in Yibin.',
    ]);
  });
});

describe('readDateline', () => {
  it('reads a wire dateline with its date and drops the agency', () => {
    const d = readDateline(
      '(MENAFN- PR Newswire) YIBIN, China, Oct. 14, 2025 (PRNEWSWIRE) -- Exhibitors arrived on Monday.',
    );
    expect(d).toMatchObject({ published: '2025-10-14', city: 'Yibin', monthDay: null });
    expect(d.rest).toBe('Exhibitors arrived on Monday.');
  });

  it('keeps month and day when the dateline has no year', () => {
    expect(readDateline('YIBIN, Aug. 29 (Xinhua) -- The conference opened.')).toMatchObject({
      published: null,
      monthDay: [8, 29],
      rest: 'The conference opened.',
    });
  });

  it('reads a "date yyyy-mm-dd" prefix and leaves the title', () => {
    expect(readDateline(' date 2024-09-03 Exhibition highlights achievements')).toMatchObject({
      published: '2024-09-03',
      rest: 'Exhibition highlights achievements',
    });
  });

  it('leaves ordinary openings alone', () => {
    expect(readDateline('Sichuan, the province, grew fast.').rest).toBe('Sichuan, the province, grew fast.');
  });
});

describe('readMetadata', () => {
  it('takes the date from a byline or date line and removes it', () => {
    const m = readMetadata(
      'Notice\ndate 2026-07-30\n\nBody text.\nBy Li Wei | China Daily | Updated: 2026-07-31 10:15',
    );
    expect(m.published).toBe('2026-07-30');
    expect(m.rest).toBe('Notice\n\nBody text.');
  });

  it('reads a labelled date with a clock time', () => {
    expect(readMetadata('Published: Sep 01, 2024 08:35 PM\nBody text.').published).toBe('2024-09-01');
  });
});

describe('tokenize', () => {
  it('keeps abbreviation dots and drops sentence dots', () => {
    expect(tokenize('Hive Energy Co., Ltd. (CATL) in Yibin.').map((t) => t.text)).toEqual([
      'Hive',
      'Energy',
      'Co.',
      ',',
      'Ltd.',
      '(',
      'CATL',
      ')',
      'in',
      'Yibin',
    ]);
  });
});
