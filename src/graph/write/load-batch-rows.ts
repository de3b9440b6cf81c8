/**
 * A batch of ReportDocuments → the parameters of one batched write. Pure, so what a batch writes
 * (and which document wins when two versions of one report meet) is testable without a database.
 */
import type { ReportDocument } from '../../model/document.ts';
import { buildLoadParams, type LoadParams } from './load-rows.ts';
import { computeReadingKey } from './reading-key.ts';

export interface BatchPlan {
  /** One row per written document, in input order; each batched statement UNWINDs these. */
  reports: LoadParams[];
  /** Locations whose PREVIOUS chain is rebuilt once, after every inspection of the batch is written. */
  locationIds: string[];
  /** Every regulation the batch cites, once (first mention wins, as one-by-one loading would), written before anything links to it. */
  regulations: Record<string, unknown>[];
  /** Input index → index of the later document of the same inspection and family that replaces it. */
  supersededBy: Map<number, number>;
}

/** A report's versions share this: a new version replaces the old one's nodes. */
function versionKey(doc: ReportDocument): string {
  return `${doc.inspection.id}\u0000${doc.family}`;
}

function collectRegulations(reports: readonly LoadParams[]): Record<string, unknown>[] {
  const byId = new Map<unknown, Record<string, unknown>>();
  for (const report of reports) {
    const cited = [
      ...report.requirements.map((r) => r.regulation),
      ...report.enforcement.map((e) => e.regulation),
      ...report.findings.flatMap((f) => f.citations as Record<string, unknown>[]),
    ];
    for (const rg of cited as (Record<string, unknown> | null)[]) {
      if (rg && !byId.has(rg.regulationId))
        byId.set(rg.regulationId, {
          regulationId: rg.regulationId,
          legislation: rg.legislation,
          number: rg.number,
          title: rg.title,
        });
    }
  }
  return [...byId.values()];
}

/**
 * Two versions of one report in a batch: the later one in input order wins, as it would if the
 * documents were loaded one after the other; the earlier is never written. Two files of one
 * inspection that read alike (graph/write/reading-key.ts) are not versions of each other.
 */
export function planBatch(docs: readonly ReportDocument[]): BatchPlan {
  const lastIndex = new Map<string, number>();
  docs.forEach((doc, index) => lastIndex.set(versionKey(doc), index));
  const readingKeys = docs.map(computeReadingKey);
  const supersededBy = new Map<number, number>();
  const reports: LoadParams[] = [];
  const locationIds = new Set<string>();
  docs.forEach((doc, index) => {
    const winner = lastIndex.get(versionKey(doc))!;
    // Two files that read alike (a PDF and its text copy) are one version: both are written.
    if (winner !== index && readingKeys[winner] !== readingKeys[index]) {
      supersededBy.set(index, winner);
      return;
    }
    reports.push(buildLoadParams(doc));
    locationIds.add(doc.location.id);
  });
  return {
    reports,
    locationIds: [...locationIds],
    regulations: collectRegulations(reports),
    supersededBy,
  };
}

type ChildList =
  'history' | 'judgements' | 'requirements' | 'recommendations' | 'enforcement' | 'findings';

/**
 * What every statement that writes under an inspection finds it and its report's family by, at
 * the same paths as the full row, and the report's synthetic flag, which its nodes take.
 */
function inspectionKeys(rep: LoadParams) {
  return {
    inspection: { id: rep.inspection.id },
    // readingKey: removePreviousVersions keeps an earlier file that reads alike.
    report: {
      sha256: rep.report.sha256,
      family: rep.report.family,
      synthetic: rep.report.synthetic,
      readingKey: rep.report.readingKey,
    },
  };
}

/** History also links to the location and regulator. */
function historyKeys(rep: LoadParams) {
  return { ...inspectionKeys(rep), regulator: rep.regulator, location: { id: rep.location.id } };
}

/**
 * A copy without the map entries that are null: Cypher reads a missing key as null, so the
 * statements write the same, and a batch's parameters are smaller (a finding has up to seven
 * null fields). Packing and unpacking the parameters, not running the statements, was most of a
 * batch's time: 545 reports sent to a statement that ignores them took as long as the load.
 */
function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (
    value === null ||
    typeof value !== 'object' ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = withoutNulls(item);
  return out as T;
}

/**
 * Each statement is sent only the fields it reads, and only reports that have something for it,
 * so a batch's finding texts cross the wire once, not once per statement (and a statement with
 * nothing to write is not sent).
 */
export const statementRows = {
  inspections: (reports: readonly LoadParams[]) =>
    reports.map((rep) =>
      withoutNulls({
        regulator: rep.regulator,
        location: rep.location,
        inspection: rep.inspection,
        report: rep.report,
      }),
    ),
  providers: (reports: readonly LoadParams[]) =>
    reports
      .filter((rep) => rep.provider !== null)
      .map((rep) =>
        withoutNulls({
          location: { id: rep.location.id },
          provider: rep.provider,
          report: { synthetic: rep.report.synthetic },
        }),
      ),
  keys: (reports: readonly LoadParams[]) => reports.map(inspectionKeys),
  sentences: (reports: readonly LoadParams[]) =>
    reports
      .filter((rep) => rep.sentences.length > 0)
      .map((rep) => ({ report: { sha256: rep.report.sha256 }, sentences: rep.sentences })),
  children: (reports: readonly LoadParams[], list: ChildList) =>
    reports
      .filter((rep) => rep[list].length > 0)
      .map((rep) => ({
        ...(list === 'history' ? historyKeys(rep) : inspectionKeys(rep)),
        [list]: withoutNulls(rep[list]),
      })),
};
