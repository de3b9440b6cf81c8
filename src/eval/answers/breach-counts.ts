/**
 * breachCounts from the ground truth: per group of the keys asked for, the requirements made, the
 * distinct locations and the distinct inspections they were made at. A group's keys come from
 * the requirement (regulation, its legislation), the report's family (regulator), its start date
 * (year) and its location and provider. Each group's rate is over every inspection (every record:
 * one per report) in the group's regulator, year, region, local authority and provider, with or
 * without requirements; regulation and legislation keys do not narrow it.
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

/** The groups an inspection is in whatever its requirements: all but the requirement's own. */
type InspectionGroup = Exclude<BreachGroup, 'REGULATION' | 'LEGISLATION'>;

function isInspectionGroup(group: BreachGroup): group is InspectionGroup {
  return group !== 'REGULATION' && group !== 'LEGISLATION';
}

/** An inspection's key in a group, as the API prints it (a year as digits). */
function readInspectionKey(group: InspectionGroup, record: GroundTruthRecord): string {
  switch (group) {
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

/** The group's key for one requirement. */
function readGroupKey(
  group: BreachGroup,
  record: GroundTruthRecord,
  requirement: TruthRequirement,
): string {
  if (group === 'REGULATION') return identifyRequirementRegulation(record, requirement);
  if (group === 'LEGISLATION')
    return findLegislationOf(identifyRequirementRegulation(record, requirement));
  return readInspectionKey(group, record);
}

/**
 * The key of the inspections a row's rate is over: the record's keys in the inspection groups,
 * `*` for the others.
 */
function keyDenominator(groupBy: readonly BreachGroup[], record: GroundTruthRecord): string {
  return keyBreachGroup(
    groupBy.map((g) => (isInspectionGroup(g) ? readInspectionKey(g, record) : '*')),
  );
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
    { requirements: number; locations: Set<string>; inspections: Set<string>; cell: string }
  >();
  const cells = new Map<string, Set<string>>();
  for (const record of records) {
    const cell = keyDenominator(groupBy, record);
    cells.set(cell, (cells.get(cell) ?? new Set<string>()).add(record.inspectionId));
    for (const requirement of record.requirements) {
      const key = keyBreachGroup(groupBy.map((g) => readGroupKey(g, record, requirement)));
      const group = groups.get(key) ?? {
        requirements: 0,
        locations: new Set<string>(),
        inspections: new Set<string>(),
        cell,
      };
      groups.set(key, group);
      // The generator makes at most one requirement per regulation in a report, so each counts.
      group.requirements += 1;
      group.locations.add(record.locationId);
      group.inspections.add(record.inspectionId);
    }
  }
  return buildAnswerTable(
    [...groups].map(([key, g]) => {
      const inspectionsInGroup = cells.get(g.cell)?.size ?? 0;
      return [
        key,
        {
          requirementCount: String(g.requirements),
          locationCount: String(g.locations.size),
          inspectionCount: String(g.inspections.size),
          inspectionsInGroup: String(inspectionsInGroup),
          requirementsPer100Inspections: String((100 * g.requirements) / inspectionsInGroup),
        },
      ];
    }),
    'breachCounts from the ground truth',
  );
}
