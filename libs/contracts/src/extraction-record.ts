import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/**
 * What the parser reads out of one article. Field names and vocabularies follow the
 * evaluation format (shared/corpus/FORMAT.md) so the `extract` command prints this record as is.
 * Classes rather than interfaces so the same definition validates events at runtime.
 */

export const ORGANISATION_TYPES = [
  'company',
  'university',
  'association',
  'government',
  'research',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const EXHIBIT_CATEGORIES = [
  'battery',
  'drive-system',
  'vehicle',
  'aircraft',
  'material',
  'other',
] as const;
export type ExhibitCategory = (typeof EXHIBIT_CATEGORIES)[number];

export const QUALIFIERS = ['exact', 'approx', 'over', 'nearly', 'under'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Each metric with the units it may be stated in. */
export const METRIC_UNITS = {
  'investment.amount': ['CNY', 'USD'],
  'investment.projects': ['projects'],
  'production.units': ['vehicles'],
  'sales.units': ['vehicles'],
  'growth.yoy_percent': ['percent'],
  'battery.volume_gwh': ['GWh'],
  'capacity.gwh': ['GWh'],
  'market.share_percent': ['percent'],
  'output.value': ['CNY', 'USD'],
  'employment.jobs': ['jobs'],
  'attendance.people': ['people'],
  other: ['CNY', 'USD', 'projects', 'vehicles', 'percent', 'GWh', 'jobs', 'people', 'units', 'other'],
} as const;
export type Metric = keyof typeof METRIC_UNITS;
export const METRICS = Object.keys(METRIC_UNITS) as Metric[];
export type Unit = (typeof METRIC_UNITS)[Metric][number];
export const UNITS = [...new Set(Object.values(METRIC_UNITS).flat())] as Unit[];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** `2023`, `2024-01..2024-07`, `2022..2023` or a single month `2024-07`. */
export const PERIOD = /^\d{4}(-\d{2})?(\.\.\d{4}(-\d{2})?)?$/;
const TEXT = 2000;

export class EditionRecord {
  @IsInt() year!: number;
  @IsString() @MaxLength(TEXT) name!: string;
  @IsOptional() @IsString() @MaxLength(TEXT) city!: string | null;
  @IsOptional() @Matches(ISO_DATE) startDate!: string | null;
  @IsOptional() @Matches(ISO_DATE) endDate!: string | null;
  @IsArray() @IsString({ each: true }) hosts!: string[];
  @IsOptional() @IsString() @MaxLength(TEXT) guestOfHonour!: string | null;
}

export class OrganisationRecord {
  @IsString() @MaxLength(TEXT) name!: string;
  @IsArray() @IsString({ each: true }) aliases!: string[];
  @IsIn(ORGANISATION_TYPES) type!: OrganisationType;
}

export class PersonRecord {
  @IsString() @MaxLength(TEXT) name!: string;
  @IsOptional() @IsString() @MaxLength(TEXT) title!: string | null;
  @IsOptional() @IsString() @MaxLength(TEXT) affiliation!: string | null;
}

export class ExhibitRecord {
  @IsString() @MaxLength(TEXT) name!: string;
  @IsOptional() @IsString() @MaxLength(TEXT) maker!: string | null;
  @IsIn(EXHIBIT_CATEGORIES) category!: ExhibitCategory;
}

export class FactRecord {
  @IsIn(METRICS) metric!: Metric;
  @IsNumber({ allowNaN: false, allowInfinity: false }) value!: number;
  @IsIn(UNITS) unit!: Unit;
  @IsIn(QUALIFIERS) qualifier!: Qualifier;
  @IsString() @MaxLength(TEXT) subject!: string;
  @IsOptional() @Matches(PERIOD) period!: string | null;
  @IsString() @MaxLength(10 * TEXT) evidence!: string;
}

export class ExtractionRecord {
  /** Input file name; set by the `extract` command, absent in events. */
  @IsOptional() @IsString() file?: string;
  @IsOptional() @Matches(ISO_DATE) publishedAt!: string | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => EditionRecord) editions!: EditionRecord[];
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OrganisationRecord)
  organisations!: OrganisationRecord[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => PersonRecord) people!: PersonRecord[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ExhibitRecord) exhibits!: ExhibitRecord[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => FactRecord) facts!: FactRecord[];
}
