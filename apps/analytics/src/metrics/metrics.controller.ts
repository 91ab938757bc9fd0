import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { validationFailed } from '@app/platform';
import { respond } from '../csv/csv-response';
import { batteryTable, investmentTable, productionTable, reconciledTable } from './csv-tables';
import { MetricsReader } from './metrics-reader';
import {
  ConflictsQuery,
  FormatQuery,
  InvestmentQuery,
  ProductionQuery,
  SeriesQuery,
} from './metrics.queries';

/**
 * Reconciled figures of the industry. Every figure carries its sources (article, outlet, date and the
 * sentence it was read from); a figure reported with values that cannot agree is a conflict listing each.
 */
@ApiTags('metrics')
@ApiProduces('application/json', 'text/csv')
@Controller({ path: 'metrics', version: '1' })
export class MetricsController {
  constructor(private readonly reader: MetricsReader) {}

  @Get('investment')
  @ApiOkResponse({
    description:
      'Per conference edition: projects signed, investment in CNY and USD (derived: true when converted at a rate a source article implies), attendance, jobs expected, and cumulative investment',
  })
  async investment(
    @Query() query: InvestmentQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw validationFailed({ from: ['from must not be after to'] });
    }
    return respond(
      req,
      res,
      query.format,
      await this.reader.investment(query.from, query.to),
      investmentTable,
    );
  }

  @Get('production')
  @ApiOkResponse({
    description: 'Vehicle production and sales series per year, with year-on-year growth computed and stated',
  })
  async production(
    @Query() query: ProductionQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return respond(req, res, query.format, await this.reader.production(query.subject), productionTable);
  }

  @Get('battery')
  @ApiOkResponse({
    description: 'Battery GWh, plant capacity and output value per region or company and period',
  })
  async battery(@Query() query: FormatQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return respond(req, res, query.format, await this.reader.battery(), batteryTable);
  }

  @Get('series')
  @ApiOkResponse({ description: 'One metric over periods for a subject; the subject may be worded freely' })
  async series(@Query() query: SeriesQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const body = await this.reader.seriesOf(query.metric, query.subject);
    return respond(req, res, query.format, body, (b) => reconciledTable('series', b.points));
  }

  @Get('conflicts')
  @ApiOkResponse({
    description: 'Figures reported with values that disagree, with every value and its sources',
  })
  async conflicts(
    @Query() query: ConflictsQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const body = await this.reader.conflicts(query.metric);
    return respond(req, res, query.format, body, (b) => reconciledTable('conflicts', b.items));
  }
}
