import { agree, groupAgreeing, halfLastDigit, mostPrecise, Reading } from './agreement';

const r = (value: number, qualifier: Reading['qualifier'] = 'exact'): Reading => ({ value, qualifier });

describe('agreement', () => {
  it.each([
    [96200000000, 50000000],
    [95250000000, 5000000],
    [400, 50],
    [35.8, 0.05],
    [9587000, 500],
  ])('knows the rounding of %d is ±%d', (value, half) => {
    expect(halfLastDigit(value)).toBeCloseTo(half, 10);
  });

  it.each([
    ['96.2 billion and 96.25 billion', [r(96.2e9), r(96.25e9)]],
    ['"nearly 400" and 400', [r(400, 'nearly'), r(400)]],
    ['"over 130" and 137', [r(130, 'over'), r(137)]],
    ['"over 95 billion" and 95.25 billion', [r(95e9, 'over'), r(95.25e9)]],
    ['"about 13 billion" and "about 13.4 billion"', [r(13e9, 'approx'), r(13.4e9, 'approx')]],
    ['"about 1,600" and "nearly 1,600"', [r(1600, 'approx'), r(1600, 'nearly')]],
    ['108.6 billion and 108.62 billion', [r(108.6e9), r(108.62e9)]],
    ['"under 2" and 1.9', [r(2, 'under'), r(1.9)]],
  ])('reads %s as one figure', (_, readings) => {
    expect(agree(readings)).toBe(true);
    expect(groupAgreeing(readings)).toHaveLength(1);
  });

  it.each([
    ['121.4 billion and 112.4 billion (a transposition)', [r(121.4e9), r(112.4e9)]],
    ['400 and 420 (trailing zeros are not a licence)', [r(400), r(420)]],
    ['137 and 133', [r(137), r(133)]],
    ['48 and 50', [r(48), r(50)]],
    ['"over 1,000" and 1,500', [r(1000, 'over'), r(1500)]],
    ['"nearly 400" and 300', [r(400, 'nearly'), r(300)]],
  ])('reads %s as a conflict', (_, readings) => {
    expect(agree(readings)).toBe(false);
    expect(groupAgreeing(readings)).toHaveLength(2);
  });

  it('groups the same way whatever order the reports arrive in', () => {
    const readings = [r(112.4e9), r(121.4e9), r(121.4e9, 'approx'), r(112e9, 'approx')];
    const reversed = [...readings].reverse();
    expect(groupAgreeing(reversed)).toEqual(groupAgreeing(readings));
    expect(groupAgreeing(readings).map((g) => g.length)).toEqual([2, 2]);
  });

  it('never groups reports that do not all agree, even when neighbours do', () => {
    // 100 agrees with 104.5 (over), 104.5 with 109, but 100 and 109 cannot both be right.
    const groups = groupAgreeing([r(100), r(104, 'over'), r(109)]);
    for (const group of groups) expect(agree(group)).toBe(true);
  });

  it('prefers an exact figure, then the one written with more digits', () => {
    expect(mostPrecise([r(130, 'over'), r(137)])).toEqual(r(137));
    expect(mostPrecise([r(96.2e9), r(96.25e9)])).toEqual(r(96.25e9));
    expect(mostPrecise([r(13e9, 'approx'), r(13.4e9, 'approx')])).toEqual(r(13.4e9, 'approx'));
  });
});
