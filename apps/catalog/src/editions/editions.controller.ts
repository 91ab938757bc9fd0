import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { ArticleContributionsReader } from '../articles/article-contributions-reader';
import { chooseValue, reportsOf } from '../attributes/reported-values';
import { Exhibit } from '../exhibits/exhibit.schema';
import { ExhibitViews } from '../exhibits/exhibit-views';
import { EditionParams } from '../http/edition-year';
import { findPage, PageQuery } from '@app/platform';
import { OrganisationDirectory, OrganisationLink } from '../organisations/organisation-directory';
import { Organisation, ROLES, Role } from '../organisations/organisation.schema';
import { Person } from '../people/person.schema';
import { PersonViews } from '../people/person-views';
import { Edition } from './edition.schema';
import { EDITION_ATTRIBUTES } from './edition-summary';

/** An edition's page lists at most this many organisations, exhibits and people each. */
const EDITION_LISTS = 1000;

/** Conference editions, keyed by year. */
@ApiTags('editions')
@Controller({ path: 'editions', version: '1' })
export class EditionsController {
  constructor(
    @InjectModel(Edition.name) private readonly editions: Model<Edition>,
    @InjectModel(Organisation.name) private readonly organisations: Model<Organisation>,
    @InjectModel(Exhibit.name) private readonly exhibits: Model<Exhibit>,
    @InjectModel(Person.name) private readonly people: Model<Person>,
    private readonly directory: OrganisationDirectory,
    private readonly contributions: ArticleContributionsReader,
    private readonly exhibitViews: ExhibitViews,
    private readonly personViews: PersonViews,
  ) {}

  /** Every edition, oldest first, with the values most articles report. */
  @Get()
  async list(@Query() query: PageQuery) {
    const page = await findPage(this.editions, { summary: { $exists: true } }, query, 'number', {
      tally: 0,
      tokens: 0,
    });
    const hosts = await this.directory.links(page.items.flatMap((d) => d.summary!.hostIds));
    const items = page.items.map(({ _id, summary }) => {
      const { hostIds, ...rest } = summary!;
      return { year: _id, ...rest, hosts: unique(hostIds.flatMap((id) => hosts.get(id) ?? [])) };
    });
    return { ...page, items };
  }

  /**
   * One edition: each attribute's chosen value and alternatives with their articles, its hosts, the
   * organisations involved by role, exhibits, people, and the articles that report on it.
   */
  @Get(':year')
  async find(@Param() { year }: EditionParams) {
    const doc = await this.editions.findById(year).lean();
    if (!doc?.summary) throw new NotFoundException(`no edition ${year}`);
    const [{ contributions, sources }, organisations, exhibits, people] = await Promise.all([
      this.contributions.of('editions', [year]),
      this.organisationsByRole(year),
      this.exhibits
        .find({ edition: year, mergedInto: { $exists: false } })
        .sort({ _id: 1 })
        .limit(EDITION_LISTS)
        .lean(),
      this.people.find({ 'summary.editionYears': year }).sort({ _id: 1 }).limit(EDITION_LISTS).lean(),
    ]);
    const attributes = Object.fromEntries(
      EDITION_ATTRIBUTES.map((a) => [a, chooseValue(reportsOf(contributions, (c) => c[a]))]),
    );
    const hostReports = reportsOf(contributions, (c) => c.hosts.map((h) => h.organisationId));
    const links = await this.directory.links(hostReports.map((r) => r.value));
    const byLive = new Map([...links.values()].map((l) => [l.id, l]));
    const hosts = chooseValue(hostReports.map((r) => ({ ...r, value: links.get(r.value)?.id ?? r.value })));
    return {
      year,
      ...Object.fromEntries(EDITION_ATTRIBUTES.map((a) => [a, doc.summary![a]])),
      hosts: hosts.values.map((h) => ({
        ...(byLive.get(h.value) ?? { id: h.value, name: h.value, type: null }),
        articles: h.articles,
      })),
      conflicts: doc.summary.conflicts,
      articleCount: doc.summary.articleCount,
      attributes,
      organisations,
      exhibits: await this.exhibitViews.of(exhibits),
      people: await this.personViews.of(people),
      sources,
    };
  }

  private async organisationsByRole(year: number): Promise<Record<Role, OrganisationLink[]>> {
    const docs = await this.organisations
      .find({ 'summary.editionYears': year, mergedInto: { $exists: false } }, { summary: 1 })
      .sort({ _id: 1 })
      .limit(EDITION_LISTS)
      .lean();
    const byRole = Object.fromEntries(ROLES.map((r) => [r, [] as OrganisationLink[]])) as Record<
      Role,
      OrganisationLink[]
    >;
    for (const { _id, summary } of docs) {
      for (const editionRole of summary!.editionRoles) {
        const [y, role] = editionRole.split(':');
        if (Number(y) === year)
          byRole[role as Role].push({ id: _id, name: summary!.name, type: summary!.type });
      }
    }
    return byRole;
  }
}

const unique = (links: OrganisationLink[]) => [...new Map(links.map((l) => [l.id, l])).values()];
