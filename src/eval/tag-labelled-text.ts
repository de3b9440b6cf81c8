/**
 * Tags a labelled text as the pipeline tags a finding of its report: with the regulation
 * citations found in it (a bare "regulation N" read as the family's legislation at that date),
 * its report family and its section heading. Boilerplate gets no theme.
 */
import type { ReportFamily } from '../model/document.ts';
import {
  findCitations,
  findDefaultLegislation,
  readThemes,
  type ThemeReading,
} from '../ingest/classify/index.ts';

export function readLabelledText(
  text: string,
  family: ReportFamily,
  inspectionDate: string | null,
  section: string | null = null,
): ThemeReading {
  const defaultLegislation = findDefaultLegislation({
    family,
    inspection: { startDate: inspectionDate },
  });
  const citations = findCitations(text, { defaultLegislation });
  return readThemes(text, { citations, family, section });
}

/** The theme ids readLabelledText gives. */
export function tagLabelledText(
  text: string,
  family: ReportFamily,
  inspectionDate: string | null,
  section: string | null = null,
): string[] {
  return readLabelledText(text, family, inspectionDate, section).themes.map((t) => t.id);
}
