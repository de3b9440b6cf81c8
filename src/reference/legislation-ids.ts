import type { LegislationId } from '../model/document.ts';

/**
 * The legislation ids the ReportDocument contract knows. The catalogue may describe only these:
 * a citation or requirement must be able to name any catalogue entry.
 */
export const LEGISLATION_IDS = [
  'CHR2015',
  'HSCA-RA-2014',
  'HSCA-RA-2010',
  'CQC-REG-2009',
  'CSA2000',
  'HSCA2008',
] as const satisfies readonly LegislationId[];

// Fails to compile when document.ts gains an id this list lacks.
type Unlisted = Exclude<LegislationId, (typeof LEGISLATION_IDS)[number]>;
export const LEGISLATION_IDS_COMPLETE: [Unlisted] extends [never] ? true : never = true;
