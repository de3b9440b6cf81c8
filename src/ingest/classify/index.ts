/**
 * Classifiers run after parsing: they enrich findings with regulation citations, themes,
 * polarity and repeat evidence. They never change what the parser read from the report's
 * structure: a polarity the parser set stays, and so do citations, themes or repeat evidence a
 * parser already filled in (classifier results are added beside them).
 */
import type { Citation, Finding, ReportDocument, ThemeTag } from '../../model/document.ts';
import { INGEST_VERSION } from '../../model/ingest-version.ts';
import { classifyPolarity } from './classify-polarity.ts';
import { findDefaultLegislation } from './default-legislation.ts';
import { findCitations, type CitationContext } from './find-citations.ts';
import { findRepeat } from './find-repeats.ts';
import { readThemes } from './tag-themes.ts';

export { classifyPolarity } from './classify-polarity.ts';
export { findDefaultLegislation } from './default-legislation.ts';
export { findCitations } from './find-citations.ts';
export { findRepeat } from './find-repeats.ts';
export {
  readThemeFeatures,
  readThemes,
  tagThemes,
  type TagContext,
  type ThemeReading,
} from './tag-themes.ts';
export type { ThemeFeatures } from './theme-model.ts';

/**
 * Version of what the classifiers write, kept in each document: the pipeline's INGEST_VERSION
 * (model/ingest-version.ts), so one number is bumped when their output for the same text changes
 * (new cues, contexts, boilerplate texts, confidences, the model or the reference files they
 * read), and that number is what makes `npm run ingest` load again, and so re-tag, a graph's
 * reports. (Until ingest version 5 it was a number of its own, last '2'.)
 */
export const CLASSIFIER_VERSION: string = INGEST_VERSION;

function citationKey(citation: Citation): string {
  return `${citation.regulation.legislation}:${citation.regulation.number}`;
}

function mergeCitations(existing: readonly Citation[], found: readonly Citation[]): Citation[] {
  const seen = new Set(existing.map(citationKey));
  return [...existing, ...found.filter((c) => !seen.has(citationKey(c))).map(copyCitation)];
}

function copyCitation({ regulation, text }: Citation): Citation {
  return { regulation: { ...regulation }, text };
}

/** A parser's own tags stay; the tagger's join them, a theme both give keeping the higher confidence. */
function mergeThemes(existing: readonly ThemeTag[], found: readonly ThemeTag[]): ThemeTag[] {
  const byId = new Map(existing.map((t) => [t.id, { ...t, terms: [...t.terms] }]));
  for (const tag of found) {
    const current = byId.get(tag.id);
    if (current) {
      current.terms.push(...tag.terms.filter((term) => !current.terms.includes(term)));
      current.confidence = Math.max(current.confidence, tag.confidence);
    } else byId.set(tag.id, { ...tag, terms: [...tag.terms] });
  }
  return [...byId.values()];
}

export function classifyFinding(
  finding: Finding,
  doc: ReportDocument,
  context: CitationContext,
): Finding {
  const found = findCitations(finding.text, context);
  const polarity =
    finding.polarity === 'neutral' ? classifyPolarity(finding.text) : finding.polarity;
  const reading = readThemes(finding.text, {
    citations: [...found, ...finding.citations],
    family: doc.family,
    section: finding.section,
  });
  const boilerplate = finding.boilerplate || reading.boilerplate;
  return {
    ...finding,
    polarity,
    citations: mergeCitations(finding.citations, found),
    boilerplate,
    // Standard text is about nothing: no theme, whoever gave it.
    themes: boilerplate ? [] : mergeThemes(finding.themes, reading.themes),
    repeat: finding.repeat
      ? { ...finding.repeat, citations: finding.repeat.citations.map(copyCitation) }
      : findRepeat(finding.text, polarity, doc, found),
    position: { ...finding.position },
  };
}

/** Returns a new document with every finding classified; the input is left untouched. */
export function classifyDocument(doc: ReportDocument): ReportDocument {
  const context: CitationContext = { defaultLegislation: findDefaultLegislation(doc) };
  return {
    ...doc,
    classifier: { version: CLASSIFIER_VERSION },
    findings: doc.findings.map((finding) => classifyFinding(finding, doc, context)),
  };
}
