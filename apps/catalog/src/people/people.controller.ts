import { Controller, Get, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { EditionFilter } from '../http/edition-year';
import { findPage, PageQuery } from '@app/platform';
import { containsText, SearchText } from '../http/text-search';
import { Person } from './person.schema';
import { PersonViews } from './person-views';

export class PeopleQuery extends PageQuery {
  @SearchText() q?: string;

  @EditionFilter() edition?: number;
}

/** People quoted or named, one per normalised name; ids are slugs of it ("zeng-yuqun"). */
@ApiTags('people')
@Controller({ path: 'people', version: '1' })
export class PeopleController {
  constructor(
    @InjectModel(Person.name) private readonly people: Model<Person>,
    private readonly views: PersonViews,
  ) {}

  @Get()
  async list(@Query() query: PeopleQuery) {
    const filter: Record<string, unknown> = { summary: { $exists: true } };
    if (query.edition) filter['summary.editionYears'] = query.edition;
    if (query.q) filter.key = containsText(query.q);
    const page = await findPage(this.people, filter, query, 'string');
    return { ...page, items: await this.views.of(page.items) };
  }
}
