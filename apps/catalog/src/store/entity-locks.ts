import { Injectable } from '@nestjs/common';
import { InjectModel, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { isDuplicateKey, writeErrorsOf } from '@app/platform';

/** A writer's claim on one entity, for a limited time. */
@Schema({ collection: 'entity_locks', versionKey: false })
export class EntityLock {
  /** `<collection>:<entity id>`. */
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) owner!: string;
  @Prop({ type: Date, required: true }) expiresAt!: Date;
}

export const EntityLockSchema = SchemaFactory.createForClass(EntityLock);

/** Longer than any batch takes; a replica that died holding a lock blocks the others this long. */
const LEASE_MS = 60_000;

/**
 * Exclusive access to entities across replicas. Needed because FerretDB 1.x (what the local stack
 * runs) does not apply concurrent updates of one document atomically: two `$inc`s, or two updates
 * guarded by the same revision, can both report success while one is lost. Inserting a document
 * with a given `_id` is atomic there too, so a lock is a document: inserting it takes the lock, a
 * duplicate key means another writer holds it. Locks are taken all at once or not at all (no
 * deadlock), and one left by a writer that died is taken over once its lease ran out.
 */
@Injectable()
export class EntityLocks {
  private readonly owner = randomUUID();

  constructor(@InjectModel(EntityLock.name) private readonly locks: Model<EntityLock>) {}

  async hold<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    const ids = [...new Set(keys)];
    if (!ids.length) return work();
    await this.acquire(ids);
    try {
      return await work();
    } finally {
      await this.locks.deleteMany({ _id: { $in: ids }, owner: this.owner });
    }
  }

  private async acquire(ids: string[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const held = await this.tryInsert(ids);
      if (!held.length) return;
      await this.locks.deleteMany({
        _id: { $in: ids.filter((id) => !held.includes(id)) },
        owner: this.owner,
      });
      await this.locks.deleteMany({ _id: { $in: held }, expiresAt: { $lt: new Date() } });
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(1000, 20 * 2 ** Math.min(attempt, 6)) * Math.random()),
      );
    }
  }

  /** Inserts the locks; returns the ids another writer holds. */
  private async tryInsert(ids: string[]): Promise<string[]> {
    const expiresAt = new Date(Date.now() + LEASE_MS);
    try {
      await this.locks.insertMany(
        ids.map((_id) => ({ _id, owner: this.owner, expiresAt })),
        { ordered: false },
      );
      return [];
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return writeErrorsOf(error).map((w) => ids[w.index]);
    }
  }
}

/** The lock key of an entity. */
export const lockKey = (collection: string, id: string | number): string => `${collection}:${id}`;
