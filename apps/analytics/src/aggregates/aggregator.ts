import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { headlineKeys } from '../keys/metric-key';
import { ContributionDoc } from '../projection/contribution.schema';
import { ReconciledValue } from '../reconciliation/reconcile';
import { fromReconciledDoc, isCurrent, StoredValue } from '../reconciliation/reconciled-docs';
import { ReconciledValueDoc, WITHOUT_OBSERVATIONS } from '../reconciliation/reconciled-value.schema';
import { EditionAggregateDoc, SeriesDoc } from './aggregate.schemas';
import { buildEdition, EditionAggregate } from './edition-aggregate';
import { buildSeries, growthSeriesOf } from './series-aggregate';

type EditionFields = Omit<EditionAggregateDoc, '_id'>;
type SeriesFields = Pick<SeriesDoc, 'subject' | 'scope' | 'points' | 'inputRev'>;

/** The reconciled values of some keys, and the sum of their revisions (0 for a key not written yet). */
interface Inputs {
  values: ReconciledValue[];
  rev: number;
}

/**
 * Keeps the edition and series aggregates equal to what the reconciled values say. Maintained as
 * events are consumed, so reads are plain finds; rebuilt whole per edition or series from the values of
 * its keys, read by _id, so a replaced or withdrawn article leaves nothing behind.
 *
 * Each build records the sum of its keys' revisions. Revisions only grow, so of two builds the one that
 * saw later writes has the larger sum, and a write that finds a larger sum stored puts that one back:
 * concurrent replicas end on the latest build without transactions.
 */
@Injectable()
export class Aggregator {
  constructor(
    @InjectModel(ReconciledValueDoc.name) private readonly values: Model<ReconciledValueDoc>,
    @InjectModel(ContributionDoc.name) private readonly contributions: Model<ContributionDoc>,
    @InjectModel(EditionAggregateDoc.name) private readonly editions: Model<EditionAggregateDoc>,
    @InjectModel(SeriesDoc.name) private readonly series: Model<SeriesDoc>,
  ) {}

  async recompute(editionYears: number[], seriesIds: string[]): Promise<void> {
    await Promise.all([
      ...editionYears.map((year) => this.rebuildEdition(year)),
      ...seriesIds.map((id) => this.rebuildSeries(id)),
    ]);
  }

  private async rebuildEdition(year: number): Promise<void> {
    const { values, rev } = await this.inputs(headlineKeys(year));
    // A dollar value the articles do not state is converted at a rate its source articles state.
    const sources = values
      .filter((v) => v.metric === 'investment.amount')
      .flatMap((v) => v.figures.filter((f) => f.unit === 'CNY'))
      .flatMap((f) => f.candidates.flatMap((c) => c.sources.map((s) => s.articleId)));
    const contributions = await Promise.all(
      [...new Set(sources)].map((id) => this.contributions.findById(id, { pairs: 1 }).lean()),
    );
    const edition = buildEdition(
      year,
      values,
      contributions.flatMap((c) => c?.pairs ?? []),
    );
    await writeNewest(this.editions, year, { ...figuresOf(edition), inputRev: rev }, figuresOfDoc);
  }

  private async rebuildSeries(id: string): Promise<void> {
    const growthId = growthSeriesOf(id);
    const [doc, growthDoc] = await Promise.all([
      this.series.findById(id, { keys: 1 }).lean(),
      growthId ? this.series.findById(growthId, { keys: 1 }).lean() : null,
    ]);
    // A growth rate stated for a series nobody reported yet: nothing to build.
    if (!doc) return;
    const [own, growth] = await Promise.all([this.inputs(doc.keys), this.inputs(growthDoc?.keys ?? [])]);
    const aggregate = buildSeries(id, own.values, growth.values);
    const fields: SeriesFields = {
      subject: aggregate?.subject ?? null,
      scope: aggregate?.scope ?? '',
      points: aggregate?.points ?? [],
      inputRev: own.rev + growth.rev,
    };
    await writeNewest(this.series, id, fields, ({ subject, scope, points, inputRev }) => ({
      subject,
      scope,
      points,
      inputRev,
    }));
  }

  private async inputs(keys: string[]): Promise<Inputs> {
    const docs = await Promise.all(
      keys.map((key) => this.values.findById(key, WITHOUT_OBSERVATIONS).lean<StoredValue | null>()),
    );
    return {
      values: docs.filter(isCurrent).map(fromReconciledDoc),
      rev: docs.reduce((sum, doc) => sum + (doc?.rev ?? 0), 0),
    };
  }
}

/**
 * Sets an aggregate's fields, and puts back what it replaced if that was built from later inputs
 * (a larger `inputRev`), until what is stored is the latest build either writer saw.
 */
async function writeNewest<Id, Fields extends { inputRev: number }, Doc extends Fields>(
  model: Model<Doc>,
  id: Id,
  fields: Fields,
  fieldsOf: (doc: Doc) => Fields,
): Promise<void> {
  for (let best = fields; ;) {
    const replaced = await model
      .findOneAndUpdate({ _id: id }, { $set: best }, { upsert: true, returnDocument: 'before' })
      .lean<Doc | null>();
    if (!replaced || (replaced.inputRev ?? 0) <= best.inputRev) return;
    best = fieldsOf(replaced);
  }
}

function figuresOf(edition: EditionAggregate | null): Omit<EditionFields, 'inputRev'> {
  return {
    projects: edition?.projects ?? null,
    investmentCny: edition?.investmentCny ?? null,
    investmentUsd: edition?.investmentUsd ?? null,
    attendance: edition?.attendance ?? null,
    jobs: edition?.jobs ?? null,
  };
}

function figuresOfDoc({ _id: _year, ...fields }: EditionAggregateDoc): EditionFields {
  return fields;
}
