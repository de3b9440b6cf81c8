/**
 * Classifiers run after parsing: they enrich findings with regulation citations, themes,
 * polarity and repeat evidence. They never change what the parser read from the report's
 * structure: a polarity the parser set stays, and so do citations, themes or repeat evidence a
 * parser already filled in (classifier results are added beside them).
 */
import type { Citation, Finding, ReportDocument, ThemeTag } from '../../model/document.ts';
import { classifyPolarity } from './classify-polarity.ts';
import { findDefaultLegislation } from './default-legislation.ts';
import { findCitations, type CitationContext } from './find-citations.ts';
import { findRepeat } from './find-repeats.ts';
import { tagThemes } from './tag-themes.ts';

export { classifyPolarity } from './classify-polarity.ts';
export { findDefaultLegislation } from './default-legislation.ts';
export { findCitations } from './find-citations.ts';
export { findRepeat } from './find-repeats.ts';
export { tagThemes } from './tag-themes.ts';

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

function mergeThemes(existing: readonly ThemeTag[], found: readonly ThemeTag[]): ThemeTag[] {
  const byId = new Map(existing.map((t) => [t.id, { id: t.id, terms: [...t.terms] }]));
  for (const tag of found) {
    const current = byId.get(tag.id);
    if (current) current.terms.push(...tag.terms.filter((term) => !current.terms.includes(term)));
    else byId.set(tag.id, { id: tag.id, terms: [...tag.terms] });
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
  return {
    ...finding,
    polarity,
    citations: mergeCitations(finding.citations, found),
    themes: mergeThemes(finding.themes, tagThemes(finding.text, [...found, ...finding.citations])),
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
    findings: doc.findings.map((finding) => classifyFinding(finding, doc, context)),
  };
}
