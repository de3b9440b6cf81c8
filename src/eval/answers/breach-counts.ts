/**
 * breachCounts from the ground truth: per group of the keys asked for, the requirements made, the
 * distinct locations and the distinct inspections they were made at. A group's keys come from
 * the requirement (regulation, its legislation), the report's family (regulator), its start date
 * (year) and its location and provider.
 */
import type { GroundTruthRecord, TruthRequirement } from '../../generate/ground-truth.ts';
import { unreachable } from '../../model/unreachable.ts';
import { buildAnswerTable, type AnswerTable } from './answer-table.ts';
import {
  findLegislationOf,
  findRegulator,
  identifyRequirementRegulation,
  readYear,
} from './truth-facts.ts';

export const BREACH_GROUPS = [
  'REGULATION',
  'LEGISLATION',
  'REGULATOR',
  'YEAR',
  'REGION',
  'LOCAL_AUTHORITY',
  'PROVIDER',
] as const;

export type BreachGroup = (typeof BREACH_GROUPS)[number];

/** The group's key for one requirement, as the API prints it (a year as digits). */
function readGroupKey(
  group: BreachGroup,
  record: GroundTruthRecord,
  requirement: TruthRequirement,
): string {
  switch (group) {
    case 'REGULATION':
      return identifyRequirementRegulation(record, requirement);
    case 'LEGISLATION':
      return findLegislationOf(identifyRequirementRegulation(record, requirement));
    case 'REGULATOR':
      return findRegulator(record.family);
    case 'YEAR':
      return String(readYear(record.startDate));
    case 'REGION':
      return record.location.region;
    case 'LOCAL_AUTHORITY':
      return record.location.localAuthority;
    case 'PROVIDER':
      return record.providerId;
    default:
      return unreachable(group, 'breach group');
  }
}

/** Row key of a group: its keys in the order asked, joined. */
export function keyBreachGroup(keys: readonly string[]): string {
  return keys.join(' | ');
}

export function computeBreachCounts(
  records: readonly GroundTruthRecord[],
  groupBy: readonly BreachGroup[],
): AnswerTable {
  const groups = new Map<
    string,
    { requirements: number; locations: Set<string>; inspections: Set<string> }
  >();
  for (const record of records)
    for (const requirement of record.requirements) {
      const key = keyBreachGroup(groupBy.map((g) => readGroupKey(g, record, requirement)));
      const group = groups.get(key) ?? {
        requirements: 0,
        locations: new Set<string>(),
        inspections: new Set<string>(),
      };
      groups.set(key, group);
      // The generator makes at most one requirement per regulation in a report, so each counts.
      group.requirements += 1;
      group.locations.add(record.locationId);
      group.inspections.add(record.inspectionId);
    }
  return buildAnswerTable(
    [...groups].map(([key, g]) => [
      key,
      {
        requirementCount: String(g.requirements),
        locationCount: String(g.locations.size),
        inspectionCount: String(g.inspections.size),
      },
    ]),
    'breachCounts from the ground truth',
  );
}
