/**
 * Graph rows parsed at the boundary: each parser reads a node's properties (already plain
 * values) into the typed object resolvers receive as their parent.
 */
import { read, RowShapeError, type PlainRecord } from '../db/query.ts';
import type { ContextWindow } from '../model/source-context.ts';
import type { Grade, RatingDirection, RatingDirectionSource } from '../model/document.ts';
import {
  isEnforcementType,
  toEnforcementTypeName,
  type EnforcementTypeName,
} from '../model/enforcement-type.ts';

export type Regulator = 'OFSTED' | 'CQC';
export type Polarity = 'CONCERN' | 'STRENGTH' | 'NEUTRAL';

const GRADES: ReadonlySet<string> = new Set<Grade>([
  'OUTSTANDING',
  'GOOD',
  'ADEQUATE',
  'REQUIRES_IMPROVEMENT',
  'INADEQUATE',
  'IMPROVED_EFFECTIVENESS',
  'SUSTAINED_EFFECTIVENESS',
  'DECLINED_IN_EFFECTIVENESS',
  'NOT_RATED',
]);
const DIRECTIONS: ReadonlySet<string> = new Set<RatingDirection>(['UP', 'DOWN', 'SAME']);
const DIRECTION_SOURCES: ReadonlySet<string> = new Set<RatingDirectionSource>([
  'COMPARED',
  'STATED',
  'INTERIM_JUDGEMENT',
]);

function readGrade(n: PlainRecord, field: string): Grade | null {
  const value = read.optionalString(n, field);
  if (value !== null && !GRADES.has(value))
    throw new TypeError(`field ${field}: unknown grade ${value}`);
  return value as Grade | null;
}

function readDirection(n: PlainRecord, field: string): RatingDirection | null {
  const value = read.optionalString(n, field);
  if (value !== null && !DIRECTIONS.has(value))
    throw new TypeError(`field ${field}: unknown direction ${value}`);
  return value as RatingDirection | null;
}

function readDirectionSource(n: PlainRecord, field: string): RatingDirectionSource | null {
  const value = read.optionalString(n, field);
  if (value !== null && !DIRECTION_SOURCES.has(value))
    throw new TypeError(`field ${field}: unknown direction source ${value}`);
  return value as RatingDirectionSource | null;
}

