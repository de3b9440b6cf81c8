/**
 * The legislation a bare "regulation 12" in a report means. Reports name the instrument once and
 * then cite numbers alone, so the family and date of the inspection decide; when they cannot
 * (no date, or a date when two instruments overlapped) there is no default and bare numbers stay
 * unresolved.
 */
import type { InspectionInfo, LegislationId, ReportFamily } from '../../model/document.ts';
import { unreachable } from '../../model/unreachable.ts';

/** In force from 1 April 2015 (reference/chr2015.json instrument.in_force). */
const CHR2015_IN_FORCE = '2015-04-01';
/**
 * The 2014 Regulated Activities Regulations replaced the 2010 ones on 1 April 2015 for most
 * providers, and from 27 November 2014 for NHS bodies; between those dates either may be cited.
 */
const HSCA_RA_2014_IN_FORCE_ALL = '2015-04-01';
const HSCA_RA_2014_IN_FORCE_FIRST = '2014-11-27';

export function findDefaultLegislation(doc: {
  family: ReportFamily;
  inspection: Pick<InspectionInfo, 'startDate'>;
}): LegislationId | null {
  const date = doc.inspection.startDate;
  if (date === null) return null;
  switch (doc.family) {
    case 'ofsted-childrens-home':
      // Before April 2015 the Children's Homes Regulations 2001 applied; they are not catalogued.
      return date >= CHR2015_IN_FORCE ? 'CHR2015' : null;
    case 'cqc-location-summary':
    case 'cqc-full-report':
    case 'cqc-api-location':
      if (date >= HSCA_RA_2014_IN_FORCE_ALL) return 'HSCA-RA-2014';
      return date < HSCA_RA_2014_IN_FORCE_FIRST ? 'HSCA-RA-2010' : null;
    case 'ofsted-la-childrens-services':
    case 'ofsted-la-focused-visit':
    case 'ofsted-la-area-send':
      // LA reports cite the Children Acts by name and section, never a bare regulation number.
      return null;
    default:
      return unreachable(doc.family, 'report family');
  }
}
