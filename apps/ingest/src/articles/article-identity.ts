import { createHash } from 'node:crypto';

/**
 * Two submissions are the same article when their bodies match once Unicode forms and white space are
 * normalised; the id is derived from that hash, so a resubmission maps to the same id everywhere.
 */
export function articleIdentity(body: string): { bodyHash: string; articleId: string } {
  const normalised = body.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const bodyHash = createHash('sha256').update(normalised).digest('hex');
  return { bodyHash, articleId: bodyHash.slice(0, 32) };
}
