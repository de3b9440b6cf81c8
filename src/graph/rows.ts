/**
 * Graph rows parsed at the boundary: each parser reads a node's properties (already plain
 * values) into the typed object resolvers receive as their parent.
 */
import { read, type PlainRecord } from '../db/query.ts';
import type { Grade, RatingDirection } from '../ingest/document.ts';

export type Regulator = 'OFSTED' | 'CQC';
export type Polarity = 'CONCERN' | 'STRENGTH' | 'NEUTRAL';

const GRADES: ReadonlySet<string> = new Set<Grade>([
  'OUTSTANDING', 'GOOD', 'ADEQUATE', 'REQUIRES_IMPROVEMENT', 'INADEQUATE',
  'IMPROVED_EFFECTIVENESS', 'SUSTAINED_EFFECTIVENESS', 'DECLINED_IN_EFFECTIVENESS', 'NOT_RATED',
]);
const DIRECTIONS: ReadonlySet<string> = new Set<RatingDirection>(['UP', 'DOWN', 'SAME']);

function readGrade(n: PlainRecord, field: string): Grade | null {
  const value = read.optionalString(n, field);
  if (value !== null && !GRADES.has(value)) throw new TypeError(`field ${field}: unknown grade ${value}`);
  return value as Grade | null;
}

function readDirection(n: PlainRecord, field: string): RatingDirection | null {
  const value = read.optionalString(n, field);
  if (value !== null && !DIRECTIONS.has(value)) throw new TypeError(`field ${field}: unknown direction ${value}`);
  return value as RatingDirection | null;
}

export interface ProviderRow { id: string; name: string | null; address: string | null }
export interface LocationRow {
  id: string; urn: string | null; cqcId: string | null; name: string | null; type: string | null; capacity: number | null;
  description: string | null; region: string | null; localAuthority: string | null; address: string | null;
}
export interface InspectionRow {
  id: string; type: string; startDate: string | null; endDate: string | null; framework: string | null;
  overallGrade: Grade | null; overallGradeText: string | null; ratingDirection: RatingDirection | null; hasReport: boolean; people: string[]; publishedOn: string | null;
}
export interface JudgementRow { id: string; area: string; grade: Grade | null; gradeText: string }
export interface PositionRow { offset: number; line: number; reportSha: string | null }
export interface RequirementRow { id: string; text: string; paragraphs: string | null; dueDate: string | null; complianceNotice: boolean; position: PositionRow }
export interface RecommendationRow { id: string; text: string; position: PositionRow }
export interface FindingLabelRow { source: string; id: string; name: string; score: string | null }
export interface FindingRow { id: string; text: string; section: string; polarity: Polarity; repeatStatement: string | null; label: FindingLabelRow | null; position: PositionRow }
export interface EnforcementRow {
  id: string; type: string; legalBasis: string | null; count: number; issuedOn: string | null; complyBy: string | null; text: string; position: PositionRow;
}
export interface LegislationRow { id: string; title: string | null; shortTitle: string | null; year: number | null; url: string | null }
export interface RegulationRow { id: string; number: string; heading: string | null; status: string | null }
export interface ThemeRow { id: string; label: string; definition: string; cues: string[] }
export interface ReportRow {
  sha256: string; fileName: string; format: string; family: string; parser: string; parserVersion: string; ingestedAt: string | null; warnings: string[];
}

function optionalStrings(record: PlainRecord, field: string): string[] {
  return record[field] === null || record[field] === undefined ? [] : read.strings(record, field);
}

function toPolarity(value: string): Polarity {
  const upper = value.toUpperCase();
  if (upper === 'CONCERN' || upper === 'STRENGTH' || upper === 'NEUTRAL') return upper;
  throw new TypeError(`field polarity: unknown value ${value}`);
}

/** Position of a node's text; its report is resolved separately from `reportSha`. */
function parsePosition(n: PlainRecord): PositionRow {
  return { offset: read.optionalNumber(n, 'offset') ?? 0, line: read.optionalNumber(n, 'line') ?? 0, reportSha: read.optionalString(n, 'reportSha') };
}

/** The regulator's label, stored flat on the Finding (labelSource, labelId...) by the loader. */
function parseLabel(n: PlainRecord): FindingLabelRow | null {
  const source = read.optionalString(n, 'labelSource');
  if (source === null) return null;
  return { source, id: read.string(n, 'labelId'), name: read.string(n, 'labelName'), score: read.optionalString(n, 'labelScore') };
}

