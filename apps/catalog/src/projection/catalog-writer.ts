import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ParsedArticleEventV1 } from '@app/contracts';
import { bulkWriteInCommands, isDuplicateKey, writeWholeDocuments } from '@app/platform';
import { ArticleContributions, CatalogArticle, EntityField } from '../articles/catalog-article.schema';
import { Exhibit } from '../exhibits/exhibit.schema';
import { combineContributions } from '../organisations/combine-contributions';
import { OrganisationDirectory } from '../organisations/organisation-directory';
import { OrganisationResolver } from '../organisations/organisation-resolver';
import { OrganisationContribution } from '../organisations/organisation.schema';
import { CatalogCollections } from '../store/catalog-collections';
import { EntityLocks, lockKey } from '../store/entity-locks';
import { articleEntities } from './article-entities';
import { ArticleReading, readArticle } from './article-reading';
import {
  applyRevisions,
  DocumentId,
  EntityDoc,
  EntityKind,
  findByIds,
  Revision,
  WriteConflict,
} from './entity-writes';
import { ArticleVersion } from './article-version.schema';
import { PendingVersions } from './pending-version.schema';
import { followPointers } from './pointers';

/** A write that lost a race is computed again from the store; this many times before the batch fails. */
const BATCH_ATTEMPTS = 5;

/**
 * A batch in rounds, each article at most once per round and in the order its events came: a newer
 * version is counted after the older one is recorded. Exact repeats are dropped.
 */
export function rounds(events: ParsedArticleEventV1[]): ParsedArticleEventV1[][] {
  const out: ParsedArticleEventV1[][] = [];
  const last = new Map<string, { event: ParsedArticleEventV1; round: number }>();
  for (const event of events) {
    const previous = last.get(event.articleId);
    if (previous && isDeepStrictEqual(previous.event, event)) continue;
    const round = previous ? previous.round + 1 : 0;
    (out[round] ??= []).push(event);
    last.set(event.articleId, { event, round });
  }
  return out;
}

const hash = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** Identifies what an article contributes: equal contributions, equal version. */
export const versionOf = (contributions: ArticleContributions): string => hash(contributions);

/** Identifies an article document's own fields. */
const fieldsOf = ({ contributions: _contributions, ...fields }: CatalogArticle): string => hash(fields);

/** The article's document: its own fields and, by entity id, what it contributes. */
function articleDocument(
  e: ParsedArticleEventV1,
  reading: ArticleReading,
  contributions: ArticleContributions,
) {
  return {
    _id: e.articleId,
    title: e.title,
    source: e.source,
    url: e.url ?? null,
    publishedAt: e.publishedAt ?? null,
    parserVersion: e.parserVersion,
    ingestedAt: e.ingestedAt,
    edition: reading.edition,
    editionYears: e.record.editions.map((ed) => ed.year),
    organisations: e.record.organisations.map((o) => o.name),
    contributions,
  } satisfies CatalogArticle;
}

type Entry = ArticleContributions[EntityField][number];

/** An article being counted in this batch: what it says now, and what the store may already count. */
interface Change {
  articleId: string;
  next: ArticleContributions;
  token: string;
  applied: ArticleContributions | null;
  inFlight: { token: string; contributions: ArticleContributions }[];
}

/**
 * Applies a batch of parsed-article events to the catalog. Per article, what it contributes is kept
 * on its own document; entities (organisations, editions, exhibits, people) count how many articles
 * gave each value. A new version of an article moves the counts from what its document recorded to
 * what it says now, so redelivery, replay and re-parsing all converge on the same documents:
 *
 * 1. the new version is written ahead to `pending_versions`;
 * 2. the entities are counted (see applyRevisions), each carrying the version's token;
 * 3. the article document and `article_versions` record it (once they do, all its entities count it);
 * 4. the pending version is cleared (and each token with the next write of its entity).
 *
 * A batch cut short anywhere is redelivered and picks up from what the store holds.
 */
@Injectable()
export class CatalogWriter {
  private readonly log = new Logger(CatalogWriter.name);

