import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiProduces, ApiPropertyOptional, ApiTags, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Request, Response } from 'express';
import { Model } from 'mongoose';
import { METRICS } from '@app/contracts';
import { findPage, PageQuery } from '@app/platform';
import { respond } from '../csv/csv-response';
import { FormatQuery } from '../metrics/metrics.queries';
import { Observation } from './observation.schema';

export class ObservationQuery extends IntersectionType(FormatQuery, PageQuery) {
  @ApiPropertyOptional({ enum: METRICS, description: 'Only facts of this metric' })
  @IsOptional()
  @IsIn(METRICS)
  metric?: string;

  @ApiPropertyOptional({ description: 'Only facts read from this article (its 32-hex id)' })
  @IsOptional()
  @Matches(/^[a-f0-9]{32}$/)
  article?: string;
}

const FIELDS = [
  'id',
  'articleId',
  'metric',
  'subject',
  'period',
  'value',
  'unit',
  'qualifier',
  'evidence',
  'source',
  'publishedAt',
  'parserVersion',
] as const;

@ApiTags('observations')
@ApiProduces('application/json', 'text/csv')
@Controller({ path: 'observations', version: '1' })
export class ObservationsController {
  constructor(@InjectModel(Observation.name) private readonly observations: Model<Observation>) {}

  /** Every fact as an article reported it, with its evidence sentence. */
  @Get()
  async list(
    @Query() query: ObservationQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const filter: Record<string, unknown> = {};
    if (query.metric) filter.metric = query.metric;
    if (query.article) filter.articleId = query.article;
    const found = await findPage(this.observations, filter, query, 'string');
    const page = {
      ...found,
      items: found.items.map((doc) => {
        const item = { ...doc, id: doc._id };
        return Object.fromEntries(FIELDS.map((f) => [f, item[f]])) as Record<
          (typeof FIELDS)[number],
          string | number | null
        >;
      }),
    };
    // A CSV page has no body to carry the cursor: the next page's link goes in a Link header (RFC 8288).
    if (page.nextCursor) res.links({ next: nextPageUrl(req, page.nextCursor) });
    return respond(req, res, query.format, page, (body) => ({
      filename: 'observations',
      columns: FIELDS,
      rows: body.items,
    }));
  }
}

function nextPageUrl(req: Request, cursor: string): string {
  const url = new URL(req.originalUrl, 'http://placeholder');
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}
