/**
 * What a ground-truth record says in the graph's vocabulary, read from the record alone: the
 * regulator of its family, the regulation id of a requirement, the year of its start date.
 */
import type { GroundTruthRecord, TruthRequirement } from '../../generate/ground-truth.ts';
import type { Regulator, ReportFamily } from '../../model/document.ts';
import { unreachable } from '../../model/unreachable.ts';

function refuseFamily(family: ReportFamily): never {
  throw new Error(`the generator writes no ${family} reports, so the audit has no rule for them`);
}

export function findRegulator(family: ReportFamily): Regulator {
  switch (family) {
    case 'ofsted-childrens-home':
      return 'OFSTED';
    case 'cqc-location-summary':
    case 'cqc-full-report':
      return 'CQC';
    case 'cqc-api-location':
    case 'ofsted-la-childrens-services':
    case 'ofsted-la-focused-visit':
    case 'ofsted-la-area-send':
      return refuseFamily(family);
    default:
      return unreachable(family, 'report family');
  }
}

/**
 * The legislation a report's requirements are made under: the ground truth gives a requirement's
 * regulation as a bare number, as the report's requirement table does.
 */
export function findRequirementLegislation(family: ReportFamily): string {
  switch (family) {
    case 'ofsted-childrens-home':
      return 'CHR2015';
    case 'cqc-location-summary':
    case 'cqc-full-report':
      return 'HSCA-RA-2014';
    case 'cqc-api-location':
    case 'ofsted-la-childrens-services':
    case 'ofsted-la-focused-visit':
    case 'ofsted-la-area-send':
      return refuseFamily(family);
    default:
      return unreachable(family, 'report family');
  }
}

/** `CHR2015:12` for requirement 12 of a children's home report. */
export function identifyRequirementRegulation(
  record: GroundTruthRecord,
  requirement: TruthRequirement,
): string {
  return `${findRequirementLegislation(record.family)}:${requirement.regulation}`;
}

/** The legislation part of a regulation id: `CHR2015` of `CHR2015:12`. */
export function findLegislationOf(regulationId: string): string {
  const colon = regulationId.lastIndexOf(':');
  if (colon <= 0) throw new Error(`not a regulation id: "${regulationId}"`);
  return regulationId.slice(0, colon);
}

export function readYear(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** Whether an ISO date lies in the window; null ends are open. */
export function isInWindow(isoDate: string, from: string | null, to: string | null): boolean {
  return (from === null || isoDate >= from) && (to === null || isoDate <= to);
}
