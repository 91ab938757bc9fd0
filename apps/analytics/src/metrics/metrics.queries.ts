import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { METRICS } from '@app/contracts';
import { Format, FORMATS } from '../csv/csv-response';
import { ReconciledMetric } from '../keys/metric-key';

export const RECONCILED_METRICS = METRICS.filter((m): m is ReconciledMetric => m !== 'other');

export class FormatQuery {
  @ApiPropertyOptional({
    enum: FORMATS,
    description: 'csv for a CSV download; also chosen by `Accept: text/csv`',
  })
  @IsOptional()
  @IsIn(FORMATS)
  format?: Format;
}

export class InvestmentQuery extends FormatQuery {
  @ApiPropertyOptional({
    description: 'First edition year shown (cumulative totals still count earlier ones)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2200)
  from?: number;

  @ApiPropertyOptional({ description: 'Last edition year shown' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2200)
  to?: number;
}

export class ProductionQuery extends FormatQuery {
  @ApiPropertyOptional({
    description: 'Only the production and sales series of this subject, e.g. "China NEV"',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject?: string;
}

export class SeriesQuery extends FormatQuery {
  @ApiProperty({ enum: RECONCILED_METRICS })
  @IsIn(RECONCILED_METRICS)
  metric!: ReconciledMetric;

  @ApiProperty({ description: 'What the figures are about, in any wording: "China NEV production", "Yibin"' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject!: string;
}

export class ConflictsQuery extends FormatQuery {
  @ApiPropertyOptional({ enum: RECONCILED_METRICS })
  @IsOptional()
  @IsIn(RECONCILED_METRICS)
  metric?: ReconciledMetric;
}