export interface ProviderRow {
  id: string;
  name: string | null;
  address: string | null;
  /** Written only by generated reports (see SourceInfo.synthetic); false when the node has no flag. */
  synthetic: boolean;
}
export interface LocationRow {
  id: string;
  urn: string | null;
  cqcId: string | null;
  name: string | null;
  type: string | null;
  capacity: number | null;
  description: string | null;
  region: string | null;
  regionCode: string | null;
  regionText: string | null;
  localAuthority: string | null;
  localAuthorityCode: string | null;
  localAuthorityText: string | null;
  address: string | null;
  /** Written only by generated reports (see SourceInfo.synthetic); false when the node has no flag. */
  synthetic: boolean;
}
export interface InspectionRow {
  id: string;
  type: string;
  startDate: string | null;
  endDate: string | null;
  framework: string | null;
  overallGrade: Grade | null;
  overallGradeText: string | null;
  ratingDirection: RatingDirection | null;
  ratingDirectionSource: RatingDirectionSource | null;
  statedRatingDirection: RatingDirection | null;
  statedPreviousGrade: Grade | null;
  hasReport: boolean;
  people: string[];
  publishedOn: string | null;
  /** `start/end` ISO 8601 intervals, in order; empty when the inspection ran as one visit. */
  visits: string[];
  /** Written only by generated reports (see SourceInfo.synthetic); false when the node has no flag. */
  synthetic: boolean;
}
export interface JudgementRow {
  id: string;
  area: string;
  grade: Grade | null;
  gradeText: string;
  /** Written only by generated reports (see SourceInfo.synthetic); false when the node has no flag. */
  synthetic: boolean;
}
export interface PositionRow {
  offset: number;
  line: number;
  reportSha: string | null;
  /** JSON Pointer into the record, for a finding read from a CQC API record; else null. */
  pointer: string | null;
  /** The item's window into its report's ReportSentences; null when loaded before ingest version 7. */
  contextWindow: ContextWindow | null;
}
export interface RequirementRow {
  id: string;
  text: string;
  paragraphs: string | null;
  dueDate: string | null;
  complianceNotice: boolean;
  position: PositionRow;
  /** Written only by generated reports (see SourceInfo.synthetic); false when the node has no flag. */
  synthetic: boolean;
}
export interface RecommendationRow {
  id: string;
  text: string;
  position: PositionRow;
  /** Written only by generated reports (see SourceInfo.synthetic); false when the node has no flag. */
  synthetic: boolean;
}
export interface FindingLabelRow {
  source: string;
  id: string;
  name: string;
  score: string | null;
}
export interface FindingRow {
  id: string;
  text: string;
  section: string;
  polarity: Polarity;
  repeatStatement: string | null;
  label: FindingLabelRow | null;
  /** False too for a finding loaded before boilerplate was marked. */
  boilerplate: boolean;
  position: PositionRow;
  /** Written only by generated reports (see SourceInfo.synthetic); false when the node has no flag. */
  synthetic: boolean;
}
export interface EnforcementRow {
  id: string;
  type: EnforcementTypeName;
  legalBasis: string | null;
  count: number;
  issuedOn: string | null;
  complyBy: string | null;
  text: string;
  position: PositionRow;
  /** Written only by generated reports (see SourceInfo.synthetic); false when the node has no flag. */
  synthetic: boolean;
}
export interface LegislationRow {
  id: string;
  title: string | null;
  shortTitle: string | null;
  year: number | null;
  url: string | null;
}
export interface RegulationRow {
  id: string;
  number: string;
  heading: string | null;
  status: string | null;
}
export interface ThemeRow {
  id: string;
  label: string;
  definition: string;
  cues: string[];
}
export interface ReportRow {
  sha256: string;
  fileName: string;
  format: string;
  family: string;
  parser: string;
  parserVersion: string;
  ingestedAt: string | null;
  warnings: string[];
  /** Written only by generated reports (see SourceInfo.synthetic); false when the node has no flag. */
  synthetic: boolean;
}

function optionalStrings(record: PlainRecord, field: string): string[] {
  return record[field] === null || record[field] === undefined ? [] : read.strings(record, field);
}

/** The stored type (`compliance-notice`) as the API names it (`COMPLIANCE_NOTICE`). */
function toEnforcementType(value: string): EnforcementTypeName {
  if (isEnforcementType(value)) return toEnforcementTypeName(value);
  throw new TypeError(`field type: unknown enforcement type ${value}`);
}

function toPolarity(value: string): Polarity {
  const upper = value.toUpperCase();
  if (upper === 'CONCERN' || upper === 'STRENGTH' || upper === 'NEUTRAL') return upper;
  throw new TypeError(`field polarity: unknown value ${value}`);
}

/** Position of a node's text; its report is resolved separately from `reportSha`. */
function parsePosition(n: PlainRecord): PositionRow {
  return {
    offset: read.optionalNumber(n, 'offset') ?? 0,
    line: read.optionalNumber(n, 'line') ?? 0,
    reportSha: read.optionalString(n, 'reportSha'),
    pointer: read.optionalString(n, 'pointer'),
    contextWindow: readContextWindow(n),
  };
}

/** Four indexes (model/source-context.ts ContextWindow), or null when the node has none. */
function readContextWindow(n: PlainRecord): ContextWindow | null {
  const value = n.contextWindow;
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || value.length !== 4 || !value.every((i) => typeof i === 'number'))
    throw new RowShapeError(
      `field contextWindow: expected 4 numbers, got ${JSON.stringify(value)}`,
    );
  return value as ContextWindow;
}

/** The regulator's label, stored flat on the Finding (labelSource, labelId...) by the loader. */
function parseLabel(n: PlainRecord): FindingLabelRow | null {
  const source = read.optionalString(n, 'labelSource');
  if (source === null) return null;
  return {
    source,
    id: read.string(n, 'labelId'),
    name: read.string(n, 'labelName'),
    score: read.optionalString(n, 'labelScore'),
  };
}

