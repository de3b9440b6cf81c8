/**
 * How far our reading of Ofsted LA children's services reports agrees with the ILACS history CSV
 * (see ilacs-history-csv.ts), which another project extracted from the same PDFs: a cross-check,
 * not a gold standard, so every disagreement is listed for someone to look at.
 *
 * Each document of the `ofsted-la-childrens-services` family is matched to a row by LA URN and
 * date (inspection start date; else publication date, from the document or the date in its file
 * name; else the nearest start date within 60 days). Then the dates and, for ILACS reports, the
 * five judgement grades are compared, and the lead inspector separately. A CSV grade that is a marker is handled as
 * what it says: `not_reported_post_reform` and `inspection_pre_dates_judgement` expect no such
 * judgement in the report; `data_unreadable` and blanks are not compared.
 */
import type { Grade, ReportDocument } from '../model/document.ts';
import { readGrade } from '../ingest/text/grades.ts';
import {
  HISTORY_GRADE_COLUMNS,
  readIlacsHistory,
  type HistoryGradeField,
  type IlacsHistoryRow,
} from './ilacs-history-csv.ts';

export type IlacsField = 'startDate' | 'endDate' | HistoryGradeField | 'leadInspector';

/** Fields counted in the agreement figure; the lead inspector is reported on its own. */
export const SCORED_FIELDS: readonly IlacsField[] = [
  'startDate',
  'endDate',
  'overall',
  'leaders',
  'help',
  'care',
  'leavers',
];

export interface IlacsDisagreement {
  file: string;
  field: string;
  ours: string | null;
  theirs: string | null;
}

export interface FieldCounts {
  compared: number;
  agreed: number;
}

export interface IlacsComparison {
  /** Scored fields compared and agreed, over every matched document. */
  compared: number;
  agreed: number;
  disagreements: IlacsDisagreement[];
  /** Per framework (ILACS, SIF, LAC): documents, rows matched, scored fields compared and agreed. */
  byFramework: Record<string, { documents: number; matched: number } & FieldCounts>;
  byField: Record<IlacsField, FieldCounts>;
  /** Documents with no CSV row, and why. */
  unmatched: Array<{ file: string; reason: string }>;
}

/** Which of our judgement areas a CSV grade column holds. */
const AREA_PATTERNS: Record<HistoryGradeField, RegExp> = {
  overall: /^overall effectiveness$/i,
  leaders: /impact of leaders on social work practice/i,
  help: /^(?:the )?experiences and progress of children who need help and protection$/i,
  care: /^(?:the )?experiences and progress of children in care(?: and care leavers)?$/i,
  leavers: /^(?:the )?experiences and progress of (?:children )?care leavers$/i,
};

/** CSV markers that say the report has no such judgement. */
const ABSENT_MARKERS = new Set(['not_reported_post_reform', 'inspection_pre_dates_judgement']);
const NOT_COMPARABLE = new Set(['', 'data_unreadable']);
const NO_JUDGEMENT = '(no judgement)';

const MATCH_WINDOW_DAYS = 60;

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/** The YYYY-MM-DD in a corpus file name (`ofsted-ilacs_80418_norfolk_2023-01-13.pdf`), the publication date. */
function readFileNameDate(fileName: string): string | null {
  return /(\d{4}-\d{2}-\d{2})(?!.*\d{4}-\d{2}-\d{2})/.exec(fileName)?.[1] ?? null;
}

function findRow(
  doc: ReportDocument,
  rows: readonly IlacsHistoryRow[],
): { row: IlacsHistoryRow | null; reason: string } {
  const urn = doc.location.urn;
  if (!urn) return { row: null, reason: 'local authority not identified' };
  const own = rows.filter((r) => r.urn === urn);
  if (own.length === 0) return { row: null, reason: `no CSV rows for URN ${urn}` };
  const start = doc.inspection.startDate;
  const byStart = start ? own.find((r) => r.startDate === start) : undefined;
  if (byStart) return { row: byStart, reason: '' };
  // A report's printed publication date and the date its file is named by can differ by a day.
  const published = [
    doc.inspection.publishedOn ?? null,
    readFileNameDate(doc.source.fileName),
  ].filter((d): d is string => d !== null);
  const byPublished = own.find((r) => r.publishedOn !== null && published.includes(r.publishedOn));
  if (byPublished) return { row: byPublished, reason: '' };
  if (start) {
    const near = own
      .filter((r) => r.startDate && daysBetween(r.startDate, start) <= MATCH_WINDOW_DAYS)
      .sort((a, b) => daysBetween(a.startDate!, start) - daysBetween(b.startDate!, start))[0];
    if (near) return { row: near, reason: '' };
  }
  return {
    row: null,
    reason: `no CSV row for URN ${urn} near ${start ?? published[0] ?? 'an unknown date'}`,
  };
}

