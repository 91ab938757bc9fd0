import { Model } from 'mongoose';
import { DocumentId, findByIds } from './entity-writes';

/** A document left behind by a merge, pointing to where its content went. */
export interface Pointer {
  _id: DocumentId;
  mergedInto?: string;
  mergePending?: boolean;
}

/** Merges flatten pointer chains; a longer one means something is wrong. */
const MAX_HOPS = 10;

/**
 * Maps each id to the live document it stands for now, following merge pointers; ids of live or
 * unknown documents map to themselves. `visit` sees every pointer on the way.
 */
export async function followPointers<D extends Pointer>(
  model: Model<D>,
  ids: DocumentId[],
  visit: (pointer: D & { mergedInto: string }) => Promise<void> = async () => {},
): Promise<Map<DocumentId, DocumentId>> {
  const target = new Map(ids.map((id) => [id, id]));
  let pending = [...new Set(ids)];
  for (let hop = 0; pending.length && hop < MAX_HOPS; hop++) {
    const pointers = [...(await findByIds(model, pending)).values()].filter(
      (d): d is D & { mergedInto: string } => Boolean(d.mergedInto),
    );
    for (const p of pointers) await visit(p);
    const next = new Map(pointers.map((p) => [p._id, p.mergedInto]));
    for (const [id, current] of target) if (next.has(current)) target.set(id, next.get(current)!);
    pending = [...new Set(next.values())];
  }
  return target;
}
