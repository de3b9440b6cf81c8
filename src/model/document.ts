/**
 * ReportDocument: the normalised, JSON-serialisable result of parsing one report.
 *
 * It is the contract between parsing and loading and the project's export format
 * (`npm run ingest -- --dry-run --json FILE`). Parsers produce it, classifiers enrich it,
 * the loader writes it to Neo4j. Dates are ISO `YYYY-MM-DD`; absent values are `null`,
 * never invented.
 */
import type { SourceContext } from './source-context.ts';

export const DOCUMENT_SCHEMA_VERSION = 1;

export type Regulator = 'OFSTED' | 'CQC';

export const REPORT_FAMILIES = [
  'ofsted-childrens-home',
  'cqc-location-summary',
  'cqc-full-report',
  'cqc-api-location',
  'ofsted-la-childrens-services',
  'ofsted-la-focused-visit',
  'ofsted-la-area-send',
] as const;

export type ReportFamily = (typeof REPORT_FAMILIES)[number];

export type SourceFormat = 'txt' | 'pdf' | 'html' | 'json' | 'csv';

/** Ordered grades; `gradeText` beside each keeps the wording found in the report. */
export type Grade =
  | 'OUTSTANDING'
  | 'GOOD'
  | 'ADEQUATE'
  | 'REQUIRES_IMPROVEMENT'
  | 'INADEQUATE'
  | 'IMPROVED_EFFECTIVENESS'
  | 'SUSTAINED_EFFECTIVENESS'
  | 'DECLINED_IN_EFFECTIVENESS'
  | 'NOT_RATED';

export type InspectionType =
  'full' | 'interim' | 'monitoring' | 'focused' | 'routine' | 'assessment' | 'unknown';

export type RatingDirection = 'UP' | 'DOWN' | 'SAME';

/**
 * Where an inspection's stored direction came from: its overall grade compared with the nearest
 * earlier graded inspection of the location in the graph, the report's own words, or an Ofsted
 * interim judgement (which is itself a direction). Set by the loader, never by a parser.
 */
export type RatingDirectionSource = 'COMPARED' | 'STATED' | 'INTERIM_JUDGEMENT';

export type Polarity = 'concern' | 'strength' | 'neutral';

/**
 * Kind of an enforcement action, as stored on `EnforcementAction.type`; `restriction` also holds
 * conditions imposed on a registration. The API's enum names are mapped in `enforcement-type.ts`.
 */
export type EnforcementType =
  | 'compliance-notice'
  | 'warning-notice'
  | 'requirement-notice'
  | 'restriction'
  | 'suspension'
  | 'cancellation'
  | 'prosecution'
  | 'other';

/** Where in the source text a value came from: 1-based line, 0-based character offset. */
export interface SourcePosition {
  offset: number;
  line: number;
  /**
   * For a value read from a JSON record (a CQC API location record): the JSON Pointer (RFC 6901)
   * to it in the record, e.g. `/assessment/0/ratings/asgRatings/0/commentary`. Absent otherwise.
   */
  pointer?: string;
}

export interface DocumentWarning {
  /** Stable, kebab-case code such as `missing-location-id` or `unparsed-table-row`. */
  code: string;
  message: string;
  position: SourcePosition | null;
}

export interface SourceInfo {
  fileName: string;
  sha256: string;
  format: SourceFormat;
  /**
   * True for a report `npm run generate` wrote (its `.meta.json` says `"synthetic": true`), never
   * one a regulator published; absent otherwise. The graph flags what such a report writes.
   */
  synthetic?: boolean;
}

export interface ProviderRef {
  /** Deterministic key, e.g. `ofsted-provider:partnerships-in-care-1-limited`, `cqc-provider:1-101`. */
  id: string;
  name: string | null;
  address: string | null;
}

export interface LocationRef {
  /** `ofsted:<URN>`, `cqc:<location id>`, `la:<code>`, or `content:<hash>` when the report names none. */
  id: string;
  urn: string | null;
  cqcId: string | null;
  name: string | null;
  type: string | null;
  capacity: number | null;
  description: string | null;
  region: string | null;
  localAuthority: string | null;
  /** Postal address of the location as printed or recorded (CQC reports and API records give one). */
  address?: string | null;
}

/** One visit of an inspection, first day to last day, `YYYY-MM-DD`. */
export interface InspectionVisit {
  start: string;
  end: string;
}

