/**
 * Parser for the CQC full inspection report, as text extracted from the published PDF (adult
 * social care, GP and hospital reports since 2014, including the 2014–2018 trust "quality
 * reports" that cite the 2010 regulations).
 *
 * Stages: normalise line endings and split into positioned lines → find page furniture (running
 * header, page numbers) → read the cover (names, address, visit and publication dates) and the
 * printed ratings → split the rest at its headings → read each part: the service description,
 * the summary, why we inspected, the rating at the last inspection, each key question's detailed
 * findings, and the closing tables of breaches and enforcement → compose the ReportDocument and
 * number its ids. Nothing here throws on odd input: what cannot be read is a warning and a null.
 */
import type {
  EnforcementItem,
  Finding,
  Grade,
  HistoryEntry,
  InspectionType,
  LocationRef,
  ProviderRef,
  Recommendation,
  Requirement,
  ReportDocument,
  SourceInfo,
} from '../../model/document.ts';
import { DOCUMENT_SCHEMA_VERSION } from '../../model/document.ts';
import { buildContentLocationId, buildNamedLocationId } from '../text/hash.ts';
import { splitSourceLines, type SourceLine } from '../text/lines.ts';
import { normaliseLineEndings, normaliseQuotes } from '../text/normalise.ts';
import { readEnforcementParagraph } from './cqc-location-summary/enforcement.ts';
import { buildCqcLocationId, buildProviderId, renumberDocumentIds } from './ids.ts';
import { WarningLog } from './warnings.ts';
import { stripBoilerplate } from './cqc-full-report/boilerplate.ts';
import {
  readBreachStatements,
  readBreachTable,
  toEnforcementItems,
  type Breach,
} from './cqc-full-report/breaches.ts';
import { readCover, type Cover } from './cqc-full-report/cover.ts';
import { readInspectionType } from './cqc-full-report/inspection-type.ts';
import { JoinedText } from './cqc-full-report/joined-text.ts';
import { readLastRating } from './cqc-full-report/last-inspection.ts';
import { findPageFurniture, type RunningHeader } from './cqc-full-report/page-furniture.ts';
import { OVERALL_AREA, readRatings } from './cqc-full-report/ratings.ts';
import {
  measureFullWidth,
  positionInItem,
  readSectionItems,
  type SectionItem,
} from './cqc-full-report/section-items.ts';
import { sectionsOf, splitSections, type Section } from './cqc-full-report/sections.ts';
import { readCapacity, readServiceType } from './cqc-full-report/service.ts';
import { readStatedDirection } from './cqc-full-report/stated-direction.ts';

export const CQC_FULL_REPORT_PARSER = { name: 'cqc-full-report', version: '1' } as const;

/** Finding sections of the summary's parts. */
export const SUMMARY_SECTION = 'Summary';
export const WHY_INSPECTED_SECTION = 'Why we inspected';
export const ENFORCEMENT_SECTION = 'Enforcement';

/** What each kind of report part contributes to the document's findings, by section name. */
const FINDING_PARTS: ReadonlyArray<readonly [Section['kind'], string]> = [
  ['summary', SUMMARY_SECTION],
  ['experience', SUMMARY_SECTION],
  ['why-inspected', WHY_INSPECTED_SECTION],
  ['enforcement-summary', ENFORCEMENT_SECTION],
];

interface ReadItem extends SectionItem {
  section: string;
}

/** Statements of a part that say something about the service: no headings, no standard wording. */
function readStatements(section: Section, fullWidth: number): SectionItem[] {
  const items = readSectionItems(section.lines, fullWidth);
  if (section.inline) {
    const position = { ...section.heading.position };
    items.unshift({
      kind: 'paragraph',
      text: section.inline,
      position,
      subheading: null,
      lineStarts: [{ at: 0, position }],
    });
  }
  return items
    .filter((item) => item.kind !== 'heading')
    .map((item) => {
      const own = stripBoilerplate(item.text);
      return { ...item, text: own.text, position: positionInItem(item, own.removed) };
    })
    .filter((item) => item.text !== '');
}

function readFindingItems(sections: readonly Section[], fullWidth: number): ReadItem[] {
  const items: ReadItem[] = [];
  for (const section of sections) {
    const name =
      section.kind === 'key-question'
        ? section.keyQuestion
        : FINDING_PARTS.find(([kind]) => kind === section.kind)?.[1];
    if (!name) continue;
    items.push(...readStatements(section, fullWidth).map((item) => ({ ...item, section: name })));
  }
  return items;
}

function isRecommendation(text: string): boolean {
  return /^we (?:have )?recommend(?:ed)?\b/i.test(text);
}

function toFinding(item: ReadItem): Finding {
  return {
    id: '',
    text: item.text,
    section: item.section,
    polarity: 'neutral',
    themes: [],
    citations: [],
    repeat: null,
    boilerplate: false,
    position: { ...item.position },
  };
}

