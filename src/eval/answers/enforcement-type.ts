/** The API's name for a ground-truth enforcement type (`compliance-notice` → `COMPLIANCE_NOTICE`). */
import type { EnforcementType } from '../../model/document.ts';
import { toEnforcementTypeName } from '../../model/enforcement-type.ts';

export function nameApiEnforcementType(type: EnforcementType): string {
  return toEnforcementTypeName(type);
}
