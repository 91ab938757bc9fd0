import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Edition, EditionContribution } from '../editions/edition.schema';
import { editionVotes, summariseEdition } from '../editions/edition-summary';
import { Exhibit, ExhibitContribution } from '../exhibits/exhibit.schema';
import { exhibitVotes, summariseExhibit } from '../exhibits/exhibit-summary';
import { Organisation, OrganisationContribution } from '../organisations/organisation.schema';
import { organisationVotes, summariseOrganisation } from '../organisations/organisation-summary';
import { Person, PersonContribution } from '../people/person.schema';
import { personVotes, summarisePerson } from '../people/person-summary';
import { EntityKind } from '../projection/entity-writes';

/** The four kinds of entity the projection counts articles into, each with its votes and summary. */
@Injectable()
export class CatalogCollections {
  readonly organisations: EntityKind<Organisation, OrganisationContribution>;
  readonly editions: EntityKind<Edition, EditionContribution>;
  readonly exhibits: EntityKind<Exhibit, ExhibitContribution>;
  readonly people: EntityKind<Person, PersonContribution>;

  constructor(
    @InjectModel(Organisation.name) organisations: Model<Organisation>,
    @InjectModel(Edition.name) editions: Model<Edition>,
    @InjectModel(Exhibit.name) exhibits: Model<Exhibit>,
    @InjectModel(Person.name) people: Model<Person>,
  ) {
    this.organisations = {
      model: organisations,
      votes: organisationVotes,
      summarise: summariseOrganisation,
      // Curated organisations and merge pointers stay when no article names them any more.
      keep: (doc) => Boolean(doc.mergedInto || doc.curated),
      closed: (doc) => Boolean(doc.mergedInto),
    };
    this.editions = { model: editions, votes: editionVotes, summarise: summariseEdition };
    this.exhibits = {
      model: exhibits,
      votes: exhibitVotes,
      summarise: summariseExhibit,
      keep: (doc) => Boolean(doc.mergedInto),
      closed: (doc) => Boolean(doc.mergedInto),
    };
    this.people = { model: people, votes: personVotes, summarise: summarisePerson };
  }
}
