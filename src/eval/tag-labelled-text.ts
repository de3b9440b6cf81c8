/**
 * Tags a labelled text as the pipeline tags a finding of its report: with the regulation
 * citations found in it (a bare "regulation N" read as the family's legislation at that date),
 * its report family and its section heading. Boilerplate gets no theme.
 */
import type { ReportFamily } from '../model/document.ts';
import {
  findCitations,
  findDefaultLegislation,
  readThemeFeatures,
  readThemes,
  type TagContext,
  type ThemeFeatures,
  type ThemeReading,
} from '../ingest/classify/index.ts';

function contextOf(
  text: string,
  family: ReportFamily,
  inspectionDate: string | null,
  section: string | null,
): TagContext {
  const defaultLegislation = findDefaultLegislation({
    family,
    inspection: { startDate: inspectionDate },
  });
  return { citations: findCitations(text, { defaultLegislation }), family, section };
}

/** `rulesOnly`: the rules alone, without the learned model (to compare the two). */
export interface TagOptions {
  rulesOnly?: boolean;
}

export function readLabelledText(
  text: string,
  family: ReportFamily,
  inspectionDate: string | null,
  section: string | null = null,
  options: TagOptions = {},
): ThemeReading {
  return readThemes(text, { ...contextOf(text, family, inspectionDate, section), ...options });
}

/** What the learned model reads of a labelled text (null for boilerplate), for training. */
export function readLabelledFeatures(
  text: string,
  family: ReportFamily,
  inspectionDate: string | null,
  section: string | null,
): ThemeFeatures | null {
  return readThemeFeatures(text, contextOf(text, family, inspectionDate, section));
}

/** The theme ids readLabelledText gives. */
export function tagLabelledText(
  text: string,
  family: ReportFamily,
  inspectionDate: string | null,
  section: string | null = null,
  options: TagOptions = {},
): string[] {
  return readLabelledText(text, family, inspectionDate, section, options).themes.map((t) => t.id);
}
