import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { ORGANISATION_TYPES, OrganisationType } from '@app/contracts';
import { EditionFilter } from '../http/edition-year';
import { PageQuery } from '@app/platform';
import { SearchText } from '../http/text-search';
import { ID_PATTERN } from '../identity/names';

export class OrganisationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;

  @SearchText() q?: string;

  @EditionFilter() edition?: number;
}

export class OrganisationPatchBody {
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES, description: 'Replaces the type the articles suggest.' })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    description: 'The full list of aliases to show; each becomes a name events are matched by.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];
}

export class MergeBody {
  @ApiProperty({ description: 'Id of the organisation to absorb into this one.' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'absorb must be an organisation id' })
  absorb!: string;
}