/** Reads one row field from a node's properties. */
type FieldReaders<Row> = { readonly [F in keyof Row]-?: (n: PlainRecord) => Row[F] };

const str = (field: string) => (n: PlainRecord) => read.string(n, field);
const optStr = (field: string) => (n: PlainRecord) => read.optionalString(n, field);
const optNum = (field: string) => (n: PlainRecord) => read.optionalNumber(n, field);
const strs = (field: string) => (n: PlainRecord) => optionalStrings(n, field);
/** A node written before the flag existed, or by a data file, has none: it is real. */
const synthetic = (n: PlainRecord) => n.synthetic === true;

/**
 * Each row type field by field, so a row can be read whole or, for a node read with only the
 * properties a request selected, in part.
 */
export const ROW_READERS = {
  provider: {
    id: str('id'),
    name: optStr('name'),
    address: optStr('address'),
    synthetic,
  } satisfies FieldReaders<ProviderRow>,
  location: {
    id: str('id'),
    urn: optStr('urn'),
    cqcId: optStr('cqcId'),
    name: optStr('name'),
    type: optStr('type'),
    capacity: optNum('capacity'),
    description: optStr('description'),
    region: optStr('region'),
    regionCode: optStr('regionCode'),
    regionText: optStr('regionText'),
    localAuthority: optStr('localAuthority'),
    localAuthorityCode: optStr('localAuthorityCode'),
    localAuthorityText: optStr('localAuthorityText'),
    address: optStr('address'),
    synthetic,
  } satisfies FieldReaders<LocationRow>,
  inspection: {
    id: str('id'),
    type: (n) => read.optionalString(n, 'type') ?? 'unknown',
    startDate: optStr('startDate'),
    endDate: optStr('endDate'),
    framework: optStr('framework'),
    overallGrade: (n) => readGrade(n, 'overallGrade'),
    overallGradeText: optStr('overallGradeText'),
    ratingDirection: (n) => readDirection(n, 'ratingDirection'),
    ratingDirectionSource: (n) => readDirectionSource(n, 'ratingDirectionSource'),
    statedRatingDirection: (n) => readDirection(n, 'statedRatingDirection'),
    statedPreviousGrade: (n) => readGrade(n, 'statedPreviousGrade'),
    hasReport: (n) => n.hasReport === true,
    people: strs('people'),
    publishedOn: optStr('publishedOn'),
    visits: strs('visits'),
    synthetic,
  } satisfies FieldReaders<InspectionRow>,
  judgement: {
    id: str('id'),
    area: str('area'),
    grade: (n) => readGrade(n, 'grade'),
    gradeText: str('gradeText'),
    synthetic,
  } satisfies FieldReaders<JudgementRow>,
  requirement: {
    id: str('id'),
    text: str('text'),
    paragraphs: optStr('paragraphs'),
    dueDate: optStr('dueDate'),
    complianceNotice: (n) => n.complianceNotice === true,
    position: parsePosition,
    synthetic,
  } satisfies FieldReaders<RequirementRow>,
  recommendation: {
    id: str('id'),
    text: str('text'),
    position: parsePosition,
    synthetic,
  } satisfies FieldReaders<RecommendationRow>,
  finding: {
    id: str('id'),
    text: str('text'),
    section: (n) => read.optionalString(n, 'section') ?? '',
    polarity: (n) => toPolarity(read.string(n, 'polarity')),
    repeatStatement: optStr('repeatStatement'),
    label: parseLabel,
    boilerplate: (n) => n.boilerplate === true,
    position: parsePosition,
    synthetic,
  } satisfies FieldReaders<FindingRow>,
  enforcement: {
    id: str('id'),
    type: (n) => toEnforcementType(read.string(n, 'type')),
    legalBasis: optStr('legalBasis'),
    count: (n) => read.optionalNumber(n, 'count') ?? 1,
    issuedOn: optStr('issuedOn'),
    complyBy: optStr('complyBy'),
    text: str('text'),
    position: parsePosition,
    synthetic,
  } satisfies FieldReaders<EnforcementRow>,
  legislation: {
    id: str('id'),
    title: optStr('title'),
    shortTitle: optStr('shortTitle'),
    year: optNum('year'),
    url: optStr('url'),
  } satisfies FieldReaders<LegislationRow>,
  regulation: {
    id: str('id'),
    number: str('number'),
    heading: optStr('heading'),
    status: optStr('status'),
  } satisfies FieldReaders<RegulationRow>,
  theme: {
    id: str('id'),
    label: (n) => read.optionalString(n, 'label') ?? read.string(n, 'id'),
    definition: (n) => read.optionalString(n, 'definition') ?? '',
    cues: strs('cues'),
  } satisfies FieldReaders<ThemeRow>,
  report: {
    sha256: str('sha256'),
    fileName: str('fileName'),
    format: str('format'),
    family: str('family'),
    parser: str('parser'),
    parserVersion: str('parserVersion'),
    ingestedAt: optStr('ingestedAt'),
    warnings: strs('warnings'),
    synthetic,
  } satisfies FieldReaders<ReportRow>,
};

