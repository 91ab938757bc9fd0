import { FactRecord, Metric, OrganisationRecord } from '@app/contracts';
import { editionsSignedIn, metricKey, seriesOf, seriesTokens } from './metric-key';

const fact = (metric: Metric, subject: string, period: string | null, unit = 'CNY'): FactRecord =>
  ({ metric, subject, period, value: 1, unit, qualifier: 'exact', evidence: 'e' }) as FactRecord;

const article = (organisations: OrganisationRecord[] = [], articleId = 'a'.repeat(32)) => ({
  articleId,
  organisations,
});

const keyOf = (metric: Metric, subject: string, period: string | null, orgs: OrganisationRecord[] = []) =>
  metricKey(fact(metric, subject, period), article(orgs), [])?.id;

describe('metricKey', () => {
  it.each([
    [
      'investment.amount',
      '2024 edition signed projects',
      'projects signed at the 2024 World Power Battery Conference',
    ],
    ['investment.amount', '2024 edition signed projects', 'Investment signed during the 2024 conference'],
    ['investment.amount', '2024 edition signed projects', "the 2024 WPBC's deals"],
    ['investment.projects', '2024 edition signed projects', 'Projects signed at this edition'],
    ['production.units', 'China NEV production', "China's new energy vehicle output"],
    ['production.units', 'China NEV production', 'New energy vehicles produced in China'],
    ['sales.units', 'China NEV sales', 'sales of NEVs in China'],
    ['growth.yoy_percent', 'China NEV production growth', 'year-on-year growth of China NEV output'],
    ['battery.volume_gwh', 'China power battery installations', 'power batteries installed in China'],
    ['battery.volume_gwh', 'Yibin power battery output', 'batteries produced in Yibin City'],
    ['output.value', 'Yibin industry output value', "Yibin's battery industry output value"],
    ['attendance.people', '2024 edition', 'visitors to the 2024 conference'],
  ] as [Metric, string, string][])('reads %s "%s" and "%s" as one figure', (metric, a, b) => {
    expect(keyOf(metric, b, '2024')).toBe(keyOf(metric, a, '2024'));
  });

  it('takes the edition year from the period when the subject names no year', () => {
    expect(keyOf('investment.projects', 'projects signed at this edition', '2024')).toBe(
      keyOf('investment.projects', '2024 edition signed projects', '2024'),
    );
  });

  it('names an organisation by its short form whichever name the subject uses', () => {
    const catl: OrganisationRecord = {
      name: 'Contemporary Amperex Technology Co., Limited',
      aliases: ['CATL'],
      type: 'company',
    };
    expect(
      keyOf('investment.amount', 'Contemporary Amperex Technology Co., Limited investment in Yibin', '2023', [
        catl,
      ]),
    ).toBe(keyOf('investment.amount', 'CATL investment in Yibin', '2023'));
  });

  it.each([
    ['another edition', ['2024 edition signed projects', '2023 edition signed projects']],
    ['a subset of an edition', ['2024 edition signed projects', '2024 edition signed projects in Yibin']],
    ['another region', ['China power battery output', 'Yibin power battery output']],
    ['another company', ['CATL share', 'BYD share']],
    ['production against sales', ['China NEV production growth', 'China NEV sales growth']],
    ['shipments against output', ['Yibin power battery shipments', 'Yibin power battery output']],
    ['a forecast against a count', ['NEV sales (forecast)', 'NEV sales']],
    ['power against storage batteries', ['power battery sales', 'energy storage battery sales']],
  ])('keeps %s apart', (_, [a, b]) => {
    const metric: Metric = a.includes('share')
      ? 'market.share_percent'
      : a.includes('growth')
        ? 'growth.yoy_percent'
        : a.includes('battery')
          ? 'battery.volume_gwh'
          : a.includes('NEV')
            ? 'sales.units'
            : 'investment.amount';
    expect(keyOf(metric, a, '2024')).not.toBe(keyOf(metric, b, '2024'));
  });

  it('keeps one metric apart from another and one period from another', () => {
    expect(keyOf('production.units', 'China NEV production', '2023')).not.toBe(
      keyOf('production.units', 'China NEV production', '2024'),
    );
    expect(keyOf('investment.amount', '2024 edition signed projects', '2024')).not.toBe(
      keyOf('investment.projects', '2024 edition signed projects', '2024'),
    );
  });

  it('marks the headline figures of an edition, and only those', () => {
    const edition = (metric: Metric, subject: string, period: string | null) =>
      metricKey(fact(metric, subject, period), article(), [])?.edition;
    expect(edition('investment.amount', '2024 edition signed projects', '2024')).toBe(2024);
    expect(edition('attendance.people', '2024 edition', null)).toBe(2024);
    expect(edition('investment.projects', '2024 edition signed projects in Yibin', '2024')).toBeNull();
    expect(edition('investment.amount', '2022 and 2023 editions signed projects', '2022..2023')).toBeNull();
    expect(edition('production.units', 'China NEV production', '2024')).toBeNull();
  });

  it('scopes an undated figure that is not an edition to its article', () => {
    const capacity = fact('capacity.gwh', 'production capacity', null, 'GWh');
    const one = metricKey(capacity, article([], 'a'.repeat(32)), [])!;
    const other = metricKey(capacity, article([], 'b'.repeat(32)), [])!;
    expect(one.id).not.toBe(other.id);
    expect(one.id).toContain('@' + 'a'.repeat(32));
  });

  it('dates an undated figure by the year its subject names', () => {
    expect(keyOf('production.units', '2023 China NEV production', null)).toBe(
      keyOf('production.units', 'China NEV production', '2023'),
    );
  });

  it('ties an undated jobs forecast to the one edition whose signed projects the article reports', () => {
    const facts = [fact('investment.projects', '2032 edition signed projects', '2032', 'projects')];
    const signed = editionsSignedIn(facts, article());
    expect(signed).toEqual([2032]);
    const jobs = metricKey(fact('employment.jobs', 'jobs (forecast)', null, 'jobs'), article(), signed)!;
    expect(jobs).toMatchObject({ period: '2032', edition: 2032, tokens: ['edition:2032', 'forecast'] });
  });

  it('keeps facts of metric other out of reconciliation', () => {
    expect(metricKey(fact('other', 'figure', '2024'), article(), [])).toBeNull();
  });
});

describe('seriesOf', () => {
  it('finds the series of a subject however an analyst words it', () => {
    const stored = metricKey(fact('production.units', 'China NEV production', '2023'), article(), [])!;
    expect(seriesOf('production.units', "China's new energy vehicle output")).toBe(stored.series);
    expect(seriesTokens(stored.series)).toEqual(['china', 'nev']);
  });
});
