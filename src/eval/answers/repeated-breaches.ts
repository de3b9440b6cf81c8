/**
 * repeatedBreaches from the ground truth (README, "The GraphQL API"): an inspection counts for a
 * (location, regulation) pair as DOCUMENTED when its report has a requirement or an enforcement
 * action under the regulation, and as STATED_REPEAT when a later report of the location states a
 * repeat of it in a sentence naming the regulation; only the kinds asked for count, only
 * inspections starting inside the window, and only pairs with `minInspections` or more.
 */
import { findLegislation, LEGISLATION_IDS } from '../../reference/index.ts';
import type { GroundTruthRecord } from '../../generate/ground-truth.ts';
import { buildAnswerTable, type AnswerTable } from './answer-table.ts';
import { identifyRequirementRegulation, isInWindow } from './truth-facts.ts';

export type BreachEvidenceKind = 'DOCUMENTED' | 'STATED_REPEAT';

/** The order the API lists an inspection's kinds in. */
const KIND_ORDER: readonly BreachEvidenceKind[] = ['DOCUMENTED', 'STATED_REPEAT'];

export interface RepeatedBreachVariant {
  evidence: readonly BreachEvidenceKind[];
  minInspections: number;
  from: string | null;
  to: string | null;
}

/** Row key of a pair, as the API's rows are keyed too. */
export function keyRepeatedBreach(locationId: string, regulationId: string): string {
  return `${locationId} ${regulationId}`;
}

/** One row's values: the count and each counted inspection with its kinds in the API's order. */
export function describeCountedInspections(
  counted: readonly { inspectionId: string; evidence: readonly string[] }[],
): Record<string, string> {
  const values: Record<string, string> = { inspectionCount: String(counted.length) };
  for (const { inspectionId, evidence } of counted)
    values[`inspection ${inspectionId}`] = evidence.join('+');
  return values;
}

interface Evidence {
  locationId: string;
  regulationId: string;
  inspectionId: string;
  kind: BreachEvidenceKind;
}

function isRegulationOfRegulations(regulationId: string): boolean {
  const legislation = LEGISLATION_IDS.find((id) => regulationId.startsWith(`${id}:`));
  return legislation !== undefined && findLegislation(legislation).kind === 'regulations';
}

function* listEvidence(records: readonly GroundTruthRecord[]): Generator<Evidence> {
  for (const record of records) {
    const { locationId, inspectionId } = record;
    for (const requirement of record.requirements)
      yield {
        locationId,
        inspectionId,
        regulationId: identifyRequirementRegulation(record, requirement),
        kind: 'DOCUMENTED',
      };
    // A notice under an Act's section (a CQC warning notice's Section 29) names its legal power,
    // not a regulation breached.
    for (const action of record.enforcement)
      if (action.regulation && isRegulationOfRegulations(action.regulation))
        yield { locationId, inspectionId, regulationId: action.regulation, kind: 'DOCUMENTED' };
    // A statement naming no regulation is evidence of nothing in particular.
    for (const repeat of record.repeats)
      if (repeat.regulation)
        yield {
          locationId,
          inspectionId: repeat.refersTo,
          regulationId: repeat.regulation,
          kind: 'STATED_REPEAT',
        };
  }
}

export function computeRepeatedBreaches(
  records: readonly GroundTruthRecord[],
  variant: RepeatedBreachVariant,
): AnswerTable {
  const startDates = new Map(records.map((r) => [r.inspectionId, r.startDate]));
  // pair key → inspection id → kinds found
  const pairs = new Map<string, Map<string, Set<BreachEvidenceKind>>>();
  for (const e of listEvidence(records)) {
    if (!variant.evidence.includes(e.kind)) continue;
    const start = startDates.get(e.inspectionId);
    if (start === undefined)
      throw new Error(`a repeat refers to ${e.inspectionId}, which has no ground-truth record`);
    if (!isInWindow(start, variant.from, variant.to)) continue;
    const key = keyRepeatedBreach(e.locationId, e.regulationId);
    const inspections = pairs.get(key) ?? new Map<string, Set<BreachEvidenceKind>>();
    pairs.set(key, inspections);
    const kinds = inspections.get(e.inspectionId) ?? new Set<BreachEvidenceKind>();
    inspections.set(e.inspectionId, kinds);
    kinds.add(e.kind);
  }
  const rows: [string, Record<string, string>][] = [];
  for (const [key, inspections] of pairs) {
    if (inspections.size < variant.minInspections) continue;
    const counted = [...inspections].map(([inspectionId, kinds]) => ({
      inspectionId,
      evidence: KIND_ORDER.filter((k) => kinds.has(k)),
    }));
    rows.push([key, describeCountedInspections(counted)]);
  }
  return buildAnswerTable(rows, 'repeatedBreaches from the ground truth');
}