  constructor(
    @InjectModel(CatalogArticle.name) private readonly articles: Model<CatalogArticle>,
    @InjectModel(PendingVersions.name) private readonly pending: Model<PendingVersions>,
    @InjectModel(ArticleVersion.name) private readonly versions: Model<ArticleVersion>,
    @InjectModel(Exhibit.name) private readonly exhibits: Model<Exhibit>,
    private readonly collections: CatalogCollections,
    private readonly locks: EntityLocks,
    private readonly resolver: OrganisationResolver,
    private readonly directory: OrganisationDirectory,
  ) {}

  async apply(events: ParsedArticleEventV1[]): Promise<void> {
    for (const round of rounds(events)) await this.applyRound(round);
  }

  private async applyRound(events: ParsedArticleEventV1[]): Promise<void> {
    const readings = events.map(readArticle);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(events, readings);
      } catch (error) {
        const conflict = error instanceof WriteConflict || isDuplicateKey(error);
        if (!conflict || attempt >= BATCH_ATTEMPTS) throw error;
        this.log.warn({ msg: 'write conflict, writing the batch again', attempt, error: String(error) });
      }
    }
  }

  private async write(events: ParsedArticleEventV1[], readings: ArticleReading[]): Promise<void> {
    const ids = events.map((e) => e.articleId);
    const [versions, pending] = await Promise.all([
      findByIds(this.versions, ids),
      findByIds(this.pending, ids),
    ]);
    const nexts = await this.resolve(readings);
    const docs = events.map((e, i) => articleDocument(e, readings[i], nexts[i]));
    const stamps = docs.map((d): ArticleVersion => ({
      _id: d._id,
      version: versionOf(d.contributions),
      fields: fieldsOf(d),
    }));
    // A redelivery of what is recorded, with nothing left half-counted, counts nothing.
    const counting = docs.flatMap((doc, i) =>
      pending.has(doc._id) || versions.get(doc._id)?.version !== stamps[i].version ? [i] : [],
    );
    const recorded = await findByIds(
      this.articles,
      counting.flatMap((i) => (versions.has(ids[i]) ? [ids[i]] : [])),
    );
    const changes: Change[] = counting.map((i) => ({
      articleId: ids[i],
      next: nexts[i],
      token: `${ids[i]}:${stamps[i].version}`,
      applied: recorded.get(ids[i])?.contributions ?? null,
      inFlight: pending.get(ids[i])?.versions ?? [],
    }));

    await this.writeAhead(changes);
    const live = await this.liveIds(changes);
    const spent = (tokens: string[]) => this.spent(tokens);
    await Promise.all([
      applyRevisions(
        this.collections.organisations,
        revisions(changes, 'organisations', live, combineOrgs),
        spent,
      ),
      applyRevisions(this.collections.editions, revisions(changes, 'editions', live), spent),
      applyRevisions(this.collections.exhibits, revisions(changes, 'exhibits', live), spent),
      applyRevisions(this.collections.people, revisions(changes, 'people', live), spent),
    ]);
    const unchanged = (i: number) => isDeepStrictEqual(versions.get(ids[i]), stamps[i]);
    const rewritten = ids.flatMap((_, i) => (unchanged(i) ? [] : [i]));
    await writeWholeDocuments(
      this.articles,
      rewritten.map((i) => docs[i]),
      (doc) => versions.has(doc._id),
    );
    await writeWholeDocuments(
      this.versions,
      rewritten.map((i) => stamps[i]),
      (stamp) => versions.has(stamp._id),
    );
    await this.pending.deleteMany({ _id: { $in: changes.map((c) => c.articleId) } });
  }

  /** Counts revisions into one kind of entity, holding the entities' locks (see EntityLocks). */
  private count<D extends EntityDoc, C>(kind: EntityKind<D, C>, revisions: Revision<C>[]): Promise<void> {
    const keys = revisions.map((r) => lockKey(kind.model.modelName, r.id));
    return this.locks.hold(keys, () => applyRevisions(kind, revisions, (tokens) => this.spent(tokens)));
  }

  /** Tokens of article versions that `article_versions` records: what they marked is settled. */
  private async spent(tokens: string[]): Promise<Set<string>> {
    const recorded = await findByIds(
      this.versions,
      tokens.map((t) => t.split(':')[0]),
    );
    return new Set(tokens.filter((t) => recorded.get(t.split(':')[0])?.version === t.split(':')[1]));
  }

  /** Resolves every article's organisation names (all at once), then gives each contribution its entity id. */
  private async resolve(readings: ArticleReading[]): Promise<ArticleContributions[]> {
    const groups = readings.flatMap((r, article) =>
      r.organisations.map((g, group) => ({ article, group, g })),
    );
    const resolved = await this.resolver.resolve(
      groups.map(({ article, g }) => ({ articleId: readings[article].articleId, keys: g.keys })),
    );
    const orgIds = new Map(groups.map(({ article, group }, i) => [`${article}|${group}`, resolved[i]]));
    return readings.map((r, article) => articleEntities(r, (group) => orgIds.get(`${article}|${group}`)!));
  }

  private async writeAhead(counting: Change[]): Promise<void> {
    await bulkWriteInCommands(
      this.pending,
      counting.map((c) => {
        const versions = [
          ...c.inFlight.filter((v) => v.token !== c.token),
          { token: c.token, contributions: c.next },
        ];
        return c.inFlight.length
          ? { updateOne: { filter: { _id: c.articleId }, update: { $set: { versions } } } }
          : { insertOne: { document: { _id: c.articleId, versions } } };
      }),
    );
  }

  /**
   * Where the entities an article counted before live now: organisations and exhibits merged since
   * then are read as their survivors.
   */
  private async liveIds(counting: Change[]): Promise<Map<string, DocumentId>> {
    const earlier = counting.flatMap((c) => [c.applied, ...c.inFlight.map((v) => v.contributions)]);
    const [organisations, exhibits] = await Promise.all([
      this.directory.live(earlier.flatMap((a) => a?.organisations.map((o) => o.id) ?? [])),
      followPointers(
        this.exhibits,
        earlier.flatMap((a) => a?.exhibits.map((x) => x.id) ?? []),
      ),
    ]);
    return new Map([
      ...[...organisations].map(([id, to]) => [`organisations|${id}`, to] as const),
      ...[...exhibits].map(([id, to]) => [`exhibits|${id}`, to] as const),
    ]);
  }
}

