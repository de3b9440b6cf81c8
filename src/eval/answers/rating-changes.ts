/**
 * ratingChanges from the ground truth (README, "The GraphQL API"): for each inspection with an
 * overall grade, an interim judgement is its own direction; otherwise its grade is compared with
 * the nearest earlier inspection of the location with a full-scale grade; where there is none,
 * the report's own stated direction counts; else there is no change to list.
 */
import type { GroundTruthRecord } from '../../generate/ground-truth.ts';
import type { Grade, RatingDirection } from '../../model/document.ts';
import { buildAnswerTable, type AnswerTable } from './answer-table.ts';

/** Full-scale grades in order; Ofsted's adequate stands level with CQC's requires improvement. */
const RANK: Readonly<Partial<Record<Grade, number>>> = {
  OUTSTANDING: 4,
  GOOD: 3,
  ADEQUATE: 2,
  REQUIRES_IMPROVEMENT: 2,
  INADEQUATE: 1,
};

const INTERIM_DIRECTION: Readonly<Partial<Record<Grade, RatingDirection>>> = {
  IMPROVED_EFFECTIVENESS: 'UP',
  DECLINED_IN_EFFECTIVENESS: 'DOWN',
  SUSTAINED_EFFECTIVENESS: 'SAME',
};

export interface RatingChange {
  afterId: string;
  beforeId: string | null;
  direction: RatingDirection;
  basis: 'grades compared' | 'interim judgement' | 'stated in report';
}

/** Cypher's string order (code points), not the locale's. */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compareRanks(after: number, before: number): RatingDirection {
  if (after > before) return 'UP';
  return after < before ? 'DOWN' : 'SAME';
}

function judgeChange(
  after: GroundTruthRecord,
  before: GroundTruthRecord | null,
): Omit<RatingChange, 'afterId' | 'beforeId'> | null {
  const interim = INTERIM_DIRECTION[after.overallGrade];
  if (interim) return { direction: interim, basis: 'interim judgement' };
  const ra = RANK[after.overallGrade];
  const rb = before ? RANK[before.overallGrade] : undefined;
  if (ra !== undefined && rb !== undefined)
    return { direction: compareRanks(ra, rb), basis: 'grades compared' };
  if (after.ratingDirection) return { direction: after.ratingDirection, basis: 'stated in report' };
  return null;
}

export function listRatingChanges(records: readonly GroundTruthRecord[]): RatingChange[] {
  const byLocation = new Map<string, GroundTruthRecord[]>();
  for (const record of records)
    byLocation.set(record.locationId, [...(byLocation.get(record.locationId) ?? []), record]);
  const changes: RatingChange[] = [];
  for (const inspections of byLocation.values()) {
    // The graph chains a location's inspections by start date, then id.
    inspections.sort(
      (a, b) =>
        compareCodePoints(a.startDate, b.startDate) ||
        compareCodePoints(a.inspectionId, b.inspectionId),
    );
    let lastGraded: GroundTruthRecord | null = null;
    for (const after of inspections) {
      const change = judgeChange(after, lastGraded);
      if (change)
        changes.push({
          afterId: after.inspectionId,
          beforeId: lastGraded?.inspectionId ?? null,
          ...change,
        });
      if (RANK[after.overallGrade] !== undefined) lastGraded = after;
    }
  }
  return changes;
}

/** The changes in one direction (or all), keyed by the later inspection. */
export function computeRatingChanges(
  records: readonly GroundTruthRecord[],
  direction: RatingDirection | null,
): AnswerTable {
  return buildAnswerTable(
    listRatingChanges(records)
      .filter((c) => direction === null || c.direction === direction)
      .map((c) => [
        c.afterId,
        {
          direction: c.direction,
          basis: c.basis,
          before: c.beforeId ?? 'none',
        },
      ]),
    'ratingChanges from the ground truth',
  );
}
