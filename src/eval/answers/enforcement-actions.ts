/**
 * enforcementActions from the ground truth: every action a report records, at its inspection,
 * with its type, regulation, count and dates. A report listing the same kind twice under one
 * regulation gets `#2`, `#3` on the key, in the order of their values (dates, count), so two
 * actions of one key pair up by what they say, not by the order each side lists them in.
 */
import type { GroundTruthRecord } from '../../generate/ground-truth.ts';
import { buildAnswerTable, type AnswerRowValues, type AnswerTable } from './answer-table.ts';
import { nameApiEnforcementType } from './enforcement-type.ts';

export interface EnforcementFacts {
  inspectionId: string;
  type: string;
  regulationId: string | null;
  count: number;
  issuedOn: string | null;
  complyBy: string | null;
}

/** Keys and values for a list of actions, the API's or the ground truth's, built one way. */
export function tabulateEnforcement(
  actions: readonly EnforcementFacts[],
  what: string,
): AnswerTable {
  const seen = new Map<string, number>();
  const rows: [string, AnswerRowValues][] = [];
  const byValues = (a: EnforcementFacts) =>
    `${a.issuedOn ?? ''} ${a.complyBy ?? ''} ${String(a.count).padStart(6, '0')}`;
  const ordered = [...actions].sort((a, b) =>
    byValues(a) < byValues(b) ? -1 : byValues(a) > byValues(b) ? 1 : 0,
  );
  for (const a of ordered) {
    const base = `${a.inspectionId} ${a.type} ${a.regulationId ?? 'no regulation'}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    rows.push([
      n === 1 ? base : `${base} #${n}`,
      {
        count: String(a.count),
        issuedOn: a.issuedOn ?? 'none',
        complyBy: a.complyBy ?? 'none',
      },
    ]);
  }
  return buildAnswerTable(rows, what);
}

export function listTruthEnforcement(records: readonly GroundTruthRecord[]): EnforcementFacts[] {
  return records.flatMap((record) =>
    record.enforcement.map((e) => ({
      inspectionId: record.inspectionId,
      type: nameApiEnforcementType(e.type),
      regulationId: e.regulation,
      count: e.count,
      issuedOn: e.issuedOn,
      complyBy: e.complyBy,
    })),
  );
}

export function computeEnforcementActions(records: readonly GroundTruthRecord[]): AnswerTable {
  return tabulateEnforcement(
    listTruthEnforcement(records),
    'enforcementActions from the ground truth',
  );
}