function readType(text: string, cover: Cover, warnings: WarningLog): InspectionType {
  const read = readInspectionType(text, cover.assessment);
  if (read.type === 'unknown')
    warnings.add(
      'missing-inspection-type',
      'the report does not call the inspection comprehensive, focused or an assessment',
      null,
    );
  return read.type;
}

function readNames(
  cover: Cover,
  header: RunningHeader | null,
  warnings: WarningLog,
): { location: string | null; provider: string | null } {
  const location = cover.locationName?.value ?? header?.name ?? null;
  if (
    cover.locationName &&
    header &&
    cover.locationName.value.toLowerCase() !== header.name.toLowerCase()
  ) {
    warnings.add(
      'conflicting-value',
      `location named "${cover.locationName.value}" on the cover and "${header.name}" in the page header; kept the cover's`,
      cover.locationName.position,
    );
  }
  if (!location)
    warnings.add(
      'missing-location-name',
      'no location name on the cover or in the page header',
      null,
    );
  return { location, provider: cover.providerName?.value ?? null };
}

function readProvider(name: string | null, cover: Cover, warnings: WarningLog): ProviderRef | null {
  const id = cover.providerId
    ? `cqc-provider:${cover.providerId}`
    : name
      ? buildProviderId('CQC', name)
      : null;
  if (!id) {
    warnings.add('missing-provider', 'no provider name above the location name on the cover', null);
    return null;
  }
  return { id, name, address: null };
}

function readLocation(
  text: string,
  name: string | null,
  cover: Cover,
  sections: readonly Section[],
  fullWidth: number,
  warnings: WarningLog,
): LocationRef {
  const about = sectionsOf(sections, 'about').flatMap((s) => readStatements(s, fullWidth));
  const description = about.map((item) => item.text).join('\n') || null;
  const serviceType =
    sectionsOf(sections, 'service-type').flatMap((s) => readStatements(s, fullWidth))[0]?.text ??
    null;
  const type =
    (serviceType ? readServiceType(serviceType) : null) ??
    (description ? readServiceType(description) : null);
  if (!type)
    warnings.add(
      'missing-location-type',
      'the report does not say what kind of service this is',
      null,
    );
  const capacity = description ? readCapacity(description) : null;
  if (cover.locationId === null)
    warnings.add(
      'missing-location-id',
      'no CQC location id printed; location keyed by a hash of its name and address (else of the text)',
      null,
    );
  return {
    id: cover.locationId
      ? buildCqcLocationId(cover.locationId)
      : (buildNamedLocationId(name, cover.address) ?? buildContentLocationId(text)),
    urn: null,
    cqcId: cover.locationId,
    name,
    type,
    capacity,
    description,
    region: null,
    localAuthority: null,
    address: cover.address,
  };
}

interface LastInspectionRead {
  history: HistoryEntry[];
  /** The grade "Rating at last inspection" gives, dated or not. */
  lastGrade: Grade | null;
}

function readHistory(
  sections: readonly Section[],
  fullWidth: number,
  warnings: WarningLog,
): LastInspectionRead {
  const history: HistoryEntry[] = [];
  let lastGrade: Grade | null = null;
  for (const section of sectionsOf(sections, 'last-rating')) {
    const text = readStatements(section, fullWidth)
      .map((item) => item.text)
      .join(' ');
    const last = readLastRating(text, section.heading.position);
    if (!last) {
      if (text)
        warnings.add(
          'unread-last-rating',
          `rating at last inspection not understood: "${text.slice(0, 80)}"`,
          section.heading.position,
        );
      continue;
    }
    if (last.firstInspection) continue;
    lastGrade ??= last.grade;
    if (!last.date) {
      warnings.add(
        'undated-last-inspection',
        `last rating "${last.gradeText}" has no date; no history row`,
        last.position,
      );
      continue;
    }
    if (last.datedByPublication) {
      warnings.add(
        'history-dated-by-publication',
        `the last inspection is dated by its report's publication (${last.date}), not its visit`,
        last.position,
      );
    }
    history.push({
      inspectionId: '',
      date: last.date,
      type: last.type,
      typeText: last.typeText,
      grade: last.grade,
      gradeText: last.gradeText,
    });
  }
  return { history, lastGrade };
}

interface BreachesRead {
  requirements: Requirement[];
  enforcement: EnforcementItem[];
}

function toRequirement(breach: Breach): Requirement {
  return {
    id: '',
    regulation: { ...breach.regulation },
    paragraphs: breach.paragraphs,
    text: breach.text,
    dueDate: null,
    complianceNotice: false,
    position: { ...breach.position },
  };
}

/**
 * Requirements from the closing tables (or, without tables, from breach statements in the text),
 * one per regulation; enforcement from the tables, or from the summary's "Enforcement" wording.
 * CQC reports never give a due date for the action they require, so a requirement without one
 * is how the format reads, not something the parser missed: no warning.
 */
