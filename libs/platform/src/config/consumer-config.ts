import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { CommonConfig, configTransforms } from './common-config';

/** Settings of a service that consumes parsed-article events. */
export class ConsumerConfig extends CommonConfig {
  /**
   * Kafka consumer group. Replicas share one group to split partitions; a new group name rebuilds
   * the service's state from the start of the topic (replay).
   */
  @Matches(/^[A-Za-z0-9._-]+$/) CONSUMER_GROUP!: string;

  /** Partitions for topics this service creates when they are missing (its dead-letter topic). */
  @Transform(configTransforms.int) @IsInt() @Min(1) @Max(1000) TOPIC_PARTITIONS: number = 6;
}
