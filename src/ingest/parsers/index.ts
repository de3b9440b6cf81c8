import type { ReportDocument, ReportFamily, SourceInfo } from '../document.ts';
import { parseCqcLocationSummary } from './cqc-location-summary.ts';
import { detectReportFamily } from './detect.ts';
import { parseOfstedChildrensHome } from './ofsted-childrens-home.ts';

export type ParseResult =
  | { ok: true; document: ReportDocument }
  | { ok: false; code: 'unrecognised-format' | 'empty-input'; message: string };

function runParser(family: ReportFamily, text: string, source: SourceInfo): ReportDocument {
  switch (family) {
    case 'ofsted-childrens-home':
      return parseOfstedChildrensHome(text, source);
    case 'cqc-location-summary':
      return parseCqcLocationSummary(text, source);
    default:
      return unreachableFamily(family);
  }
}

function unreachableFamily(family: never): never {
  throw new Error(`No parser for report family ${String(family)}`);
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
    return { ok: false, code: 'empty-input', message: `${describeSource(source)}: the file has no text` };
  }
  const family = detectReportFamily(text);
  if (!family) {
    return {
      ok: false,
      code: 'unrecognised-format',
      message: `${describeSource(source)}: not a report family this ingester knows (Ofsted children's home inspection, CQC location summary)`,
    };
  }
  return { ok: true, document: runParser(family, text, source) };
}

export { detectReportFamily } from './detect.ts';
export { OFSTED_CHILDRENS_HOME_PARSER } from './ofsted-childrens-home.ts';
export { CQC_LOCATION_SUMMARY_PARSER } from './cqc-location-summary.ts';
