import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { byPreference, slugId } from '../identity/names';
import { isDuplicateKey } from '@app/platform';
import { findByIds } from '../projection/entity-writes';
import { Claim, clusterClaims } from './claim-clusters';
import { OrganisationDirectory } from './organisation-directory';
import { OrganisationKey } from './organisation-key.schema';
import { OrganisationMerger } from './organisation-merger';

const preferred = (values: string[]): string | undefined => [...values].sort(byPreference)[0];

/**
 * Decides which organisation each claim is, through the identity table of keys. A new name is
 * claimed by inserting its key; when replicas race, the first insert wins and the others read it.
 * When the keys of one organisation turn out to belong to several (two replicas created it at once,
 * or an article names both the short form and the full name that earlier articles used apart), those
 * are merged into the preferred id (see byPreference), the same choice every replica makes.
 */
@Injectable()
export class OrganisationResolver {
  constructor(
    @InjectModel(OrganisationKey.name) private readonly keys: Model<OrganisationKey>,
    private readonly directory: OrganisationDirectory,
    private readonly merger: OrganisationMerger,
  ) {}

  /** The organisation id of each claim, in order. */
  async resolve(claims: Claim[]): Promise<string[]> {
    const clusters = clusterClaims(claims);
    const allKeys = [...new Set(clusters.flatMap((c) => c.keys))];
    const known = await this.ownersOf(allKeys);
    const fresh = clusters.flatMap((c) => {
      const id = preferred(c.keys.flatMap((k) => known.get(k) ?? [])) ?? slugId(preferred(c.keys)!);
      return c.keys.filter((k) => !known.has(k)).map((k) => ({ _id: k, organisationId: id }));
    });
    await this.insertKeys(fresh);
    const owners = fresh.length ? await this.ownersOf(allKeys) : known;

    const ids = new Array<string>(claims.length);
    for (const cluster of clusters) {
      const [survivor, ...others] = [...new Set(cluster.keys.map((k) => owners.get(k)!))].sort(byPreference);
      for (const other of others) await this.merger.merge(survivor, other);
      for (const j of cluster.claims) ids[j] = survivor;
    }
    return ids;
  }

  /** Inserts keys; one another replica inserted first keeps its owner (read back by the caller). */
  async insertKeys(keys: OrganisationKey[]): Promise<void> {
    if (!keys.length) return;
    try {
      await this.keys.insertMany(keys, { ordered: false });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** The live organisation each key belongs to, following merge pointers (and finishing merges cut short). */
  async ownersOf(keys: string[]): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    const docs = [...(await findByIds(this.keys, keys)).values()];
    const live = await this.directory.live(
      docs.map((d) => d.organisationId),
      (pointer) =>
        pointer.mergePending ? this.merger.finish(pointer._id, pointer.mergedInto) : Promise.resolve(),
    );
    return new Map(docs.map((d) => [d._id, live.get(d.organisationId) ?? d.organisationId]));
  }
}
