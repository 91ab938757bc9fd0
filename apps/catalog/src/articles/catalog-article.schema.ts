import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { EditionContribution } from '../editions/edition.schema';
import { ExhibitContribution, ExhibitIdentity } from '../exhibits/exhibit.schema';
import { OrganisationContribution } from '../organisations/organisation.schema';
import { PersonContribution } from '../people/person.schema';

/**
 * Everything one article contributes to the catalog, by the id of the entity it goes to. This is the
 * only place the per-article detail lives (evidence, which article said what); entities keep counts.
 */
export interface ArticleContributions {
  organisations: Array<{ id: string } & OrganisationContribution>;
  editions: Array<{ id: number } & EditionContribution>;
  exhibits: Array<{ id: string } & ExhibitIdentity & ExhibitContribution>;
  people: Array<{ id: string; key: string } & PersonContribution>;
}

export type EntityField = keyof ArticleContributions;
export const ENTITY_FIELDS: EntityField[] = ['organisations', 'editions', 'exhibits', 'people'];

/** One document per article the catalog has read, with what it found in it. */
@Schema({ collection: 'articles', versionKey: false })
export class CatalogArticle {
  @Prop({ type: String }) _id!: string;
  @Prop({ required: true }) title!: string;
  @Prop({ required: true }) source!: string;
  @Prop({ type: String, default: null }) url!: string | null;
  @Prop({ type: String, default: null }) publishedAt!: string | null;
  @Prop({ required: true }) parserVersion!: string;
  @Prop({ required: true }) ingestedAt!: string;
  /** The edition its exhibits, people and mentions were attributed to (see articleEdition). */
  @Prop({ type: Number, default: null }) edition!: number | null;
  @Prop({ type: [Number], default: [] }) editionYears!: number[];
  @Prop({ type: [String], default: [] }) organisations!: string[];
  @Prop({ type: Object, required: true }) contributions!: ArticleContributions;
}

export const CatalogArticleSchema = SchemaFactory.createForClass(CatalogArticle);
for (const field of ['organisations', 'editions', 'exhibits', 'people']) {
  CatalogArticleSchema.index({ [`contributions.${field}.id`]: 1 });
}
