import { addVotes } from '../projection/tally';
import { Organisation, OrganisationContribution } from './organisation.schema';
import { organisationVotes, summariseOrganisation } from './organisation-summary';

const contribution = (over: Partial<OrganisationContribution>): OrganisationContribution => ({
  names: ['CATL'],
  aliases: [],
  type: 'company',
  mentions: [{ edition: 2024, role: 'exhibitor', detail: 'Shenxing battery', evidence: null }],
  ...over,
});

const counted = (...contributions: OrganisationContribution[]): Organisation => ({
  _id: 'catl',
  tally: contributions.reduce((t, c) => addVotes(t, organisationVotes(c), 1), addVotes([], null, 1)),
});

describe('summariseOrganisation', () => {
  const doc = counted(
    contribution({}),
    contribution({
      names: ['Contemporary Amperex Technology Co., Ltd.'],
      aliases: ['CATL'],
      type: 'other',
      mentions: [{ edition: null, role: 'mentioned', detail: null, evidence: null }],
    }),
  );

  it('shows the most named name (the longer on a tie), every other name as an alias, and the type conflict', () => {
    expect(summariseOrganisation(doc)).toEqual({
      name: 'Contemporary Amperex Technology Co., Ltd.',
      type: 'company',
      aliases: ['CATL'],
      searchNames: ['contemporary amperex technology co ltd', 'catl'],
      editionYears: [2024],
      editionRoles: ['2024:exhibitor'],
      roles: ['exhibitor', 'mentioned'],
      conflicts: ['type'],
      articleCount: 2,
    });
  });

  it('lets curated values win over what the articles say', () => {
    const curated = summariseOrganisation({
      ...doc,
      curated: { type: 'research', aliases: ['CATL', '宁德时代'] },
    });
    expect(curated).toMatchObject({ type: 'research', aliases: ['CATL', '宁德时代'], conflicts: ['type'] });
    expect(curated.searchNames).toContain('宁德时代');
  });
});
