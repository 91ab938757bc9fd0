import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { CurrencyPair } from '../aggregates/usd-derivation';
import { FactRef } from './contribution-plan';

/** What one article contributes (contribution-plan.ts), written once everything it feeds is up to date. */
@Schema({ collection: 'article_contributions', versionKey: false })
export class ContributionDoc {
  /** The article id. */
  @Prop({ type: String }) _id!: string;
  @Prop({ required: true }) parserVersion!: string;
  /** Empty while only the pairs of a new article are stored (see ContributionWriter.writePairs). */
  @Prop({ type: String, default: '' }) fingerprint!: string;
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) facts!: FactRef[];
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) pairs!: CurrencyPair[];
}

export const ContributionSchema = SchemaFactory.createForClass(ContributionDoc);
