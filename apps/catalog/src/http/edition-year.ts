import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const YEAR = { minimum: 1000, maximum: 9999 };
const YearValue = () =>
  applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(YEAR.minimum),
    Max(YEAR.maximum),
  );

/** Declares an optional `edition` filter: the year of an edition. */
export const EditionFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ ...YEAR, description: 'Year of an edition.' }),
    IsOptional(),
    YearValue(),
  );

export class EditionParams {
  @ApiProperty(YEAR)
  @YearValue()
  year!: number;
}
