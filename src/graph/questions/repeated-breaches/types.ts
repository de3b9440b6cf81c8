/** What repeatedBreaches is asked and what it answers. */
import type {
  EnforcementRow,
  InspectionRow,
  LocationRow,
  ProviderRow,
  RegulationRow,
  RequirementRow,
} from '../../rows.ts';
import type { AnswerSort } from '../../answer-sort.ts';
import type { AnswerPage, PageArgs } from '../../page.ts';

/**
 * What puts an inspection in a pair's count. DOCUMENTED: its own report or data row records a
 * requirement or an enforcement action under the regulation. STATED_REPEAT: a report of the same
 * location says a shortfall repeats that inspection's, in a sentence that names the regulation.
 */
export type BreachEvidence = 'DOCUMENTED' | 'STATED_REPEAT';

export const BREACH_EVIDENCE: readonly BreachEvidence[] = ['DOCUMENTED', 'STATED_REPEAT'];

export interface RepeatedBreachArgs extends PageArgs {
  regulation: string | null;
  legislation: string | null;
  regulator: string | null;
  minInspections: number;
  from: string | null;
  to: string | null;
  /** The kinds counted: distinct, in BREACH_EVIDENCE order, never empty. */
  evidence: BreachEvidence[];
  /** Null or absent for the documented order (most inspections first, then location id, regulation id). */
  sort?: AnswerSort<RepeatedBreachSortField> | null;
  /** true: only generated inspections count; false: only real ones; null: both. */
  synthetic?: boolean | null;
  /** Only locations of this provider group (any provider of the location in it). */
  providerGroupId?: string | null;
}

/** The answer's one figure. */
export type RepeatedBreachSortField = 'INSPECTION_COUNT';

export interface RepeatStatementRow {
  findingId: string;
  statement: string;
  refersTo: string | null;
}

export interface CountedInspectionRow {
  inspectionId: string;
  evidence: BreachEvidence[];
  /** The node, read in the same query. */
  inspection: InspectionRow;
}

export interface RepeatedBreachRow {
  locationId: string;
  providerId: string | null;
  regulationId: string;
  /** Oldest first; the ids of `counted`. */
  inspectionIds: string[];
  counted: CountedInspectionRow[];
  requirementIds: string[];
  enforcementIds: string[];
  statements: RepeatStatementRow[];
  /** The nodes behind the ids, read in the same query so resolvers need no more round trips. */
  location: LocationRow;
  provider: ProviderRow | null;
  regulation: RegulationRow;
  /** In the order of inspectionIds, requirementIds and enforcementIds. */
  inspections: InspectionRow[];
  requirements: RequirementRow[];
  enforcementActions: EnforcementRow[];
}

export type RepeatedBreachPage = AnswerPage<RepeatedBreachRow>;
