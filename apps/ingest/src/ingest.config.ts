import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { CommonConfig, configTransforms } from '@app/platform';

export class IngestConfig extends CommonConfig {
  /** How long a request waits for the broker's acknowledgement before answering 503. */
  @Transform(configTransforms.int) @IsInt() @Min(100) @Max(120000) PUBLISH_TIMEOUT_MS: number = 10000;

  /** Partitions of the parsed-article topic when ingest creates it; more partitions, more consumer replicas. */
  @Transform(configTransforms.int) @IsInt() @Min(1) @Max(1000) TOPIC_PARTITIONS: number = 6;

  /** Largest request body accepted, in body-parser notation. */
  @Matches(/^\d+(b|kb|mb)$/) BODY_LIMIT: string = '1mb';

  /** Most articles in one batch request. */
  @Transform(configTransforms.int) @IsInt() @Min(1) @Max(10000) MAX_BATCH_SIZE: number = 500;
}
