import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ExhibitCategory } from '@app/contracts';
import { Tally } from '../projection/tally';

/** What one article says about an exhibit (kept on the article's document). */
export interface ExhibitContribution {
  name: string;
  category: ExhibitCategory;
  makerName: string | null;
}

/** Edition, maker and normalised name: what makes an exhibit one. */
export interface ExhibitIdentity {
  edition: number | null;
  makerId: string | null;
  key: string;
}

export interface ExhibitSummary {
  name: string;
  category: ExhibitCategory;
  searchNames: string[];
  conflicts: string[];
  articleCount: number;
}

/** Something shown at an edition by one maker. */
@Schema({ collection: 'exhibits', versionKey: false, minimize: false })
export class Exhibit {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: Number, index: true }) edition?: number | null;
  @Prop({ type: String, index: true }) makerId?: string | null;
  @Prop({ type: String }) key?: string;
  @Prop({ type: Array }) tally?: Tally;
  @Prop({ type: [String], default: undefined, index: true }) tokens?: string[];
  @Prop({ type: Number }) rev?: number;
  @Prop({ type: Object }) summary?: ExhibitSummary;
  /** Set when its maker was merged into another organisation and the exhibit moved to a new id. */
  @Prop({ type: String }) mergedInto?: string;
  @Prop({ type: Boolean }) mergePending?: boolean;
  /** Exhibits moved here by a merge: articles recorded under their ids are this one's too. */
  @Prop({ type: [String], default: undefined }) mergedFrom?: string[];
}

export const ExhibitSchema = SchemaFactory.createForClass(Exhibit);
ExhibitSchema.index({ 'summary.category': 1 });
