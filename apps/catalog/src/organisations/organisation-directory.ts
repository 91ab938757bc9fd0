import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OrganisationType } from '@app/contracts';
import { findByIds } from '../projection/entity-writes';
import { followPointers } from '../projection/pointers';
import { Organisation } from './organisation.schema';

/** How other documents show an organisation they point to. */
export interface OrganisationLink {
  id: string;
  name: string;
  type: OrganisationType | null;
}

/**
 * Read-side look-ups of organisations by id. Documents keep the organisation ids they were written
 * with; a later merge leaves those ids as pointers, which every look-up here follows.
 */
@Injectable()
export class OrganisationDirectory {
  constructor(@InjectModel(Organisation.name) private readonly organisations: Model<Organisation>) {}

  /**
   * Maps each id to the live organisation it stands for now. `visit` sees every merge pointer on the
   * way (the write side uses it to finish merges that were cut short).
   */
  async live(ids: string[], visit?: (pointer: Organisation & { mergedInto: string }) => Promise<void>) {
    return (await followPointers(this.organisations, ids, visit)) as Map<string, string>;
  }

  /** Links for the given ids (merged ones resolved to their survivor); unknown ids are left out. */
  async links(ids: string[]): Promise<Map<string, OrganisationLink>> {
    const live = await this.live(ids);
    const docs = await findByIds(this.organisations, [...new Set(live.values())]);
    const links = new Map<string, OrganisationLink>();
    for (const [id, liveId] of live) {
      const doc = docs.get(liveId);
      if (doc)
        links.set(id, { id: liveId, name: doc.summary?.name ?? liveId, type: doc.summary?.type ?? null });
    }
    return links;
  }
}
