import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OrganisationRef } from '../editions/edition.schema';
import { Tally } from '../projection/tally';

/** What one article says about a person (kept on the article's document). */
export interface PersonContribution {
  name: string;
  title: string | null;
  affiliation: OrganisationRef | null;
  edition: number | null;
}

export interface PersonSummary {
  name: string;
  title: string | null;
  /** The organisation id most articles give, as it was when counted (follow merges when showing it). */
  affiliationId: string | null;
  editionYears: number[];
  conflicts: string[];
  articleCount: number;
}

/** A person quoted or named, one document per normalised name. */
@Schema({ collection: 'people', versionKey: false, minimize: false })
export class Person {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, index: true }) key?: string;
  @Prop({ type: Array }) tally?: Tally;
  @Prop({ type: [String], default: undefined, index: true }) tokens?: string[];
  @Prop({ type: Number }) rev?: number;
  @Prop({ type: Object }) summary?: PersonSummary;
}

export const PersonSchema = SchemaFactory.createForClass(Person);
PersonSchema.index({ 'summary.editionYears': 1 });
