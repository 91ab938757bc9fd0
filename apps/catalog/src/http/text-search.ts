import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { validationFailed } from '@app/platform';
import { plainKey } from '../identity/names';

export const MAX_QUERY_LENGTH = 100;

/** Declares the `q` parameter of a list that searches by name. */
export const SearchText = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: 'Part of a name, in any case and punctuation.',
      maxLength: MAX_QUERY_LENGTH,
    }),
    IsOptional(),
    IsString(),
    MinLength(1),
    MaxLength(MAX_QUERY_LENGTH),
  );

/**
 * A regular expression matching stored plain keys that contain `q`. The text is normalised like the
 * keys (lowercase words without punctuation) and escaped, so it only ever matches literally.
 */
export function containsText(q: string): RegExp {
  const key = plainKey(q);
  if (!key) throw validationFailed({ q: ['q must contain a letter or a digit'] });
  return new RegExp(key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
