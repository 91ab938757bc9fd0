import { BadRequestException } from '@nestjs/common';
import { containsText } from './text-search';

describe('containsText', () => {
  it('matches normalised names literally', () => {
    const pattern = containsText('Amperex Tech.');
    expect(pattern.test('contemporary amperex technology co limited')).toBe(true);
    expect(containsText('a.*b').source).toBe('a b');
  });

  it('refuses text with nothing to search for', () => {
    expect(() => containsText('$(.*)')).toThrow(BadRequestException);
  });
});
