/** What repeatedBreaches is asked and what it answers. */
import type {
  InspectionRow,
  LocationRow,
  ProviderRow,
  RegulationRow,
  RequirementRow,
} from '../../rows.ts';

export interface RepeatedBreachArgs {
  regulation: string | null;
  legislation: string | null;
  regulator: string | null;
  minInspections: number;
  from: string | null;
  to: string | null;
  first: number;
}

export interface RepeatStatementRow {
  findingId: string;
  statement: string;
  refersTo: string | null;
}

export interface RepeatedBreachRow {
  locationId: string;
  providerId: string | null;
  regulationId: string;
  inspectionIds: string[];
  requirementIds: string[];
  statements: RepeatStatementRow[];
  /** The nodes behind the ids, read in the same query so resolvers need no more round trips. */
  location: LocationRow;
  provider: ProviderRow | null;
  regulation: RegulationRow;
  /** In the order of inspectionIds and requirementIds. */
  inspections: InspectionRow[];
  requirements: RequirementRow[];
}
