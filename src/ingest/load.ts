/**
 * ReportDocument → graph, in one write transaction per report: either all of a report is in
 * the graph or none of it. Lists go in with UNWIND, one statement per kind of node.
 */
import type { Database } from '../db/executor.ts';
import type { ReportDocument } from './document.ts';
import {
  findReportBySha,
  linkPreviousInspections,
  removePreviousVersion,
  upsertInspection,
  upsertProvider,
  writeEnforcement,
  writeFindings,
  writeHistory,
  writeJudgements,
  writeRecommendations,
  writeRequirements,
} from './load-queries.ts';
import { buildLoadParams } from './load-rows.ts';

export async function loadReportDocument(db: Database, doc: ReportDocument): Promise<void> {
  const p = buildLoadParams(doc);
  const inspectionId = doc.inspection.id;
  const locationId = doc.location.id;
  const family = doc.family;
  const sha256 = doc.source.sha256;
  await db.writeTransaction(async (tx) => {
    await tx.run(upsertInspection, p);
    if (p.provider) await tx.run(upsertProvider, { locationId, provider: p.provider });
    await tx.run(removePreviousVersion, { inspectionId, sha256, family });
    await tx.run(writeHistory, { locationId, regulator: p.regulator, history: p.history });
    await tx.run(linkPreviousInspections, { locationId });
    await tx.run(writeJudgements, { inspectionId, family, judgements: p.judgements });
    await tx.run(writeRequirements, { inspectionId, family, sha256, requirements: p.requirements });
    await tx.run(writeRecommendations, { inspectionId, family, sha256, recommendations: p.recommendations });
    await tx.run(writeEnforcement, { inspectionId, family, sha256, enforcement: p.enforcement });
    await tx.run(writeFindings, { inspectionId, family, sha256, findings: p.findings });
  });
}

/** True when a report with this sha256 is already in the graph (re-ingest can skip it). */
export async function isReportLoaded(db: Database, sha256: string): Promise<boolean> {
  const rows = await db.read(findReportBySha, { sha256 });
  return rows.length > 0;
}
