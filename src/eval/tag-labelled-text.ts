/**
 * Tags a labelled text as the pipeline tags a finding of its report: with the regulation
 * citations found in it (a bare "regulation N" read as the family's legislation at that date),
 * its report family and its section heading. Boilerplate gets no theme.
 */
import type { ReportFamily } from '../model/document.ts';
import { findCitations, findDefaultLegislation, tagThemes } from '../ingest/classify/index.ts';

export function tagLabelledText(
  text: string,
  family: ReportFamily,
  inspectionDate: string | null,
  section: string | null = null,
): string[] {
  const defaultLegislation = findDefaultLegislation({
    family,
    inspection: { startDate: inspectionDate },
  });
  const citations = findCitations(text, { defaultLegislation });
  return tagThemes(text, { citations, family, section }).map((t) => t.id);
}
