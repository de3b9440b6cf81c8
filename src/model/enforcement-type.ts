/**
 * The one mapping between the enforcement types stored in the graph (`compliance-notice`) and the
 * API's `enum EnforcementType` names (`COMPLIANCE_NOTICE`). The stored values stay as they are, so
 * a graph loaded before the enum existed answers the same; the names live only at the boundary.
 */
import type { EnforcementType } from './document.ts';
import { unreachable } from './unreachable.ts';

export type EnforcementTypeName =
  | 'COMPLIANCE_NOTICE'
  | 'WARNING_NOTICE'
  | 'REQUIREMENT_NOTICE'
  | 'RESTRICTION'
  | 'SUSPENSION'
  | 'CANCELLATION'
  | 'PROSECUTION'
  | 'OTHER';

export function toEnforcementTypeName(type: EnforcementType): EnforcementTypeName {
  switch (type) {
    case 'compliance-notice':
      return 'COMPLIANCE_NOTICE';
    case 'warning-notice':
      return 'WARNING_NOTICE';
    case 'requirement-notice':
      return 'REQUIREMENT_NOTICE';
    case 'restriction':
      return 'RESTRICTION';
    case 'suspension':
      return 'SUSPENSION';
    case 'cancellation':
      return 'CANCELLATION';
    case 'prosecution':
      return 'PROSECUTION';
    case 'other':
      return 'OTHER';
    default:
      return unreachable(type, 'enforcement type');
  }
}

/** Every stored type; the record's keys make the compiler reject a list that misses one. */
const STORED: Readonly<Record<EnforcementType, true>> = {
  'compliance-notice': true,
  'warning-notice': true,
  'requirement-notice': true,
  restriction: true,
  suspension: true,
  cancellation: true,
  prosecution: true,
  other: true,
};

export const ENFORCEMENT_TYPES = Object.keys(STORED) as readonly EnforcementType[];

export function isEnforcementType(value: string): value is EnforcementType {
  return Object.hasOwn(STORED, value);
}

export function fromEnforcementTypeName(name: EnforcementTypeName): EnforcementType {
  const type = ENFORCEMENT_TYPES.find((t) => toEnforcementTypeName(t) === name);
  if (!type) throw new Error(`Unknown enforcement type name ${name}`);
  return type;
}
