import { ConsumerConfig } from '@app/platform';
import { CONSUMER_GROUPS } from '@app/contracts';

export class AnalyticsConfig extends ConsumerConfig {
  override CONSUMER_GROUP: string = CONSUMER_GROUPS.analytics;
}
