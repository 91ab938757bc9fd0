import { Controller, Get, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Model } from 'mongoose';
import { METRICS } from '@app/contracts';
import { Observation } from './observation.schema';

export class ObservationQuery {
  /** Only facts of this metric. */
  @IsOptional() @IsIn(METRICS) metric?: string;
  /** Only facts read from this article. */
  @IsOptional() @Matches(/^[a-f0-9]{32}$/) article?: string;
}

@ApiTags('observations')
@Controller({ path: 'observations', version: '1' })
export class ObservationsController {
  constructor(@InjectModel(Observation.name) private readonly observations: Model<Observation>) {}

  /** Every fact as an article reported it, with its evidence sentence. */
  @Get()
  async list(@Query() query: ObservationQuery) {
    const filter: Record<string, string> = {};
    if (query.metric) filter.metric = query.metric;
    if (query.article) filter.articleId = query.article;
    const docs = await this.observations.find(filter).sort({ _id: 1 }).limit(1000).lean();
    return { items: docs.map(({ _id, ...rest }) => ({ id: _id, ...rest })) };
  }
}
