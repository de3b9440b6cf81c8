import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUND_TRUTH_FILE } from '../../../src/generate/disk-sink.ts';
import type { GroundTruthRecord } from '../../../src/generate/ground-truth.ts';
import { parseReportMeta } from '../../../src/ingest/meta.ts';
import type { ReportDocument } from '../../../src/model/document.ts';
import { buildReportDocument } from '../../../src/ingest/pipeline.ts';
import { readLegislationCatalogue } from '../../../src/reference/index.ts';
import { generateOnDisk, removeCorporaOnDisk } from './corpus-support.ts';

/** The regulation a statement names, by number or by its standard's catalogue heading, read independently of the parser. */
function readNamedRegulation(statement: string): string | null {
  const number = /repeated breach of regulation (\d+) /.exec(statement)?.[1];
  if (number) return `CHR2015:${number}`;
  const standard = /repeated breach of (the .+ standard) from /.exec(statement)?.[1];
  if (!standard) return null;
  const regulation = readLegislationCatalogue().regulations.find(
    (g) => g.legislation === 'CHR2015' && g.heading?.toLowerCase() === standard.toLowerCase(),
  );
  return regulation ? `CHR2015:${regulation.number}` : `unknown standard: ${standard}`;
}

interface Parsed {
  truth: GroundTruthRecord;
  doc: ReportDocument;
}

describe('repeat statements in a synthetic corpus', () => {
  afterAll(removeCorporaOnDisk);
  let parsed: Parsed[];

  beforeAll(() => {
    // Ofsted homes only, over four years: enough inspections for breaches to recur.
    const dir = generateOnDisk({ locations: 10, years: 4, seed: 'repeats', cqcShare: 0 });
    const truths = readFileSync(path.join(dir, GROUND_TRUTH_FILE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as GroundTruthRecord);
    parsed = truths.map((truth) => {
      const file = path.join(dir, truth.file);
      const meta = parseReportMeta(JSON.parse(readFileSync(`${file}.meta.json`, 'utf8')));
      if (!('meta' in meta)) throw new Error(meta.error);
      const built = buildReportDocument({
        text: readFileSync(file, 'utf8'),
        fileName: path.basename(file),
        format: 'txt',
        meta: meta.meta,
      });
      if (!built.ok) throw new Error(built.message);
      return { truth, doc: built.document };
    });
  });

  it('links every repeat statement to the inspection the ground truth names', () => {
    const repeats = parsed.flatMap(({ truth, doc }) =>
      truth.repeats.map((r) => ({ r, found: doc.findings[r.finding]?.repeat ?? null })),
    );
    expect(repeats.length).toBeGreaterThan(5);
    for (const { r, found } of repeats) {
      expect(found?.statement).toBe(r.statement);
      expect(found?.refersTo).toBe(r.refersTo);
    }
  });

  it('refers only to a real earlier inspection of the same home, one that has its own report', () => {
    const inspections = new Map(parsed.map(({ truth }) => [truth.inspectionId, truth]));
    for (const { truth } of parsed) {
      for (const r of truth.repeats) {
        const earlier = inspections.get(r.refersTo);
        expect(earlier, r.refersTo).toBeDefined();
        expect(earlier!.locationId).toBe(truth.locationId);
        expect(earlier!.startDate < truth.startDate).toBe(true);
      }
    }
  });

  it('repeats a statement where the same regulation was required at the inspection referred to, or names the regulation it repeats', () => {
    const inspections = new Map(parsed.map(({ truth }) => [truth.inspectionId, truth]));
    let documented = 0;
    let unrecorded = 0;
    for (const { truth } of parsed) {
      for (const r of truth.repeats) {
        const earlier = inspections.get(r.refersTo)!;
        const shared = truth.requirements.filter((q) =>
          earlier.requirements.some((e) => e.regulation === q.regulation),
        );
        if (shared.length > 0) {
          documented += 1;
          continue;
        }
        // A shortfall the earlier inspection noted without a requirement: the sentence must
        // name the regulation, which this report requires and the earlier one did not.
        unrecorded += 1;
        const number = r.regulation?.replace('CHR2015:', '');
        expect(readNamedRegulation(r.statement), truth.file).toBe(r.regulation);
        expect(truth.requirements.map((q) => q.regulation)).toContain(number);
        expect(earlier.requirements.map((q) => q.regulation)).not.toContain(number);
      }
    }
    expect(documented).toBeGreaterThan(0);
    expect(unrecorded).toBeGreaterThan(0);
  });

  it('gives a repeat its regulation exactly when the sentence names one', () => {
    const repeats = parsed.flatMap(({ truth }) => truth.repeats);
    for (const r of repeats) {
      expect(r.regulation, r.statement).toBe(readNamedRegulation(r.statement));
    }
    // Both ways of naming one occur.
    expect(repeats.some((r) => /breach of regulation \d+ /.test(r.statement))).toBe(true);
    expect(repeats.some((r) => / standard from /.test(r.statement))).toBe(true);
  });

  it('reports compliance notices of one inspection as enforcement in the next report', () => {
    const byLocation = new Map<string, GroundTruthRecord[]>();
    for (const { truth } of parsed)
      byLocation.set(truth.locationId, [...(byLocation.get(truth.locationId) ?? []), truth]);
    for (const reports of byLocation.values()) {
      for (let i = 1; i < reports.length; i += 1) {
        const noticed = reports[i - 1]!.requirements.filter((q) => q.complianceNotice).map(
          (q) => `CHR2015:${q.regulation}`,
        );
        // The report dates the notices since the last inspection; its own (from its table) it does not.
        const sinceLast = reports[i]!.enforcement.filter((e) => e.issuedOn !== null);
        expect(sinceLast.map((e) => e.regulation)).toEqual(noticed);
      }
    }
  });
});
