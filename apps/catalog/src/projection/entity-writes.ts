import { isDeepStrictEqual } from 'node:util';
import { Model } from 'mongoose';
import { bulkWriteInCommands, isDuplicateKey } from '@app/platform';
import { addVotes, articleCount, Tally, Votes } from './tally';

export type DocumentId = string | number;

/**
 * An entity of the catalog (organisation, edition, exhibit, person). It stays small whatever the
 * number of articles: what each article said lives on the article's own document; the entity keeps
 * how many articles gave each value (`tally`) and the summary derived from it.
 */
export interface EntityDoc {
  _id: DocumentId;
  tally?: Tally;
  /**
   * `<articleId>:<version>` of articles whose latest version is counted here but not yet recorded on
   * the article document. A retry after a crash reads them to know what is already counted.
   */
  tokens?: string[];
  /** Bumped by every write: a write only lands on the revision it was computed from. */
  rev?: number;
  summary?: object;
}

export interface EntityKind<D extends EntityDoc, C> {
  model: Model<D>;
  votes: (contribution: C) => Votes;
  summarise: (doc: D) => object;
  /** Whether an entity no article contributes to any more stays (e.g. curated); else it is deleted. */
  keep?: (doc: D) => boolean;
  /** Whether an entity takes no contributions (merged away meanwhile): the batch is resolved again. */
  closed?: (doc: D) => boolean;
}

/** One article's new contribution to one entity, with what may already be counted for it. */
export interface Revision<C> {
  id: DocumentId;
  articleId: string;
  /** Identifies the article's new version. */
  token: string;
  /** The new contribution; null when the article no longer contributes to this entity. */
  next: C | null;
  /** The contribution recorded on the article document (counted unless a token says otherwise). */
  applied: C | null;
  /** Versions of the article that may be partly counted (a write cut short), by token. */
  inFlight: Record<string, C | null>;
  /** Identity fields, set when the revision creates the entity. */
  identity?: Record<string, unknown>;
}

/** A write raced another replica or a merge; the work is computed again from what the store holds now. */
export class WriteConflict extends Error {
  override readonly name = 'WriteConflict';
}

const CONFLICT_ATTEMPTS = 10;

/**
 * Documents by id, with one query: FerretDB answers any query, `_id` equality included, by reading
 * through the collection, so one `$in` costs one pass where point reads would cost one each; on
 * MongoDB it is one indexed round trip.
 */
export async function findByIds<D>(model: Model<D>, ids: DocumentId[]): Promise<Map<DocumentId, D>> {
  if (!ids.length) return new Map();
  const docs = (await model.find({ _id: { $in: [...new Set(ids)] } }).lean()) as Array<
    D & { _id: DocumentId }
  >;
  return new Map(docs.map((d) => [d._id, d as D]));
}

const sameVotes = <C>(kind: { votes: (c: C) => Votes }, a: C | null, b: C | null) =>
  isDeepStrictEqual(a && normalised(kind.votes(a)), b && normalised(kind.votes(b)));
const normalised = (votes: Votes) =>
  Object.fromEntries(
    Object.entries(votes)
      .filter(([, values]) => values.length)
      .map(([a, values]) => [a, [...new Set(values)].sort()]),
  );

/** Which of the given tokens belong to article versions now recorded on their articles (so are spent). */
export type SpentTokens = (tokens: string[]) => Promise<Set<string>>;

/**
 * Counts revisions into one collection with one bulk write. Each touched entity is read once, its
 * tally moved from what each article had counted to what it says now, and written back with a
 * compare-and-swap on its revision: an update only matches the revision it was computed from, a new
 * entity is inserted and collides with one created meanwhile. Whatever collided is read and computed
 * again, so concurrent replicas never lose each other's counts. An entity carries the token of each
 * article version it counts until the article document records that version, so a write cut short
 * and retried never counts an article twice; tokens of versions recorded since are dropped whenever
 * the entity is written. Entities a revision does not change are not written.
 */
