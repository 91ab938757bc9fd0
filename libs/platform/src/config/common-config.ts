import { Transform } from 'class-transformer';
import { ArrayMinSize, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;
const int = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value !== '' ? Number(value) : value;

/** Settings every service reads. Each service extends this with its own. */
export class CommonConfig {
  @Transform(int) @IsInt() @Min(1) @Max(65535) PORT!: number;

  /** Comma-separated host:port list. */
  @Transform(list) @ArrayMinSize(1) @Matches(/^[^\s:]+:\d+$/, { each: true }) KAFKA_BROKERS!: string[];

  @Matches(/^mongodb(\+srv)?:\/\//) MONGODB_URI!: string;

  @IsString() @Matches(/^[A-Za-z0-9_-]+$/) MONGODB_DB!: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string = 'info';

  /** Namespace put in front of every topic name ("staging" makes "staging.battery-intel..."). */
  @Matches(/^[A-Za-z0-9._-]*$/) KAFKA_TOPIC_PREFIX: string = '';

  /** Keys accepted in the x-api-key header on writes; empty means writes are refused. */
  @Transform(list) @IsString({ each: true }) API_KEYS: string[] = [];
}

export const configTransforms = { list, int };
