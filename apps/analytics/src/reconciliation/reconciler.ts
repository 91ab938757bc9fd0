import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, UpdateQuery } from 'mongoose';
import { bulkWriteInCommands, insertFresh } from '@app/platform';
import { SeriesDoc } from '../aggregates/aggregate.schemas';
import { isArticleScoped } from '../keys/metric-key';
import { Observation } from '../observations/observation.schema';
import { KeyChange } from '../projection/contribution-plan';
import { Report, reportOf, SourceRef } from './figure';
import { KeyFields, reconcile, Reconciliation, shownSourceIds, withSources } from './reconcile';
import { ReconciledValueDoc } from './reconciled-value.schema';

type Derived = Pick<ReconciledValueDoc, 'status' | 'subject' | 'figures'>;
type Stored = ReconciledValueDoc | null;

const WITHDRAWN: Derived = { status: 'withdrawn', subject: null, figures: [] };
const NO_CHANGE: KeyChange = { fields: null, joins: {}, leaves: [] };
const MAX_ROUNDS = 10;

/**
 * Keeps each metric key's document holding the reports made under it and the value reconciled from
 * them. Per batch each touched key is read once and written once (new keys in one bulk insert), every
 * time by _id: the one lookup FerretDB (v1, SQLite) answers from its primary key rather than a scan.
 *
 * Replicas may touch one key at once and there are no transactions, so each write increments the
 * document's `rev` and returns the document it replaced: if that is not the revision the value was
 * derived from, another writer came in between, and the value is derived again from what is stored.
 * Aggregates sum the revisions of the keys they are built from to tell a newer build from an older one.
 */
@Injectable()
export class Reconciler {
  private readonly log = new Logger(Reconciler.name);

  constructor(
    @InjectModel(ReconciledValueDoc.name) private readonly values: Model<ReconciledValueDoc>,
    @InjectModel(Observation.name) private readonly observations: Model<Observation>,
    @InjectModel(SeriesDoc.name) private readonly series: Model<SeriesDoc>,
  ) {}

  async apply(changes: Map<string, KeyChange>): Promise<void> {
    let pending = changes;
    for (let round = 0; pending.size; round++) {
      if (round === MAX_ROUNDS) {
        // Another writer keeps changing these keys; its own last write derives them from what it stored.
        this.log.warn({
          msg: 'keys still changing, left to the concurrent writer',
          keys: [...pending.keys()].slice(0, 10),
        });
        return;
      }
      pending = await this.applyOnce(pending);
    }
  }

  /** One read and one write per key; returns the keys to do again, with what is left of their change. */
  private async applyOnce(changes: Map<string, KeyChange>): Promise<Map<string, KeyChange>> {
    const keys = [...changes.keys()];
    const stored = await Promise.all(keys.map((key) => this.values.findById(key).lean<Stored>()));
    const known = new Map<string, SourceRef>();
    const work: { key: string; doc: Stored; fields: KeyFields; reports: Record<string, Report> }[] = [];
    keys.forEach((key, i) => {
      const { fields, joins, leaves } = changes.get(key)!;
      const doc = stored[i];
      rememberShownSources(doc, known);
      Object.values(joins).forEach((s) => known.set(s.observationId, s));
      const keyFields = doc ? fieldsOf(doc) : fields;
      // Leaving a key nobody ever wrote: nothing to do.
      if (!keyFields) return;
      const reports = { ...doc?.observations };
      for (const [id, source] of Object.entries(joins)) reports[id] = reportOf(source);
      leaves.forEach((id) => delete reports[id]);
      work.push({ key, doc, fields: keyFields, reports });
    });
    const derived = await this.derive(work, known);
    const again = new Map<string, KeyChange>();

    const fresh = work.filter((w) => !w.doc);
    // A key joins its series before it exists, so an existing key is always in its series.
    await this.addToSeries(fresh);
    const refused = await insertFresh(
      this.values,
      fresh.map(({ key, fields, reports }) => ({
        _id: key,
        ...fields,
        observations: reports,
        rev: 1,
        ...derived.get(key)!,
      })),
    );
    // Created by another writer meanwhile: apply the change to what it wrote.
    for (const { _id } of refused) again.set(_id, changes.get(_id)!);

    await Promise.all(
      work
        .filter((w) => w.doc)
        .map(async ({ key, doc, fields }) => {
          const { joins, leaves } = changes.get(key)!;
          const replaced = await this.values
            .findOneAndUpdate({ _id: key }, updateOf(fields, joins, leaves, derived.get(key)!), {
              returnDocument: 'before',
            })
            .lean<Stored>();
          // The change is in; the value was derived from an outdated revision and is derived again.
          if (replaced?.rev !== doc!.rev) again.set(key, NO_CHANGE);
        }),
    );
    return again;
  }

