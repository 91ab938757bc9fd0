import { Module } from '@nestjs/common';
import { AnalyticsStoreModule } from '../store/analytics-store.module';
import { MetricsController } from './metrics.controller';
import { MetricsReader } from './metrics-reader';

@Module({
  imports: [AnalyticsStoreModule],
  controllers: [MetricsController],
  providers: [MetricsReader],
})
export class MetricsModule {}
