import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ArticleContributions } from '../articles/catalog-article.schema';

/**
 * Versions of an article being counted into the entities, written before the entities and deleted
 * once the article document records the result. A batch cut short leaves them here, and the next try
 * learns from them what the entities holding their tokens already count.
 */
@Schema({ collection: 'pending_versions', versionKey: false })
export class PendingVersions {
  /** The article id. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: Array, required: true }) versions!: { token: string; contributions: ArticleContributions }[];
}

export const PendingVersionsSchema = SchemaFactory.createForClass(PendingVersions);
