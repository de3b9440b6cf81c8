import type { ReportDocument, ReportFamily, SourceInfo } from '../../model/document.ts';
import { parseCqcLocationSummary } from './cqc-location-summary.ts';
import { parseCqcApiLocation, readCqcApiLocation } from './cqc-api-location.ts';
import { parseCqcFullReport } from './cqc-full-report.ts';
import { detectReportFamily } from './detect.ts';
import { parseOfstedChildrensHome } from './ofsted-childrens-home.ts';
import { parseOfstedLaAreaSend } from './ofsted-la-area-send.ts';
import { parseOfstedLaChildrensServices } from './ofsted-la-childrens-services.ts';
import { parseOfstedLaFocusedVisit } from './ofsted-la-focused-visit.ts';
import { unreachable } from '../../model/unreachable.ts';

export type ParseResult =
  | { ok: true; document: ReportDocument }
  | { ok: false; code: 'unrecognised-format' | 'empty-input' | 'invalid-json'; message: string };

function runParser(family: ReportFamily, text: string, source: SourceInfo): ReportDocument {
  switch (family) {
    case 'ofsted-childrens-home':
      return parseOfstedChildrensHome(text, source);
    case 'cqc-location-summary':
      return parseCqcLocationSummary(text, source);
    case 'cqc-full-report':
      return parseCqcFullReport(text, source);
    case 'cqc-api-location':
      return parseCqcApiLocation(text, source);
    case 'ofsted-la-childrens-services':
      return parseOfstedLaChildrensServices(text, source);
    case 'ofsted-la-focused-visit':
      return parseOfstedLaFocusedVisit(text, source);
    case 'ofsted-la-area-send':
      return parseOfstedLaAreaSend(text, source);
    default:
      return unreachable(family, 'report family');
  }
}

/** One-line description of a file for messages. */
function describeSource(source: SourceInfo): string {
  return (source.fileName || 'input').replace(/[\r\n]+/g, ' ');
}

/**
 * Parses a report of any known family, recognised from its content. Never throws: an empty or
 * unrecognised text is an `ok: false` result with a one-line message, and problems inside a
 * recognised report are warnings in the document.
 */
export function parseReport(input: { text: string; source: SourceInfo }): ParseResult {
  const { text, source } = input;
  if (text.trim() === '') {
    return {
      ok: false,
      code: 'empty-input',
      message: `${describeSource(source)}: the file has no text`,
    };
  }
  const family = detectReportFamily(text);
  // JSON has its own refusals (invalid JSON, not a location record), so it is read before the switch.
  if (family === 'cqc-api-location' || source.format === 'json')
    return readCqcApiLocation(text, source);
  if (!family) {
    return {
      ok: false,
      code: 'unrecognised-format',
      message: `${describeSource(source)}: not a report family this ingester knows (it reads Ofsted children's home, local-authority, focused-visit and area SEND reports, and CQC summaries, full reports and API records)`,
    };
  }
  return { ok: true, document: runParser(family, text, source) };
}

export { detectReportFamily } from './detect.ts';
export { OFSTED_CHILDRENS_HOME_PARSER } from './ofsted-childrens-home.ts';
export { CQC_LOCATION_SUMMARY_PARSER } from './cqc-location-summary.ts';
export { CQC_FULL_REPORT_PARSER } from './cqc-full-report.ts';
export { CQC_API_LOCATION_PARSER } from './cqc-api-location.ts';
export { OFSTED_LA_CHILDRENS_SERVICES_PARSER } from './ofsted-la-childrens-services.ts';
export { OFSTED_LA_FOCUSED_VISIT_PARSER } from './ofsted-la-focused-visit.ts';
export { OFSTED_LA_AREA_SEND_PARSER } from './ofsted-la-area-send.ts';