function readBreaches(
  lines: readonly SourceLine[],
  noise: ReadonlySet<number>,
  sections: readonly Section[],
  fullWidth: number,
  warnings: WarningLog,
): BreachesRead {
  const breaches: Breach[] = [];
  const enforcement: EnforcementItem[] = [];
  for (const section of sections) {
    if (section.kind !== 'action-required' && section.kind !== 'enforcement-actions') continue;
    const found = readBreachTable(new JoinedText(section.lines), warnings);
    if (found.length === 0)
      warnings.add(
        'empty-breach-table',
        `"${section.heading.text.trim()}" lists no regulation`,
        section.heading.position,
      );
    breaches.push(...found);
    enforcement.push(...toEnforcementItems(found, section.kind, warnings));
  }
  if (breaches.length === 0)
    breaches.push(
      ...readBreachStatements(new JoinedText(lines.filter((l) => !noise.has(l.index)))),
    );
  if (enforcement.length === 0) {
    for (const item of sectionsOf(sections, 'enforcement-summary').flatMap((s) =>
      readStatements(s, fullWidth),
    )) {
      enforcement.push(...readEnforcementParagraph(item.text, item.position, warnings));
    }
  }
  const seen = new Set<string>();
  const requirements: Requirement[] = [];
  for (const breach of breaches) {
    const key = `${breach.regulation.legislation}:${breach.regulation.number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    requirements.push(toRequirement(breach));
  }
  return { requirements, enforcement };
}

function checkDates(
  cover: Cover,
  header: RunningHeader | null,
  warnings: WarningLog,
): string | null {
  if (!cover.visit) {
    if (cover.unreadVisit)
      warnings.add(
        'unparsed-date',
        `inspection visit dates "${cover.unreadVisit.value}" not understood`,
        cover.unreadVisit.position,
      );
    else
      warnings.add('missing-inspection-date', 'no "Date of inspection visit:" on the cover', null);
  }
  if (cover.unreadPublished)
    warnings.add(
      'unparsed-date',
      `publication date "${cover.unreadPublished.value}" not understood`,
      cover.unreadPublished.position,
    );
  const published = cover.published?.value ?? header?.date ?? null;
  if (cover.published && header?.date && cover.published.value !== header.date) {
    warnings.add(
      'conflicting-value',
      `published ${cover.published.value} on the cover, ${header.date} in the page header; kept the cover's`,
      cover.published.position,
    );
  }
  return published;
}

/** Parses the text of a CQC full inspection report. Never throws. */
export function parseCqcFullReport(input: string, source: SourceInfo): ReportDocument {
  const text = normaliseLineEndings(input);
  const lines = splitSourceLines(text);
  const warnings = new WarningLog();
  const plain = normaliseQuotes(text);

  const { header, noise } = findPageFurniture(lines);
  const cover = readCover(plain, lines, noise);
  const ratings = readRatings(lines, noise, warnings);
  const sections = splitSections(lines, noise);
  const fullWidth = measureFullWidth(lines.filter((l) => !noise.has(l.index)));

  const names = readNames(cover, header, warnings);
  const provider = readProvider(names.provider, cover, warnings);
  const location = readLocation(text, names.location, cover, sections, fullWidth, warnings);
  const type = readType(plain, cover, warnings);
  const publishedOn = checkDates(cover, header, warnings);

  const overall = ratings.find((r) => r.area === OVERALL_AREA) ?? null;
  if (!overall)
    warnings.add(
      'missing-overall-grade',
      'no "Overall rating for this service" with a grade',
      null,
    );
  const judgements = ratings.map(({ area, grade, gradeText }) => ({ area, grade, gradeText }));
  if (ratings.length <= 1)
    warnings.add('missing-judgements', 'no key question printed with its rating', null);

  const items = readFindingItems(sections, fullWidth);
  const recommendations: Recommendation[] = [
    ...sectionsOf(sections, 'recommendations').flatMap((s) => readStatements(s, fullWidth)),
    ...items.filter((item) => isRecommendation(item.text)),
  ].map((item) => ({ id: '', text: item.text, position: { ...item.position } }));
  const findings = items.filter((item) => !isRecommendation(item.text)).map(toFinding);
  if (findings.length === 0)
    warnings.add('missing-findings', 'no summary or key question findings found', null);

  const { requirements, enforcement } = readBreaches(lines, noise, sections, fullWidth, warnings);
  const { history, lastGrade } = readHistory(sections, fullWidth, warnings);
  const stated = readStatedDirection(plain, lastGrade, overall?.grade ?? null);

  const document: ReportDocument = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    source: { ...source },
    family: 'cqc-full-report',
    regulator: 'CQC',
    parser: { ...CQC_FULL_REPORT_PARSER },
    provider,
    location,
    inspection: {
      id: '',
      type,
      startDate: cover.visit?.value.start ?? null,
      endDate: cover.visit?.value.end ?? null,
      framework: null,
      overallGrade: overall?.grade ?? null,
      overallGradeText: overall?.gradeText ?? null,
      ratingDirection: stated.direction,
      previousGrade: stated.previousGrade,
      publishedOn,
    },
    judgements,
    history,
    requirements,
    recommendations,
    enforcement,
    findings,
    people: [],
    warnings: warnings.list(),
  };
  return renumberDocumentIds(document);
}
