/**
 * Tags a labelled text as the pipeline tags a finding of its report: with the regulation
 * citations found in it, a bare "regulation N" read as the family's legislation at that date.
 */
import type { ReportFamily } from '../model/document.ts';
import { findCitations, findDefaultLegislation, tagThemes } from '../ingest/classify/index.ts';

export function tagLabelledText(
  text: string,
  family: ReportFamily,
  inspectionDate: string | null,
): string[] {
  const defaultLegislation = findDefaultLegislation({
    family,
    inspection: { startDate: inspectionDate },
  });
  return tagThemes(text, findCitations(text, { defaultLegislation })).map((t) => t.id);
}
