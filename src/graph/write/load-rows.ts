/**
 * ReportDocument → the flat parameter rows the load queries UNWIND. Pure, so what is written
 * for a document can be tested without a database.
 */
import { computeReadingKey } from './reading-key.ts';
import { INGEST_VERSION } from '../../model/ingest-version.ts';
import { normalisePlace } from '../../reference/places.ts';
import type {
  EnforcementItem,
  Finding,
  InspectionVisit,
  ReportDocument,
  RegulationRef,
} from '../../model/document.ts';
import type { ContextWindow } from '../../model/source-context.ts';

export function toRegulationId(ref: RegulationRef): string {
  return `${ref.legislation}:${ref.number}`;
}

function regulationRow(ref: RegulationRef | null) {
  return ref
    ? {
        regulationId: toRegulationId(ref),
        legislation: ref.legislation,
        number: ref.number,
        title: ref.title,
      }
    : null;
}

/** The item's window into its report's kept sentences (model/source-context.ts), or null. */
function contextWindowOf(doc: ReportDocument, id: string): ContextWindow | null {
  return doc.context?.windows[id] ?? null;
}

function enforcementRow(doc: ReportDocument, item: EnforcementItem) {
  return {
    id: item.id,
    type: item.type,
    legalBasis: item.legalBasis,
    count: item.count,
    issuedOn: item.issuedOn,
    complyBy: item.complyBy,
    text: item.text,
    offset: item.position.offset,
    line: item.position.line,
    regulation: regulationRow(item.regulation),
    requirementIds: item.requirementIds,
    context: contextWindowOf(doc, item.id),
  };
}

/** A visit as an ISO 8601 interval, so the graph keeps a list of plain strings. */
function formatVisit(visit: InspectionVisit): string {
  return `${visit.start}/${visit.end}`;
}

function slugifyArea(area: string): string {
  return area
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface LoadParams {
  report: Record<string, unknown>;
  regulator: string;
  provider: Record<string, unknown> | null;
  location: Record<string, unknown>;
  inspection: Record<string, unknown>;
  judgements: Record<string, unknown>[];
  history: Record<string, unknown>[];
  requirements: Record<string, unknown>[];
  recommendations: Record<string, unknown>[];
  enforcement: Record<string, unknown>[];
  findings: Record<string, unknown>[];
  /** The report's sentences near its items, written once on its ReportSentences node. */
  sentences: string[];
}

export function buildLoadParams(doc: ReportDocument): LoadParams {
  const inspectionId = doc.inspection.id;
  return {
    report: {
      sha256: doc.source.sha256,
      fileName: doc.source.fileName,
      format: doc.source.format,
      family: doc.family,
      parser: doc.parser.name,
      parserVersion: doc.parser.version,
      ingestVersion: INGEST_VERSION,
      synthetic: doc.source.synthetic === true,
      readingKey: computeReadingKey(doc),
      warnings: doc.warnings.map(
        (w) => `${w.code}${w.position ? ` (line ${w.position.line})` : ''}: ${w.message}`,
      ),
    },
    regulator: doc.regulator,
    provider: doc.provider
      ? { id: doc.provider.id, name: doc.provider.name, address: doc.provider.address }
      : null,
    location: {
      ...doc.location,
      ...normalisePlace(doc.location),
      address: doc.location.address ?? null,
    },
    inspection: {
      id: inspectionId,
      type: doc.inspection.type,
      startDate: doc.inspection.startDate,
      endDate: doc.inspection.endDate,
      framework: doc.inspection.framework,
      overallGrade: doc.inspection.overallGrade,
      overallGradeText: doc.inspection.overallGradeText,
      ratingDirection: doc.inspection.ratingDirection,
      previousGrade: doc.inspection.previousGrade ?? null,
      publishedOn: doc.inspection.publishedOn ?? null,
      people: doc.people.map((p) => `${p.role}: ${p.name}`),
      visits: (doc.inspection.visits ?? []).map(formatVisit),
    },
    judgements: doc.judgements.map((j, ordinal) => ({
      id: `${inspectionId}/judgement/${slugifyArea(j.area)}`,
      ordinal,
      area: j.area,
      grade: j.grade,
      gradeText: j.gradeText,
    })),
    history: doc.history
      .filter((h) => h.inspectionId !== inspectionId)
      .map((h) => ({
        id: h.inspectionId,
        date: h.date,
        type: h.type,
        grade: h.grade,
        gradeText: h.gradeText,
      })),
    requirements: doc.requirements.map((r) => ({
      id: r.id,
      text: r.text,
      paragraphs: r.paragraphs,
      dueDate: r.dueDate,
      complianceNotice: r.complianceNotice,
      offset: r.position.offset,
      line: r.position.line,
      regulation: regulationRow(r.regulation),
      context: contextWindowOf(doc, r.id),
    })),
    recommendations: doc.recommendations.map((r) => ({
      id: r.id,
      text: r.text,
      offset: r.position.offset,
      line: r.position.line,
      context: contextWindowOf(doc, r.id),
    })),
    enforcement: doc.enforcement.map((item) => enforcementRow(doc, item)),
    findings: doc.findings.map((f) => ({
      id: f.id,
      text: f.text,
      section: f.section,
      polarity: f.polarity,
      offset: f.position.offset,
      line: f.position.line,
      pointer: f.position.pointer ?? null,
      boilerplate: f.boilerplate,
      themes: f.themes.map((t) => ({ id: t.id, terms: t.terms, confidence: t.confidence })),
      citations: buildCitationRows(f),
      repeatStatement: f.repeat?.statement ?? null,
      repeatRefersTo: f.repeat?.refersTo ?? null,
      // Flat properties, not a node: a finding has at most one label and the API reads it with the finding.
      labelSource: f.label?.source ?? null,
      labelId: f.label?.id ?? null,
      labelName: f.label?.name ?? null,
      labelScore: f.label?.score ?? null,
      context: contextWindowOf(doc, f.id),
    })),
    sentences: doc.context?.sentences ?? [],
  };
}

/**
 * A finding's citations, each marked when its repeat statement names it too: that mark is what
 * lets repeatedBreaches count the statement as evidence of a breach of the regulation.
 */
function buildCitationRows(f: Finding): Record<string, unknown>[] {
  const inRepeat = new Set(f.repeat?.citations.map((c) => regulationKey(c.regulation)) ?? []);
  return f.citations.map((c) => ({
    ...regulationRow(c.regulation)!,
    text: c.text,
    inRepeatStatement: inRepeat.has(regulationKey(c.regulation)),
  }));
}

function regulationKey(regulation: RegulationRef): string {
  return `${regulation.legislation}:${regulation.number}`;
}
