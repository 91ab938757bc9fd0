import { ConsumerConfig } from '@app/platform';
import { CONSUMER_GROUPS } from '@app/contracts';

export class CatalogConfig extends ConsumerConfig {
  override CONSUMER_GROUP: string = CONSUMER_GROUPS.catalog;
}
