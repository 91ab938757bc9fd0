import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Which version of each article the catalog has recorded, apart from the article documents so that a
 * batch learns it without reading those (large) documents: on FerretDB every query reads through its
 * whole collection, and this one stays small.
 */
@Schema({ collection: 'article_versions', versionKey: false })
export class ArticleVersion {
  /** The article id. */
  @Prop({ type: String }) _id!: string;
  /** Identifies what the article contributes (see versionOf). */
  @Prop({ type: String, required: true }) version!: string;
  /** Identifies the article's own fields (title, parser version...): a change rewrites its document. */
  @Prop({ type: String, required: true }) fields!: string;
}

export const ArticleVersionSchema = SchemaFactory.createForClass(ArticleVersion);
