import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OrganisationType } from '@app/contracts';
import { validationFailed } from '@app/platform';
import { organisationKey, organisationKeys } from '../identity/names';
import { refreshSummaries } from '../projection/entity-writes';
import { CatalogCollections } from '../store/catalog-collections';
import { EntityLocks, lockKey } from '../store/entity-locks';
import { OrganisationMerger } from './organisation-merger';
import { OrganisationResolver } from './organisation-resolver';
import { Organisation } from './organisation.schema';

export interface OrganisationPatch {
  type?: OrganisationType;
  aliases?: string[];
}

/**
 * What curators change by hand. Curated values live apart from what articles report (`curated`), so
 * later events keep adding their reports but never change what the curator set.
 */
@Injectable()
export class OrganisationCuration {
  constructor(
    @InjectModel(Organisation.name) private readonly organisations: Model<Organisation>,
    private readonly collections: CatalogCollections,
    private readonly locks: EntityLocks,
    private readonly resolver: OrganisationResolver,
    private readonly merger: OrganisationMerger,
  ) {}

  /**
   * Sets the type and/or the alias list shown. Each curated alias becomes a key of the organisation,
   * so articles naming it land here; an alias that is already another organisation's key is refused
   * (409): merging the two is what the curator means then.
   */
  async patch(id: string, patch: OrganisationPatch): Promise<void> {
    await this.live(id);
    const set: Record<string, unknown> = {};
    if (patch.type) set['curated.type'] = patch.type;
    if (patch.aliases) {
      const aliases = [...new Set(patch.aliases.map((a) => a.trim()))];
      if (aliases.some((a) => !organisationKey(a))) {
        throw validationFailed({ aliases: ['each alias must contain a letter or a digit'] });
      }
      await this.claimAliases(id, organisationKeys(aliases));
      set['curated.aliases'] = aliases;
    }
    await this.locks.hold([lockKey(this.organisations.modelName, id)], async () => {
      await this.organisations.updateOne({ _id: id }, { $set: set, $inc: { rev: 1 } });
      await refreshSummaries(this.collections.organisations, [id]);
    });
  }

  /** Merges `absorbedId` into `survivorId`; asking again for a merge that was done is answered as done. */
  async merge(survivorId: string, absorbedId: string): Promise<void> {
    if (survivorId === absorbedId) {
      throw validationFailed({ absorb: ['absorb must be another organisation than the one it merges into'] });
    }
    await this.live(survivorId);
    const absorbed = await this.organisations.findById(absorbedId, { mergedInto: 1 }).lean();
    if (!absorbed) throw new NotFoundException(`no organisation ${absorbedId}`);
    if (absorbed.mergedInto === survivorId) return;
    await this.merger.merge(survivorId, absorbedId);
  }

  private async live(id: string): Promise<void> {
    const doc = await this.organisations.findById(id, { mergedInto: 1 }).lean();
    if (!doc) throw new NotFoundException(`no organisation ${id}`);
    if (doc.mergedInto) throw new ConflictException(`organisation ${id} was merged into ${doc.mergedInto}`);
  }

  private async claimAliases(id: string, keys: string[]): Promise<void> {
    const check = async () => {
      const owners = await this.resolver.ownersOf(keys);
      const taken = keys.filter((k) => owners.has(k) && owners.get(k) !== id);
      if (taken.length) throw this.taken(taken.map((k) => [k, owners.get(k)!]));
      return owners;
    };
    const owners = await check();
    await this.resolver.insertKeys(
      keys.filter((k) => !owners.has(k)).map((k) => ({ _id: k, organisationId: id, curated: true })),
    );
    // An alias another organisation claimed between the check and the insert is refused too.
    await check();
  }

  private taken(pairs: [string, string][]): ConflictException {
    const list = pairs.map(([key, owner]) => `"${key}" is organisation ${owner}`).join('; ');
    return new ConflictException(`aliases already name other organisations (${list}); merge them instead`);
  }
}