/** After merges, two contributions of one article may land on one organisation: they count as one. */
function combineOrgs(entries: Entry[]): Entry {
  const [first, ...rest] = entries as Array<{ id: string } & OrganisationContribution>;
  return rest.reduce((a, b) => ({ ...combineContributions(a, b), id: a.id }), first);
}

/** Each article's revision of each entity it counts in now, counted in before, or may be half-counted in. */
function revisions<C>(
  counting: Change[],
  field: EntityField,
  live: Map<string, DocumentId>,
  combine: (entries: Entry[]) => Entry = (entries) => entries[0],
): Revision<C>[] {
  const byId = (contributions: ArticleContributions | null, mapped: boolean) => {
    const entries = new Map<DocumentId, Entry[]>();
    for (const entry of contributions?.[field] ?? []) {
      const id = mapped ? (live.get(`${field}|${entry.id}`) ?? entry.id) : entry.id;
      entries.set(id, [...(entries.get(id) ?? []), entry]);
    }
    return new Map([...entries].map(([id, list]) => [id, combine(list) as unknown as C]));
  };
  return counting.flatMap((c) => {
    const next = byId(c.next, false);
    const applied = byId(c.applied, true);
    const inFlight = c.inFlight.map((v) => ({ token: v.token, entries: byId(v.contributions, true) }));
    const ids = new Set([
      ...next.keys(),
      ...applied.keys(),
      ...inFlight.flatMap((v) => [...v.entries.keys()]),
    ]);
    return [...ids].map((id) => ({
      id,
      articleId: c.articleId,
      token: c.token,
      next: next.get(id) ?? null,
      applied: applied.get(id) ?? null,
      inFlight: Object.fromEntries(inFlight.map((v) => [v.token, v.entries.get(id) ?? null])),
      identity: identityOf(field, (next.get(id) ?? applied.get(id)) as Entry | undefined),
    }));
  });
}

/** Fields a new entity is created with: what makes an exhibit or a person that one. */
function identityOf(field: EntityField, entry: Entry | undefined): Record<string, unknown> | undefined {
  if (!entry) return undefined;
  if (field === 'exhibits') {
    const x = entry as ArticleContributions['exhibits'][number];
    return { edition: x.edition, makerId: x.makerId, key: x.key };
  }
  if (field === 'people') return { key: (entry as ArticleContributions['people'][number]).key };
  return undefined;
}
