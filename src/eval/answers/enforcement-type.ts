/**
 * The API's name for a ground-truth enforcement type: the one place to change when
 * `EnforcementAction.type` becomes the GraphQL enum (`compliance-notice` → `COMPLIANCE_NOTICE`).
 */
import type { EnforcementType } from '../../model/document.ts';

export function nameApiEnforcementType(type: EnforcementType): string {
  return type;
}
