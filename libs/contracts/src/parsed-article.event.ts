import 'reflect-metadata';
import { Type } from 'class-transformer';
import { Equals, IsISO8601, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ExtractionRecord } from './extraction-record';

/**
 * Version 1 of the event ingest publishes for every accepted article, keyed by `articleId`.
 * Consumers validate each message against this class; one that fails goes to their dead-letter topic.
 * A breaking change gets a new class and a new topic (`...v2`), never an edit here.
 */
export class ParsedArticleEventV1 {
  @Equals(1) schemaVersion!: 1;
  /** Derived from the body hash: the same article ingested twice has the same id. */
  @Matches(/^[a-f0-9]{32}$/) articleId!: string;
  @IsString() @MaxLength(1000) title!: string;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) publishedAt!: string | null;
  @IsString() @MaxLength(200) source!: string;
  @IsOptional() @IsString() @MaxLength(2000) url!: string | null;
  /** sha256 of the normalised body, hex. */
  @Matches(/^[a-f0-9]{64}$/) bodyHash!: string;
  @IsString() @MaxLength(50) parserVersion!: string;
  @IsISO8601() ingestedAt!: string;
  @ValidateNested() @Type(() => ExtractionRecord) record!: ExtractionRecord;
}
