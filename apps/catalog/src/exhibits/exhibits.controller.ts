import { Controller, Get, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Model } from 'mongoose';
import { EXHIBIT_CATEGORIES, ExhibitCategory } from '@app/contracts';
import { EditionFilter } from '../http/edition-year';
import { findPage, PageQuery } from '@app/platform';
import { containsText, SearchText } from '../http/text-search';
import { ID_PATTERN } from '../identity/names';
import { OrganisationDirectory } from '../organisations/organisation-directory';
import { Exhibit } from './exhibit.schema';
import { ExhibitViews } from './exhibit-views';

export class ExhibitQuery extends PageQuery {
  @EditionFilter() edition?: number;

  @ApiPropertyOptional({ enum: EXHIBIT_CATEGORIES })
  @IsOptional()
  @IsIn(EXHIBIT_CATEGORIES)
  category?: ExhibitCategory;

  @ApiPropertyOptional({ description: 'Organisation id of the maker (a merged id finds its survivor).' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'maker must be an organisation id' })
  maker?: string;

  @SearchText() q?: string;
}

/** Exhibits: what was shown at which edition, by whom. Ids read as edition and name. */
@ApiTags('exhibits')
@Controller({ path: 'exhibits', version: '1' })
export class ExhibitsController {
  constructor(
    @InjectModel(Exhibit.name) private readonly exhibits: Model<Exhibit>,
    private readonly directory: OrganisationDirectory,
    private readonly views: ExhibitViews,
  ) {}

  @Get()
  async list(@Query() query: ExhibitQuery) {
    const filter: Record<string, unknown> = { summary: { $exists: true }, mergedInto: { $exists: false } };
    if (query.edition) filter.edition = query.edition;
    if (query.category) filter['summary.category'] = query.category;
    if (query.maker) filter.makerId = (await this.directory.live([query.maker])).get(query.maker);
    if (query.q) filter['summary.searchNames'] = containsText(query.q);
    const page = await findPage(this.exhibits, filter, query, 'string');
    return { ...page, items: await this.views.of(page.items) };
  }
}