function ourGrade(
  doc: ReportDocument,
  field: HistoryGradeField,
): { grade: Grade | null; text: string } | null {
  const j = doc.judgements.find((x) => AREA_PATTERNS[field].test(x.area));
  return j ? { grade: j.grade, text: j.gradeText } : null;
}

interface FieldResult {
  field: IlacsField;
  ours: string | null;
  theirs: string | null;
  agreed: boolean;
}

function compareGradeField(
  doc: ReportDocument,
  row: IlacsHistoryRow,
  field: HistoryGradeField,
): FieldResult | null {
  const raw = row.grades[field].toLowerCase();
  if (NOT_COMPARABLE.has(raw)) return null;
  const ours = ourGrade(doc, field);
  if (ABSENT_MARKERS.has(raw)) {
    return {
      field,
      ours: ours ? (ours.grade ?? ours.text) : NO_JUDGEMENT,
      theirs: `${NO_JUDGEMENT}: ${raw}`,
      agreed: ours === null,
    };
  }
  const theirs = readGrade(raw);
  return {
    field,
    ours: ours ? (ours.grade ?? ours.text) : NO_JUDGEMENT,
    theirs: theirs ?? raw,
    agreed: ours !== null && theirs !== null && ours.grade === theirs,
  };
}

function compareDocument(doc: ReportDocument, row: IlacsHistoryRow): FieldResult[] {
  const results: FieldResult[] = [];
  if (row.startDate)
    results.push({
      field: 'startDate',
      ours: doc.inspection.startDate,
      theirs: row.startDate,
      agreed: doc.inspection.startDate === row.startDate,
    });
  if (row.endDate)
    results.push({
      field: 'endDate',
      ours: doc.inspection.endDate,
      theirs: row.endDate,
      agreed: doc.inspection.endDate === row.endDate,
    });
  // The grade columns are ILACS judgements; a SIF report's "care leavers" is another judgement.
  if (doc.inspection.framework === 'ILACS') {
    for (const field of Object.keys(HISTORY_GRADE_COLUMNS) as HistoryGradeField[]) {
      const result = compareGradeField(doc, row, field);
      if (result) results.push(result);
    }
  }
  if (row.inspector) {
    const lead = doc.people.find((p) => p.role === 'lead inspector')?.name ?? null;
    const same =
      lead !== null &&
      lead.toLowerCase().replace(/\s+/g, ' ') === row.inspector.toLowerCase().replace(/\s+/g, ' ');
    results.push({ field: 'leadInspector', ours: lead, theirs: row.inspector, agreed: same });
  }
  return results;
}

function emptyFieldCounts(): Record<IlacsField, FieldCounts> {
  const fields: IlacsField[] = [...SCORED_FIELDS, 'leadInspector'];
  return Object.fromEntries(fields.map((f) => [f, { compared: 0, agreed: 0 }])) as Record<
    IlacsField,
    FieldCounts
  >;
}

/** Compares every LA children's services document with its row of the history CSV. Pure. */
export function compareWithIlacsHistory(
  documents: readonly ReportDocument[],
  csvText: string,
): IlacsComparison {
  const rows = readIlacsHistory(csvText);
  const result: IlacsComparison = {
    compared: 0,
    agreed: 0,
    disagreements: [],
    byFramework: {},
    byField: emptyFieldCounts(),
    unmatched: [],
  };
  for (const doc of documents) {
    if (doc.family !== 'ofsted-la-childrens-services') continue;
    const framework = doc.inspection.framework ?? 'unknown';
    const counts = (result.byFramework[framework] ??= {
      documents: 0,
      matched: 0,
      compared: 0,
      agreed: 0,
    });
    counts.documents += 1;
    const { row, reason } = findRow(doc, rows);
    if (!row) {
      result.unmatched.push({ file: doc.source.fileName, reason });
      continue;
    }
    counts.matched += 1;
    for (const r of compareDocument(doc, row)) {
      result.byField[r.field].compared += 1;
      if (r.agreed) result.byField[r.field].agreed += 1;
      if (SCORED_FIELDS.includes(r.field)) {
        counts.compared += 1;
        result.compared += 1;
        if (r.agreed) {
          counts.agreed += 1;
          result.agreed += 1;
        }
      }
      if (!r.agreed)
        result.disagreements.push({
          file: doc.source.fileName,
          field: r.field,
          ours: r.ours,
          theirs: r.theirs,
        });
    }
  }
  return result;
}
