import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ObservationProjection } from './observation-projection';
import { Observation, ObservationSchema } from './observation.schema';
import { ObservationsController } from './observations.controller';

@Module({
  imports: [MongooseModule.forFeature([{ name: Observation.name, schema: ObservationSchema }])],
  controllers: [ObservationProjection, ObservationsController],
})
export class ObservationsModule {}
