import { ReconciledValue } from './reconcile';
import { ReconciledValueDoc } from './reconciled-value.schema';

/** A reconciled value as read without its observations. */
export type StoredValue = Omit<ReconciledValueDoc, 'observations'>;

/** Whether a stored key has a value to show: reconciled, and not withdrawn by all its sources. */
export const isCurrent = (doc: StoredValue | null): doc is StoredValue =>
  doc !== null && (doc.status === 'agreed' || doc.status === 'conflict');

/** A current stored reconciled value back in the shape reconciliation produces. */
export function fromReconciledDoc({ _id, ...doc }: StoredValue): ReconciledValue {
  return { ...doc, key: _id } as ReconciledValue;
}
