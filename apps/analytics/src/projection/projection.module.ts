import { Module } from '@nestjs/common';
import { Aggregator } from '../aggregates/aggregator';
import { Reconciler } from '../reconciliation/reconciler';
import { AnalyticsStoreModule } from '../store/analytics-store.module';
import { ArticleProjection } from './article-projection';
import { ContributionWriter } from './contribution-writer';

@Module({
  imports: [AnalyticsStoreModule],
  controllers: [ArticleProjection],
  providers: [ContributionWriter, Reconciler, Aggregator],
})
export class ProjectionModule {}
