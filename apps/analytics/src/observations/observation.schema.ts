import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One numeric fact as one article reported it, with the sentence it came from. */
@Schema({ collection: 'observations', versionKey: false })
export class Observation {
  /** articleId + position of the fact in the article's record. */
  @Prop({ type: String }) _id!: string;
  @Prop({ required: true, index: true }) articleId!: string;
  @Prop({ required: true, index: true }) metric!: string;
  @Prop({ required: true }) subject!: string;
  @Prop({ type: String, default: null }) period!: string | null;
  @Prop({ required: true }) value!: number;
  @Prop({ required: true }) unit!: string;
  @Prop({ required: true }) qualifier!: string;
  @Prop({ required: true }) evidence!: string;
  @Prop({ required: true }) source!: string;
  @Prop({ required: true }) title!: string;
  @Prop({ type: String, default: null }) publishedAt!: string | null;
  @Prop({ required: true }) parserVersion!: string;
  /** The metric key it is reconciled under (keys/metric-key.ts); null for metric `other`. */
  @Prop({ type: String, default: null }) key!: string | null;
  @Prop({ type: String, default: null }) series!: string | null;
  @Prop({ type: Number, default: null }) edition!: number | null;
}

export const ObservationSchema = SchemaFactory.createForClass(Observation);
