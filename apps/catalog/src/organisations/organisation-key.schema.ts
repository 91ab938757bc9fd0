import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The identity table: one document per normalised name or alias, naming the organisation it belongs
 * to. A new key is claimed by inserting it, so replicas racing on the same new name agree on one
 * owner. Keys are never given up: a name once linked to an organisation keeps leading there (merges
 * move keys to the survivor).
 */
@Schema({ collection: 'organisation_keys', versionKey: false })
export class OrganisationKey {
  /** The normalised name (see organisationKey). */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true, index: true }) organisationId!: string;
  /** Claimed by a curator (PATCH aliases) rather than by an article. */
  @Prop({ type: Boolean }) curated?: boolean;
}

export const OrganisationKeySchema = SchemaFactory.createForClass(OrganisationKey);
