/**
 * Whether each parsed LA report gives what the graph needs from it: a known LA as location
 * (`la:<urn>`), inspection dates, and at least one finding. Counted per family.
 */
import type { ReportDocument, ReportFamily } from '../ingest/document.ts';

export const LA_FAMILIES: readonly ReportFamily[] = ['ofsted-la-childrens-services', 'ofsted-la-focused-visit', 'ofsted-la-area-send'];

export interface CompletenessResult {
  byFamily: Record<string, { documents: number; complete: number }>;
  incomplete: Array<{ file: string; family: string; missing: string[] }>;
}

/** What a document lacks of location, dates and findings; empty when complete. */
export function findMissingParts(doc: ReportDocument): string[] {
  const missing: string[] = [];
  if (!doc.location.id.startsWith('la:')) missing.push('location');
  if (!doc.inspection.startDate || !doc.inspection.endDate) missing.push('dates');
  if (doc.findings.length === 0) missing.push('findings');
  return missing;
}

export function measureCompleteness(documents: readonly ReportDocument[]): CompletenessResult {
  const result: CompletenessResult = { byFamily: {}, incomplete: [] };
  for (const doc of documents) {
    if (!LA_FAMILIES.includes(doc.family)) continue;
    const counts = (result.byFamily[doc.family] ??= { documents: 0, complete: 0 });
    counts.documents += 1;
    const missing = findMissingParts(doc);
    if (missing.length === 0) counts.complete += 1;
    else result.incomplete.push({ file: doc.source.fileName, family: doc.family, missing });
  }
  return result;
}

export function formatCompleteness(result: CompletenessResult): string {
  const lines = ['family                          complete / documents (location, dates, >= 1 finding)'];
  for (const [family, c] of Object.entries(result.byFamily)) {
    const pct = c.documents === 0 ? '-' : `${((100 * c.complete) / c.documents).toFixed(1)}%`;
    lines.push(`${family.padEnd(31)} ${String(c.complete).padStart(8)} / ${c.documents}  ${pct}`);
  }
  for (const i of result.incomplete) lines.push(`  incomplete: ${i.file} (${i.family}): no ${i.missing.join(', ')}`);
  return lines.join('\n');
}