export interface InspectionInfo {
  /** `<location id>:<start date>:<type>`, so a history row and its own report meet on one key. */
  id: string;
  type: InspectionType;
  startDate: string | null;
  endDate: string | null;
  framework: string | null;
  overallGrade: Grade | null;
  overallGradeText: string | null;
  /**
   * The direction the report itself states ("Our rating of this service went down"), or reads
   * from its own previous grade and this one; null when it says neither. The loader compares
   * grades in the graph and keeps this for when it has no earlier grade.
   */
  ratingDirection: RatingDirection | null;
  /** The overall grade the report says the location had before ("The last rating for this service was good"). */
  previousGrade?: Grade | null;
  /** Date the report or assessment was published, when the source gives it. */
  publishedOn?: string | null;
  /**
   * The visits, in order, when the report splits the inspection over separate ones ("8 to 12 July
   * 2019 and 7 to 8 August 2019"); `startDate` is then the first day of the first and `endDate`
   * the last day of the last. Absent when it ran as one visit.
   */
  visits?: InspectionVisit[];
}

export interface Judgement {
  area: string;
  grade: Grade | null;
  gradeText: string;
}

export interface HistoryEntry {
  /** Inspection id built the same way as `InspectionInfo.id`. */
  inspectionId: string;
  date: string;
  type: InspectionType;
  typeText: string;
  grade: Grade | null;
  gradeText: string;
}

export type LegislationId =
  'CHR2015' | 'HSCA-RA-2014' | 'HSCA-RA-2010' | 'CQC-REG-2009' | 'CSA2000' | 'HSCA2008';

export interface RegulationRef {
  legislation: LegislationId;
  /** Regulation or section number as printed, e.g. `12`, `29`. */
  number: string;
  title: string | null;
}

export interface Requirement {
  id: string;
  regulation: RegulationRef | null;
  /** Paragraph references as printed, e.g. `Regulation 6 (1)(a)(b) (2)(a)`. */
  paragraphs: string | null;
  text: string;
  dueDate: string | null;
  complianceNotice: boolean;
  position: SourcePosition;
}

export interface Recommendation {
  id: string;
  text: string;
  position: SourcePosition;
}

export interface EnforcementItem {
  id: string;
  type: EnforcementType;
  /** e.g. `Section 29 of the Health and Social Care Act 2008`. */
  legalBasis: string | null;
  regulation: RegulationRef | null;
  count: number;
  issuedOn: string | null;
  complyBy: string | null;
  text: string;
  position: SourcePosition;
  /** Ids of this document's requirements the action enforces (an Ofsted compliance notice's starred rows); empty for the rest. */
  requirementIds: string[];
}

export interface ThemeTag {
  id: string;
  /** The cue terms that fired, as found in the text (lower-cased). */
  terms: string[];
  /** How likely the tag is right, 0 to 1 (see src/ingest/classify/theme-confidence.ts). */
  confidence: number;
}

export interface Citation {
  regulation: RegulationRef;
  text: string;
}

export interface RepeatEvidence {
  /** The sentence that says the shortfall was found before. */
  statement: string;
  /** The earlier inspection's id when its date resolves against the history, else null. */
  refersTo: string | null;
  /**
   * The regulations the statement itself names, by number, title or standard name. Only these
   * make it evidence of a breach of a regulation: a citation elsewhere in the finding may be
   * about another shortfall.
   */
  citations: Citation[];
}

export interface Finding {
  id: string;
  text: string;
  /** Heading of the part of the report the finding sits in. */
  section: string;
  polarity: Polarity;
  themes: ThemeTag[];
  citations: Citation[];
  repeat: RepeatEvidence | null;
  position: SourcePosition;
  /** The regulator's own label for this text, when it has one (CQC quality-statement commentary). */
  label?: FindingLabel;
  /**
   * The regulator's standard text (its remit, licence, a letter's closing, a framework note), not
   * a finding about the service: set by the classifiers, and such a finding carries no theme.
   */
  boilerplate: boolean;
}

/**
 * A regulator's label on a finding: a CQC quality statement (`id` is the API's
 * qualityStatementId) with its score as printed, e.g. `3 - Evidence shows a good standard of care`.
 */
export interface FindingLabel {
  source: 'cqc-quality-statement';
  id: string;
  name: string;
  score: string | null;
}

export interface Person {
  role: string;
  name: string;
}

export interface ReportDocument {
  schemaVersion: typeof DOCUMENT_SCHEMA_VERSION;
  source: SourceInfo;
  family: ReportFamily;
  regulator: Regulator;
  parser: { name: string; version: string };
  /**
   * Version of the classifiers that enriched the findings (themes, boilerplate, polarity,
   * citations, repeats); absent from a parser's own output. A report loaded by an older version is
   * loaded again by `npm run ingest`.
   */
  classifier?: { version: string };
  provider: ProviderRef | null;
  location: LocationRef;
  inspection: InspectionInfo;
  judgements: Judgement[];
  history: HistoryEntry[];
  requirements: Requirement[];
  recommendations: Recommendation[];
  enforcement: EnforcementItem[];
  findings: Finding[];
  people: Person[];
  warnings: DocumentWarning[];
  /** The sentences around each sourced item (src/ingest/text/sentence-context.ts); absent from a parser's own output. */
  context?: SourceContext;
}
