import { Module } from '@nestjs/common';
import { AnalyticsStoreModule } from '../store/analytics-store.module';
import { ObservationsController } from './observations.controller';

@Module({
  imports: [AnalyticsStoreModule],
  controllers: [ObservationsController],
})
export class ObservationsModule {}
