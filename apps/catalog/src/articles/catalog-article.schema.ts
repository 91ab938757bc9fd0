import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

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
  @Prop({ type: [Number], default: [] }) editionYears!: number[];
  @Prop({ type: [String], default: [] }) organisations!: string[];
}

export const CatalogArticleSchema = SchemaFactory.createForClass(CatalogArticle);
