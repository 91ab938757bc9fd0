import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  EditionAggregateDoc,
  EditionAggregateSchema,
  SeriesDoc,
  SeriesSchema,
} from '../aggregates/aggregate.schemas';
import { Observation, ObservationSchema } from '../observations/observation.schema';
import { ContributionDoc, ContributionSchema } from '../projection/contribution.schema';
import { ReconciledValueDoc, ReconciledValueSchema } from '../reconciliation/reconciled-value.schema';

const models = MongooseModule.forFeature([
  { name: Observation.name, schema: ObservationSchema },
  { name: ContributionDoc.name, schema: ContributionSchema },
  { name: ReconciledValueDoc.name, schema: ReconciledValueSchema },
  { name: EditionAggregateDoc.name, schema: EditionAggregateSchema },
  { name: SeriesDoc.name, schema: SeriesSchema },
]);

/** The analytics collections, registered once for the projection that writes them and the API that reads them. */
@Module({ imports: [models], exports: [models] })
export class AnalyticsStoreModule {}
