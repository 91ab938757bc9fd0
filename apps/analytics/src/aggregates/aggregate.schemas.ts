import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { KeyedFigure, UsdFigure } from './edition-aggregate';
import { SeriesPoint } from './series-aggregate';

const Figure = { type: MongooseSchema.Types.Mixed, default: null };

/** One conference edition's headline figures (edition-aggregate.ts), maintained as events are consumed. */
@Schema({ collection: 'edition_aggregates', versionKey: false })
export class EditionAggregateDoc {
  /** The edition's year. */
  @Prop({ type: Number }) _id!: number;
  @Prop(Figure) projects!: KeyedFigure | null;
  @Prop(Figure) investmentCny!: KeyedFigure | null;
  @Prop(Figure) investmentUsd!: UsdFigure | null;
  @Prop(Figure) attendance!: KeyedFigure | null;
  @Prop(Figure) jobs!: KeyedFigure | null;
  /** The sum of the revisions of the keys it was built from: a later build has a larger one. */
  @Prop({ type: Number, default: 0 }) inputRev!: number;
}

/**
 * One series: a metric and a subject over periods. `keys` lists every metric key ever reported in it
 * ($addToSet as articles arrive), so its points are read by _id; for charted metrics the aggregate
 * (series-aggregate.ts) is kept here too, empty when no point is left.
 */
@Schema({ collection: 'series', versionKey: false })
export class SeriesDoc {
  /** The series id: metric and subject tokens. */
  @Prop({ type: String }) _id!: string;
  @Prop({ required: true, index: true }) metric!: string;
  @Prop({ type: [String], default: [] }) keys!: string[];
  @Prop({ type: String, default: null }) subject!: string | null;
  @Prop({ type: String, default: '' }) scope!: string;
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) points!: SeriesPoint[];
  /** The sum of the revisions of the keys its points were built from: a later build has a larger one. */
  @Prop({ type: Number, default: 0 }) inputRev!: number;
}

export const EditionAggregateSchema = SchemaFactory.createForClass(EditionAggregateDoc);
export const SeriesSchema = SchemaFactory.createForClass(SeriesDoc);
