import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiHeader, ApiMovedPermanentlyResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Model } from 'mongoose';
import { API_KEY_HEADER, ApiKeyGuard, findPage, validationFailed } from '@app/platform';
import { ArticleContributionsReader } from '../articles/article-contributions-reader';
import { containsText } from '../http/text-search';
import { ID_PATTERN } from '../identity/names';
import { OrganisationCuration } from './organisation-curation';
import { OrganisationDirectory } from './organisation-directory';
import { MergeBody, OrganisationPatchBody, OrganisationQuery } from './organisation-requests';
import { Organisation } from './organisation.schema';
import { organisationDetail, organisationListItem } from './organisation-views';

/**
 * Organisations, merged across articles. An id is the slug of the shortest name or alias the
 * organisation had when first seen ("catl"; long or non-ASCII names get a hash suffix), and never
 * changes. An organisation merged into another answers 301 with the survivor's location.
 */
@ApiTags('organisations')
@Controller({ path: 'organisations', version: '1' })
export class OrganisationsController {
  constructor(
    @InjectModel(Organisation.name) private readonly organisations: Model<Organisation>,
    private readonly directory: OrganisationDirectory,
    private readonly curation: OrganisationCuration,
    private readonly contributions: ArticleContributionsReader,
  ) {}

  /** Organisations by type, name or edition, ordered by id. */
  @Get()
  async list(@Query() query: OrganisationQuery) {
    const filter: Record<string, unknown> = { mergedInto: { $exists: false }, summary: { $exists: true } };
    if (query.type) filter['summary.type'] = query.type;
    if (query.edition) filter['summary.editionYears'] = query.edition;
    if (query.q) filter['summary.searchNames'] = containsText(query.q);
    const page = await findPage(this.organisations, filter, query, 'string', { tally: 0, tokens: 0 });
    return { ...page, items: page.items.map(organisationListItem) };
  }

  /** One organisation: chosen and alternative values with their articles, mentions by edition, sources. */
  @Get(':id')
  @ApiMovedPermanentlyResponse({ description: 'The organisation was merged into the one at Location.' })
  async find(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    const doc = await this.existing(id);
    if (doc.mergedInto) {
      const survivor = (await this.directory.live([id])).get(id)!;
      res.status(HttpStatus.MOVED_PERMANENTLY).location(`/v1/organisations/${survivor}`);
      return { id, mergedInto: survivor };
    }
    return this.detail(doc);
  }

  /** Curates the type and/or the aliases; later events never overwrite them. */
  @Patch(':id')
  @UseGuards(ApiKeyGuard)
  @ApiSecurity(API_KEY_HEADER)
  @ApiHeader({ name: API_KEY_HEADER, required: true })
  async patch(@Param('id') id: string, @Body() body: OrganisationPatchBody) {
    if (body.type === undefined && body.aliases === undefined) {
      throw validationFailed({
        type: ['give type, aliases or both'],
        aliases: ['give type, aliases or both'],
      });
    }
    await this.existing(id);
    await this.curation.patch(id, body);
    return this.detail(await this.existing(id));
  }

  /**
   * Absorbs another organisation: its mentions, exhibits and names move here, its id answers 301 to
   * this one from then on, and events naming any of its names land here.
   */
  @Post(':id/merge')
  @HttpCode(HttpStatus.OK)
  @UseGuards(ApiKeyGuard)
  @ApiSecurity(API_KEY_HEADER)
  @ApiHeader({ name: API_KEY_HEADER, required: true })
  async merge(@Param('id') id: string, @Body() body: MergeBody) {
    await this.existing(id);
    await this.curation.merge(id, body.absorb);
    return this.detail(await this.existing(id));
  }

  private async existing(id: string): Promise<Organisation> {
    const doc = ID_PATTERN.test(id) ? await this.organisations.findById(id).lean() : null;
    if (!doc || !(doc.summary || doc.mergedInto)) throw new NotFoundException(`no organisation ${id}`);
    return doc;
  }

  private async detail(doc: Organisation) {
    const { contributions, sources } = await this.contributions.of('organisations', [
      doc._id,
      ...(doc.mergedFrom ?? []),
    ]);
    return organisationDetail(doc, contributions, sources);
  }
}