export async function applyRevisions<D extends EntityDoc, C>(
  kind: EntityKind<D, C>,
  revisions: Revision<C>[],
  spent: SpentTokens,
): Promise<void> {
  for (let attempt = 1; revisions.length; attempt++) {
    const missed = await writeOnce(kind, revisions, spent);
    if (!missed) return;
    if (attempt >= CONFLICT_ATTEMPTS) throw new WriteConflict(`${missed} entities kept changing`);
  }
}

/** One read-compute-write pass; returns how many writes missed their revision. */
async function writeOnce<D extends EntityDoc, C>(
  kind: EntityKind<D, C>,
  revisions: Revision<C>[],
  spent: SpentTokens,
) {
  const byId = new Map<DocumentId, Revision<C>[]>();
  for (const r of revisions) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const stored = await findByIds(kind.model, [...byId.keys()]);
  const ours = new Set(revisions.map((r) => r.articleId));
  const foreign = [...stored.values()]
    .flatMap((d) => d.tokens ?? [])
    .filter((t) => !ours.has(t.split(':')[0]));
  const settled = await spent(foreign);

  const ops: object[] = [];
  let expected = 0;
  for (const [id, own] of byId) {
    const doc = stored.get(id);
    if (doc && kind.closed?.(doc)) {
      if (own.some((r) => r.next !== null)) throw new WriteConflict(`entity ${id} was merged away meanwhile`);
      continue;
    }
    let tally = doc?.tally ?? [];
    let tokens = (doc?.tokens ?? []).filter((t) => !settled.has(t));
    for (const r of own) {
      const held = tokens.find((t) => t.startsWith(`${r.articleId}:`));
      const base =
        held === undefined
          ? r.applied
          : held === r.token
            ? r.next
            : held in r.inFlight
              ? r.inFlight[held]
              : r.applied;
      tally = addVotes(addVotes(tally, base && kind.votes(base), -1), r.next && kind.votes(r.next), 1);
      tokens = tokens.filter((t) => t !== held);
      if (!sameVotes(kind, r.next, r.applied)) tokens.push(r.token);
    }
    const next = { ...(doc ?? own[0].identity), _id: id, tally, tokens } as D;
    if (!articleCount(tally) && !kind.keep?.(next)) {
      if (doc) {
        ops.push({ deleteOne: { filter: { _id: id, rev: doc.rev } } });
        expected++;
      }
      continue;
    }
    const summary = kind.summarise(next);
    if (!doc) {
      ops.push({ insertOne: { document: { ...own[0].identity, _id: id, tally, tokens, summary, rev: 1 } } });
      continue;
    }
    if (isDeepStrictEqual([doc.tally, doc.tokens, doc.summary], [tally, tokens, summary])) continue;
    ops.push({
      updateOne: {
        filter: { _id: id, rev: doc.rev },
        update: { $set: { tally, tokens, summary }, $inc: { rev: 1 } },
      },
    });
    expected++;
  }
  try {
    const result = await bulkWriteInCommands(kind.model, ops);
    return expected - result.matchedCount - result.deletedCount;
  } catch (error) {
    if (isDuplicateKey(error)) return 1;
    throw error;
  }
}

/**
 * Recomputes the summaries of entities changed outside the projection (merges, curation), with the
 * same compare-and-swap: a refresh that loses a race is done again.
 */
export async function refreshSummaries<D extends EntityDoc>(
  kind: Pick<EntityKind<D, unknown>, 'model' | 'summarise'>,
  ids: DocumentId[],
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const docs = [...(await findByIds(kind.model, ids)).values()];
    const ops = docs.flatMap((doc) => {
      const summary = kind.summarise(doc);
      if (isDeepStrictEqual(doc.summary, summary)) return [];
      const update = { $set: { summary }, $inc: { rev: 1 } };
      return [{ updateOne: { filter: { _id: doc._id, rev: doc.rev }, update } }];
    });
    if (!ops.length) return;
    if ((await bulkWriteInCommands(kind.model, ops)).matchedCount === ops.length) return;
    if (attempt >= CONFLICT_ATTEMPTS) throw new WriteConflict(`summaries of ${ids.join(', ')} kept changing`);
  }
}