export type RowKind = keyof typeof ROW_READERS;

/** Node properties behind the row fields not stored under their own name. */
const STORED_AS: Readonly<Record<string, readonly string[]>> = {
  position: ['offset', 'line', 'reportSha', 'pointer', 'contextWindow'],
  label: ['labelSource', 'labelId', 'labelName', 'labelScore'],
};

/** The node properties a row field is read from. */
export function readPropertiesOf(field: string): readonly string[] {
  return STORED_AS[field] ?? [field];
}

function readAll<Row>(readers: FieldReaders<Row>, n: PlainRecord): Row {
  const row: Partial<Row> = {};
  for (const field in readers) row[field] = readers[field](n);
  return row as Row;
}

/**
 * A row with only `fields` read, from a node read with only their properties. The other fields
 * are absent: such a row goes only to resolvers of a selection that asked for no more.
 *
 * The row is the map it is read from, each field written over its property (a reader reads only
 * its own properties, and none is named as another field): a nested read makes hundreds of such
 * rows per request, from maps read for that request alone (prefetch.ts), and a copy of each was
 * garbage at once. Properties read for a field of another name (`offset` for `position`) and the
 * levels read under the node stay beside the fields, where no resolver reads them.
 */
export function readRowFields<K extends RowKind>(
  kind: K,
  n: PlainRecord,
  fields: readonly string[],
): ReturnType<(typeof parseRow)[K]> {
  const readers = ROW_READERS[kind] as Readonly<Record<string, (n: PlainRecord) => unknown>>;
  const row = n as Record<string, unknown>;
  for (const field of fields) {
    const reader = readers[field];
    if (!reader) throw new TypeError(`${kind} rows have no field ${field}`);
    row[field] = reader(n);
  }
  return row as ReturnType<(typeof parseRow)[K]>;
}

export const parseRow = {
  provider: (n: PlainRecord): ProviderRow => readAll(ROW_READERS.provider, n),
  location: (n: PlainRecord): LocationRow => readAll(ROW_READERS.location, n),
  inspection: (n: PlainRecord): InspectionRow => readAll(ROW_READERS.inspection, n),
  judgement: (n: PlainRecord): JudgementRow => readAll(ROW_READERS.judgement, n),
  requirement: (n: PlainRecord): RequirementRow => readAll(ROW_READERS.requirement, n),
  recommendation: (n: PlainRecord): RecommendationRow => readAll(ROW_READERS.recommendation, n),
  finding: (n: PlainRecord): FindingRow => readAll(ROW_READERS.finding, n),
  enforcement: (n: PlainRecord): EnforcementRow => readAll(ROW_READERS.enforcement, n),
  legislation: (n: PlainRecord): LegislationRow => readAll(ROW_READERS.legislation, n),
  regulation: (n: PlainRecord): RegulationRow => readAll(ROW_READERS.regulation, n),
  theme: (n: PlainRecord): ThemeRow => readAll(ROW_READERS.theme, n),
  report: (n: PlainRecord): ReportRow => readAll(ROW_READERS.report, n),
};

export interface ThemeTagRow {
  theme: ThemeRow;
  terms: string[];
  /** Null for a tag written before confidences were kept. */
  confidence: number | null;
}