  /** Reconciles each key and looks up the sources its figures show: known ones, else their observation. */
  private async derive(
    work: { key: string; fields: KeyFields; reports: Record<string, Report> }[],
    known: Map<string, SourceRef>,
  ): Promise<Map<string, Derived>> {
    const reconciled = new Map<string, Reconciliation | null>(
      work.map(({ key, fields, reports }) => [
        key,
        Object.keys(reports).length ? reconcile(key, fields, reports) : null,
      ]),
    );
    const missing = [...reconciled.values()]
      .flatMap((r) => (r ? shownSourceIds(r) : []))
      .filter((id) => !known.has(id));
    const found = await Promise.all([...new Set(missing)].map((id) => this.observations.findById(id).lean()));
    for (const o of found) if (o) known.set(o._id, sourceRefOf(o));
    return new Map(
      [...reconciled].map(([key, r]) => {
        if (!r) return [key, WITHDRAWN];
        const { status, subject, figures } = withSources(r, (id) => sourceOrThrow(known, id));
        return [key, { status, subject, figures }];
      }),
    );
  }

  /**
   * One update per series adding its new keys, so a series' points are read by _id. Figures that stand
   * alone in their article (undated, not an edition's) form no series anyone can ask for: none is kept.
   */
  private async addToSeries(keys: { key: string; fields: KeyFields }[]): Promise<void> {
    const bySeries = new Map<string, { metric: string; keys: string[] }>();
    for (const { key, fields } of keys) {
      if (isArticleScoped(fields.series)) continue;
      const entry = bySeries.get(fields.series) ?? { metric: fields.metric, keys: [] };
      bySeries.set(fields.series, { ...entry, keys: [...entry.keys, key] });
    }
    const ops = [...bySeries].map(([series, { metric, keys }]) => ({
      updateOne: {
        filter: { _id: series },
        update: { $addToSet: { keys: { $each: keys } }, $setOnInsert: { metric } },
        upsert: true,
      },
    }));
    await bulkWriteInCommands(this.series, ops);
  }
}

/** Joins, leaves and the new value in one update; each report is its own entry, so concurrent writers merge. */
function updateOf(
  fields: KeyFields,
  joins: Record<string, SourceRef>,
  leaves: string[],
  derived: Derived,
): UpdateQuery<ReconciledValueDoc> {
  const entries = (ids: string[], value: (id: string) => unknown) =>
    Object.fromEntries(ids.map((id) => [`observations.${id}`, value(id)]));
  const update = {
    $set: { ...fields, ...entries(Object.keys(joins), (id) => reportOf(joins[id])), ...derived },
    ...(leaves.length ? { $unset: entries(leaves, () => '') } : {}),
    $inc: { rev: 1 },
  };
  // Dotted paths into the observations map, which the typed update filter cannot express.
  return update as UpdateQuery<ReconciledValueDoc>;
}

function rememberShownSources(doc: Stored, known: Map<string, SourceRef>): void {
  for (const figure of doc?.figures ?? []) {
    for (const candidate of figure.candidates)
      for (const s of candidate.sources) known.set(s.observationId, s);
  }
}

function sourceOrThrow(known: Map<string, SourceRef>, id: string): SourceRef {
  const source = known.get(id);
  // Every report's observation is written before the report is: a gap is a bug, not bad data.
  if (!source) throw new Error(`observation ${id} is reported under a metric key but not stored`);
  return source;
}

function sourceRefOf(o: Observation): SourceRef {
  const { _id, articleId, title, source, publishedAt, evidence, subject, value, unit, qualifier } = o;
  return {
    observationId: _id,
    articleId,
    title,
    source,
    publishedAt,
    evidence,
    subject,
    value,
    unit,
    qualifier,
  } as SourceRef;
}

function fieldsOf({ metric, series, period, edition }: ReconciledValueDoc): KeyFields {
  return { metric: metric as KeyFields['metric'], series, period, edition };
}
