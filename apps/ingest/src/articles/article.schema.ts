import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

export type ArticleStatus = 'pending' | 'published';

/**
 * The raw article as received, kept so that a parser upgrade can re-parse and re-publish it.
 * `_id` is the article id derived from the body, which is what makes ingest deduplicate by content.
 */
@Schema({ collection: 'articles', versionKey: false })
export class StoredArticle {
  @Prop({ type: String }) _id!: string;
  @Prop({ required: true }) bodyHash!: string;
  @Prop({ required: true }) title!: string;
  @Prop({ required: true }) body!: string;
  @Prop({ required: true }) source!: string;
  @Prop({ type: String, default: null }) url!: string | null;
  @Prop({ type: String, default: null }) publishedAt!: string | null;
  @Prop({ required: true }) receivedAt!: Date;
  @Prop({ required: true }) status!: ArticleStatus;
  @Prop({ type: String, default: null }) parserVersion!: string | null;
}

export type StoredArticleDocument = HydratedDocument<StoredArticle>;
export const StoredArticleSchema = SchemaFactory.createForClass(StoredArticle);