export const parseRow = {
  provider: (n: PlainRecord): ProviderRow => ({ id: read.string(n, 'id'), name: read.optionalString(n, 'name'), address: read.optionalString(n, 'address') }),
  location: (n: PlainRecord): LocationRow => ({
    id: read.string(n, 'id'),
    urn: read.optionalString(n, 'urn'),
    cqcId: read.optionalString(n, 'cqcId'),
    name: read.optionalString(n, 'name'),
    type: read.optionalString(n, 'type'),
    capacity: read.optionalNumber(n, 'capacity'),
    description: read.optionalString(n, 'description'),
    region: read.optionalString(n, 'region'),
    localAuthority: read.optionalString(n, 'localAuthority'),
    address: read.optionalString(n, 'address'),
  }),
  inspection: (n: PlainRecord): InspectionRow => ({
    id: read.string(n, 'id'),
    type: read.optionalString(n, 'type') ?? 'unknown',
    startDate: read.optionalString(n, 'startDate'),
    endDate: read.optionalString(n, 'endDate'),
    framework: read.optionalString(n, 'framework'),
    overallGrade: readGrade(n, 'overallGrade'),
    overallGradeText: read.optionalString(n, 'overallGradeText'),
    ratingDirection: readDirection(n, 'ratingDirection'),
    hasReport: n.hasReport === true,
    people: optionalStrings(n, 'people'),
    publishedOn: read.optionalString(n, 'publishedOn'),
  }),
  judgement: (n: PlainRecord): JudgementRow => ({
    id: read.string(n, 'id'), area: read.string(n, 'area'), grade: readGrade(n, 'grade'), gradeText: read.string(n, 'gradeText'),
  }),
  requirement: (n: PlainRecord): RequirementRow => ({
    id: read.string(n, 'id'),
    text: read.string(n, 'text'),
    paragraphs: read.optionalString(n, 'paragraphs'),
    dueDate: read.optionalString(n, 'dueDate'),
    complianceNotice: n.complianceNotice === true,
    position: parsePosition(n),
  }),
  recommendation: (n: PlainRecord): RecommendationRow => ({
    id: read.string(n, 'id'), text: read.string(n, 'text'), position: parsePosition(n),
  }),
  finding: (n: PlainRecord): FindingRow => ({
    id: read.string(n, 'id'),
    text: read.string(n, 'text'),
    section: read.optionalString(n, 'section') ?? '',
    polarity: toPolarity(read.string(n, 'polarity')),
    repeatStatement: read.optionalString(n, 'repeatStatement'),
    label: parseLabel(n),
    position: parsePosition(n),
  }),
  enforcement: (n: PlainRecord): EnforcementRow => ({
    id: read.string(n, 'id'),
    type: read.string(n, 'type'),
    legalBasis: read.optionalString(n, 'legalBasis'),
    count: read.optionalNumber(n, 'count') ?? 1,
    issuedOn: read.optionalString(n, 'issuedOn'),
    complyBy: read.optionalString(n, 'complyBy'),
    text: read.string(n, 'text'),
    position: parsePosition(n),
  }),
  legislation: (n: PlainRecord): LegislationRow => ({
    id: read.string(n, 'id'),
    title: read.optionalString(n, 'title'),
    shortTitle: read.optionalString(n, 'shortTitle'),
    year: read.optionalNumber(n, 'year'),
    url: read.optionalString(n, 'url'),
  }),
  regulation: (n: PlainRecord): RegulationRow => ({
    id: read.string(n, 'id'), number: read.string(n, 'number'), heading: read.optionalString(n, 'heading'), status: read.optionalString(n, 'status'),
  }),
  theme: (n: PlainRecord): ThemeRow => ({
    id: read.string(n, 'id'),
    label: read.optionalString(n, 'label') ?? read.string(n, 'id'),
    definition: read.optionalString(n, 'definition') ?? '',
    cues: optionalStrings(n, 'cues'),
  }),
  report: (n: PlainRecord): ReportRow => ({
    sha256: read.string(n, 'sha256'),
    fileName: read.string(n, 'fileName'),
    format: read.string(n, 'format'),
    family: read.string(n, 'family'),
    parser: read.string(n, 'parser'),
    parserVersion: read.string(n, 'parserVersion'),
    ingestedAt: read.optionalString(n, 'ingestedAt'),
    warnings: optionalStrings(n, 'warnings'),
  }),
};

export interface ThemeTagRow {
  theme: ThemeRow;
  terms: string[];
}
