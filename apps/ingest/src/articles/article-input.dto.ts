import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';

/** An article as a client submits it. Only title and body are required. */
export class ArticleInputDto {
  /** Headline of the article. */
  @IsString() @IsNotEmpty() @MaxLength(1000) title!: string;

  /** Full text, plain. Headers such as `published: 2024-09-03` at its top are read too. */
  @IsString() @IsNotEmpty() @MaxLength(200000) body!: string;

  /** Outlet that published it, e.g. "Xinhua"; "unknown" when not given. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) source?: string;

  /** Where it was published. */
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2000)
  url?: string;

  /** Publication date or time, ISO 8601 (e.g. 2024-09-03). */
  @IsOptional() @IsISO8601({ strict: true }) publishedAt?: string;
}

export class ArticleBatchDto {
  /** Each item is checked on its own: a bad one is reported and the others go through. */
  @IsArray() @ArrayMinSize(1) articles!: unknown[];
}

export class ReparseQueryDto {
  /** `true` re-parses every stored article, not only those parsed by another parser version. */
  @IsOptional() @IsIn(['true', 'false']) all?: string;
}
