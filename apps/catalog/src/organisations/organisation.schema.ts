import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { OrganisationType } from '@app/contracts';
import { Tally } from '../projection/tally';

export const ROLES = ['host', 'exhibitor', 'signatory', 'speaker-affiliation', 'mentioned'] as const;
export type Role = (typeof ROLES)[number];

/** One way an article involves an organisation. */
export interface Mention {
  edition: number | null;
  role: Role;
  /** What the role is about: the edition hosted, the exhibit shown, the person quoted, the deal signed. */
  detail: string | null;
  /** A sentence of the article naming the organisation, when the parser kept one. */
  evidence: string | null;
}

/** What one article says about an organisation (kept on the article's document). */
export interface OrganisationContribution {
  /** Names the article gives it as a name (a host, maker or affiliation counts). */
  names: string[];
  aliases: string[];
  /** Null when the article only names it (as a maker, say) without typing it. */
  type: OrganisationType | null;
  mentions: Mention[];
}

/** What curators set by hand; events never overwrite it. */
export interface Curation {
  type?: OrganisationType;
  aliases?: string[];
}

/** What lists and filters use, derived from the tally and the curation. */
export interface OrganisationSummary {
  name: string;
  type: OrganisationType | null;
  aliases: string[];
  /** Lowercase names and aliases without punctuation, for `q`. */
  searchNames: string[];
  editionYears: number[];
  /** "2024:exhibitor": which role at which edition, for an edition's organisations by role. */
  editionRoles: string[];
  roles: Role[];
  /** Attributes the articles disagree on. */
  conflicts: string[];
  articleCount: number;
}

/**
 * An organisation, merged across articles: how many articles gave each name, type, edition and role
 * (`tally`), what curators set, and the summary derived from both. An organisation absorbed by a
 * merge stays as a pointer (`mergedInto`) so that its id keeps answering.
 */
@Schema({ collection: 'organisations', versionKey: false, minimize: false })
export class Organisation {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: Array }) tally?: Tally;
  @Prop({ type: [String], default: undefined, index: true }) tokens?: string[];
  @Prop({ type: Number }) rev?: number;
  @Prop({ type: Object }) summary?: OrganisationSummary;
  @Prop({ type: Object }) curated?: Curation;
  @Prop({ type: String, index: { sparse: true } }) mergedInto?: string;
  /** Set while a merge is moving this organisation's counts away; a merge cut short is finished. */
  @Prop({ type: Boolean }) mergePending?: boolean;
  /** Organisations merged into this one: articles recorded under their ids are this one's too. */
  @Prop({ type: [String], default: undefined }) mergedFrom?: string[];
}

export const OrganisationSchema = SchemaFactory.createForClass(Organisation);
OrganisationSchema.index({ 'summary.type': 1 });
OrganisationSchema.index({ 'summary.editionYears': 1 });
