import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Tally } from '../projection/tally';

/** An organisation as an article names it, with the id it resolved to when the article was read. */
export interface OrganisationRef {
  name: string;
  organisationId: string;
}

/** What one article says about an edition (kept on the article's document). */
export interface EditionContribution {
  name: string;
  city: string | null;
  startDate: string | null;
  endDate: string | null;
  guestOfHonour: string | null;
  hosts: OrganisationRef[];
}

/** The values most articles report, kept for the list of editions. */
export interface EditionSummary {
  name: string | null;
  city: string | null;
  startDate: string | null;
  endDate: string | null;
  guestOfHonour: string | null;
  /** Host organisation ids, most-named first, as resolved when read (follow merges when showing them). */
  hostIds: string[];
  conflicts: string[];
  articleCount: number;
}

/** One edition of the conference, keyed by its year. */
@Schema({ collection: 'editions', versionKey: false, minimize: false })
export class Edition {
  @Prop({ type: Number }) _id!: number;
  @Prop({ type: Array }) tally?: Tally;
  @Prop({ type: [String], default: undefined, index: true }) tokens?: string[];
  @Prop({ type: Number }) rev?: number;
  @Prop({ type: Object }) summary?: EditionSummary;
}

export const EditionSchema = SchemaFactory.createForClass(Edition);
