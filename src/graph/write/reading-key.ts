/**
 * What a report says, apart from where it says it: a hash of its inspection, judgements,
 * requirements, recommendations, enforcement and findings, without positions or source. The same
 * report as a PDF and as a text copy has two sha256s (two extractions of its text) and one
 * reading key, so the loader keeps both files as reports of one inspection instead of letting
 * each replace the other as a new version on every run; a changed version reads differently and
 * replaces the old one as before.
 */
import { createHash } from 'node:crypto';
import type { ReportDocument } from '../../model/document.ts';

export function computeReadingKey(doc: ReportDocument): string {
  const reading = {
    family: doc.family,
    inspection: doc.inspection,
    location: doc.location.id,
    judgements: doc.judgements,
    requirements: doc.requirements.map((r) => [r.id, r.text, r.regulation, r.dueDate]),
    recommendations: doc.recommendations.map((r) => [r.id, r.text]),
    enforcement: doc.enforcement.map((e) => [e.id, e.type, e.text]),
    findings: doc.findings.map((f) => [f.id, f.section, f.text]),
  };
  return createHash('sha256').update(JSON.stringify(reading)).digest('hex');
}
