import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import { Figure, FigureStatus, Report } from './figure';

/**
 * One metric key: the observations reported under it, kept in the document itself so that a
 * recomputation reads one document by _id, and the value reconciled from them (reconcile.ts).
 * Articles join and leave with $set/$unset of `observations.<id>`, so concurrent writers merge; `rev`
 * counts the writes (see reconciler.ts). A key whose observations are all gone stays, `withdrawn`, so
 * that a concurrent join is never deleted with it and its revisions keep counting up.
 */
@Schema({ collection: 'reconciled_values', versionKey: false })
export class ReconciledValueDoc {
  /** The metric key. */
  @Prop({ type: String }) _id!: string;
  @Prop({ required: true, index: true }) metric!: string;
  @Prop({ required: true }) series!: string;
  @Prop({ type: String, default: null }) period!: string | null;
  @Prop({ type: Number, default: null }) edition!: number | null;
  /** Observation id -> what it reported: enough to reconcile; the figures carry the sources they show. */
  @Prop({ type: MongooseSchema.Types.Mixed }) observations!: Record<string, Report>;
  @Prop({ type: Number, default: 0 }) rev!: number;
  /** Null until first reconciled. */
  @Prop({ type: String, default: null, index: true }) status!: FigureStatus | 'withdrawn' | null;
  @Prop({ type: String, default: null }) subject!: string | null;
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) figures!: Figure[];
}

export const ReconciledValueSchema = SchemaFactory.createForClass(ReconciledValueDoc);

/** Reads of reconciled values leave the observations out: the figures carry their sources. */
export const WITHOUT_OBSERVATIONS = { observations: 0 } as const;
