import { ConflictException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { bulkWriteInCommands, isDuplicateKey } from '@app/platform';
import { Exhibit } from '../exhibits/exhibit.schema';
import { exhibitId } from '../identity/names';
import { DocumentId, EntityDoc, EntityKind, findByIds, WriteConflict } from '../projection/entity-writes';
import { addVotes, Tally } from '../projection/tally';
import { CatalogCollections } from '../store/catalog-collections';
import { EntityLocks, lockKey } from '../store/entity-locks';
import { OrganisationKey } from './organisation-key.schema';
import { Curation, Organisation } from './organisation.schema';

const unique = <T>(values: T[]): T[] => [...new Set(values)];
const CONFLICT_ATTEMPTS = 10;

/** Two tallies added up. */
export function addTallies(a: Tally | undefined, b: Tally | undefined): Tally {
  return (b ?? []).reduce((sum, e) => addVotes(sum, { [e.a]: [e.v] }, e.n), a ?? []);
}

/**
 * Curation survives a merge: the survivor's curated type wins, else the absorbed one's; if either had
 * curated aliases, the merged list holds both lists (or what each showed) and the absorbed name.
 */
export function combineCurations(
  survivor: Organisation | undefined,
  absorbed: Organisation,
): Curation | undefined {
  const s = survivor?.curated;
  const a = absorbed.curated;
  if (!s && !a) return s;
  const curation: Curation = {};
  const type = s?.type ?? a?.type;
  if (type) curation.type = type;
  if (s?.aliases || a?.aliases) {
    curation.aliases = unique([
      ...(s?.aliases ?? survivor?.summary?.aliases ?? []),
      ...(a?.aliases ?? absorbed.summary?.aliases ?? []),
      ...(absorbed.summary?.name ? [absorbed.summary.name] : []),
    ]).filter((x) => x !== survivor?.summary?.name);
  }
  return curation;
}

type Mergeable = EntityDoc & { mergedInto?: string; mergePending?: boolean; mergedFrom?: string[] };

/**
 * Merges one organisation into another, for a curator or when an article shows two organisations to
 * be one. FerretDB has no transactions, so a merge is a sequence of steps that can be run again from
 * the start: mark the absorbed organisation as a pointer (the projection writes nothing to a pointer
 * and resolves the batch again), hand its keys to the survivor (later events land there), add its
 * counts to the survivor's under a merge token (so they are added once), move its exhibits the same
 * way, and clear it. `mergePending` stays set until the end, so a merge cut short is finished by
 * whoever next resolves one of its keys. Articles keep the ids they were recorded with; readers
 * follow the pointers (and `mergedFrom`). Both organisations are locked meanwhile (see EntityLocks).
 */
@Injectable()
export class OrganisationMerger {
  constructor(
    @InjectModel(Organisation.name) private readonly organisations: Model<Organisation>,
    @InjectModel(OrganisationKey.name) private readonly keys: Model<OrganisationKey>,
    @InjectModel(Exhibit.name) private readonly exhibits: Model<Exhibit>,
    private readonly collections: CatalogCollections,
    private readonly locks: EntityLocks,
  ) {}

  async merge(survivorId: string, absorbedId: string): Promise<void> {
    const absorbed = await this.organisations.findById(absorbedId, { mergedInto: 1 }).lean();
    if (absorbed?.mergedInto && absorbed.mergedInto !== survivorId) {
      throw new ConflictException(
        `organisation ${absorbedId} was already merged into ${absorbed.mergedInto}`,
      );
    }
    await this.markPointer(this.organisations, absorbedId, survivorId);
    await this.finish(absorbedId, survivorId);
  }

  /** The steps after the pointer is set; safe to run any number of times. */
  async finish(absorbedId: string, survivorId: string): Promise<void> {
    await this.keys.updateMany({ organisationId: absorbedId }, { $set: { organisationId: survivorId } });
    await this.absorb(this.collections.organisations, survivorId, absorbedId, (survivor, absorbed) => {
      const curated = combineCurations(survivor as Organisation | undefined, absorbed as Organisation);
      return curated ? { curated } : {};
    });
    const exhibits = await this.exhibits.find({ makerId: absorbedId }).lean();
    for (const x of exhibits.filter((e) => !e.mergedInto || e.mergePending)) {
      const target = exhibitId(x.edition ?? null, x.key ?? '', survivorId);
      const keys = [x._id, target].map((id) => lockKey(this.exhibits.modelName, id));
      await this.locks.hold(keys, async () => {
        await this.markPointer(this.exhibits, x._id, target);
        await this.absorb(this.collections.exhibits, target, x._id, () => ({}), {
          edition: x.edition ?? null,
          makerId: survivorId,
          key: x.key,
        });
        await this.exhibits.updateOne({ _id: x._id }, { $unset: { mergePending: '' } });
      });
    }
    // Pointers to the absorbed organisation now lead straight to the survivor.
    await this.organisations.updateMany({ mergedInto: absorbedId }, { $set: { mergedInto: survivorId } });
    await this.organisations.updateOne({ _id: absorbedId }, { $unset: { mergePending: '' } });
  }

  private async markPointer<D>(model: Model<D>, id: DocumentId, into: string): Promise<void> {
    await model.updateOne(
      { _id: id },
      { $set: { mergedInto: into, mergePending: true }, $inc: { rev: 1 } } as object,
      { upsert: true },
    );
  }

  /**
   * Adds the absorbed entity's counts (and in-flight article tokens) to the survivor once, marked by
   * a merge token, then clears the absorbed one and the token. `extra` gives fields of the survivor
   * derived from both (curation); `identity` the fields a survivor created here starts with.
   */
  private async absorb<D extends Mergeable>(
    kind: Pick<EntityKind<D, never>, 'model' | 'summarise'>,
    survivorId: string,
    absorbedId: DocumentId,
    extra: (survivor: D | undefined, absorbed: D) => Record<string, unknown>,
    identity: Record<string, unknown> = {},
  ): Promise<void> {
    const token = `merge:${absorbedId}`;
    for (let attempt = 1; ; attempt++) {
      const docs = await findByIds(kind.model, [survivorId, absorbedId]);
      const survivor = docs.get(survivorId);
      const absorbed = docs.get(absorbedId);
      if (!absorbed?.tally?.length || survivor?.tokens?.includes(token)) break;
      const next = {
        ...identity,
        ...survivor,
        _id: survivorId,
        tally: addTallies(survivor?.tally, absorbed.tally),
        tokens: unique([...(survivor?.tokens ?? []), ...(absorbed.tokens ?? []), token]),
        mergedFrom: unique([
          ...(survivor?.mergedFrom ?? []),
          String(absorbedId),
          ...(absorbed.mergedFrom ?? []),
        ]),
        ...extra(survivor, absorbed),
      } as D;
      // _id and rev are the filter and the counter, never set.
      const { _id: _ignoredId, rev: _ignoredRev, ...fields } = { ...next, summary: kind.summarise(next) };
      const op = survivor
        ? {
            updateOne: {
              filter: { _id: survivorId, rev: survivor.rev },
              update: { $set: fields, $inc: { rev: 1 } },
            },
          }
        : { insertOne: { document: { ...fields, _id: survivorId, rev: 1 } } };
      const written = await bulkWriteInCommands(kind.model, [op]).then(
        (r) => !survivor || r.matchedCount === 1,
        (error: unknown) => {
          if (isDuplicateKey(error)) return false;
          throw error;
        },
      );
      if (written) break;
      if (attempt >= CONFLICT_ATTEMPTS)
        throw new WriteConflict(`could not merge ${absorbedId} into ${survivorId}`);
    }
    await kind.model.updateOne({ _id: absorbedId }, {
      $set: { tally: [], tokens: [], mergedFrom: [] },
      $unset: { summary: '', curated: '' },
      $inc: { rev: 1 },
    } as object);
    await kind.model.updateOne(
      { _id: survivorId, tokens: token } as object,
      {
        $pullAll: { tokens: [token] },
        $inc: { rev: 1 },
      } as object,
    );
  }
}
