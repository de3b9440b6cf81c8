/**
 * Parser for the Ofsted children's home inspection report (full and interim inspections under
 * the SCCIF), as text extracted from the published PDF.
 *
 * Stages: normalise line endings and split into positioned lines → split at the report's
 * headings → read each part (labelled fields, first-page summary, history table, requirements,
 * recommendations, judgement narratives, people) → compose the ReportDocument and number its ids.
 * Nothing here throws on odd input: what cannot be read becomes a warning and a null.
 */
import type {
  Finding,
  HistoryEntry,
  InspectionType,
  Judgement,
  ProviderRef,
  ReportDocument,
  SourceInfo,
} from '../../model/document.ts';
import { DOCUMENT_SCHEMA_VERSION } from '../../model/document.ts';
import { parseDateWindows } from '../text/date-windows.ts';
import { parseDate } from '../text/dates.ts';
import { buildContentLocationId } from '../text/hash.ts';
import { readGrade } from '../text/grades.ts';
import { splitSourceLines, type SourceLine } from '../text/lines.ts';
import { normaliseLineEndings } from '../text/normalise.ts';
import { buildOfstedLocationId, buildProviderId, renumberDocumentIds } from './ids.ts';
import { WarningLog } from './warnings.ts';
import { addComplianceNotices } from './ofsted-childrens-home/compliance-notices.ts';
import { readEnforcementSinceLast } from './ofsted-childrens-home/enforcement.ts';
import { readFields, type FieldMap } from './ofsted-childrens-home/fields.ts';
import { readHistoryTable } from './ofsted-childrens-home/history-table.ts';
import { readNarratives, THIS_INSPECTION_SECTION } from './ofsted-childrens-home/narratives.ts';
import { readPeople } from './ofsted-childrens-home/people.ts';
import { readRecommendations } from './ofsted-childrens-home/recommendations.ts';
import { readRequirementsTable } from './ofsted-childrens-home/requirements-table.ts';
import { splitSections, type SectionMap } from './ofsted-childrens-home/sections.ts';
import {
  readCapacity,
  readFramework,
  readInspectionTypeLine,
  readLeadingUrn,
  readSummary,
  URN_PATTERN,
  type LocatedJudgement,
} from './ofsted-childrens-home/summary.ts';

export const OFSTED_CHILDRENS_HOME_PARSER = {
  name: 'ofsted-childrens-home',
  version: '2',
} as const;

const OVERALL_AREA = /^overall experiences and progress/i;

/** Lines of the first page: everything before the first heading after the home's description. */
function selectSummaryLines(lines: readonly SourceLine[], sections: SectionMap): SourceLine[] {
  let end = lines.length;
  for (const section of Object.values(sections)) {
    if (section && section.key !== 'home-information') end = Math.min(end, section.heading.index);
  }
  return lines.slice(0, end);
}

function readUrn(
  fields: FieldMap,
  lines: readonly SourceLine[],
  warnings: WarningLog,
): string | null {
  const field = fields.urn;
  let fromField: string | null = null;
  if (field) {
    if (URN_PATTERN.test(field.value)) fromField = field.value.toUpperCase();
    else
      warnings.add(
        'unparsed-urn',
        `unique reference number "${field.value}" is not a URN`,
        field.position,
      );
  }
  const leading = readLeadingUrn(lines);
  if (fromField && leading && leading.urn !== fromField) {
    warnings.add(
      'conflicting-value',
      `URN ${leading.urn} at the top, ${fromField} in the details; kept ${fromField}`,
      leading.position,
    );
  }
  return fromField ?? leading?.urn ?? null;
}

function readInspectionType(
  summaryLines: readonly SourceLine[],
  warnings: WarningLog,
): InspectionType {
  for (const line of summaryLines) {
    const found = readInspectionTypeLine(line);
    if (!found) continue;
    if (found.type === 'unknown')
      warnings.add(
        'unknown-inspection-type',
        `inspection type "${found.text}" not known`,
        line.position,
      );
    return found.type;
  }
  warnings.add(
    'missing-inspection-type',
    'no "Full inspection" or "Interim inspection" line',
    null,
  );
  return 'unknown';
}

function readProvider(fields: FieldMap, warnings: WarningLog): ProviderRef | null {
  const name = fields['provider-name']?.value ?? null;
  const id = name ? buildProviderId('OFSTED', name) : null;
  if (!name || !id) {
    warnings.add('missing-provider', 'no "Registered provider:" line', null);
    return null;
  }
  return { id, name, address: fields['provider-address']?.value ?? null };
}

/**
 * Judgements of the first page; when that page has none (a damaged extract), the "<area>: <grade>"
 * sub-headings of the narrative stand in. Disagreements between the two are reported.
 */
function reconcileJudgements(
  summary: readonly LocatedJudgement[],
  narrative: readonly LocatedJudgement[],
  warnings: WarningLog,
): Judgement[] {
  const chosen = summary.length > 0 ? summary : narrative;
  if (summary.length === 0 && narrative.length > 0) {
    warnings.add(
      'judgements-from-narrative',
      'no judgement lines on the first page; read the narrative headings',
      narrative[0]!.position,
    );
  }
  const byArea = new Map<string, LocatedJudgement>();
  for (const j of chosen) {
    const key = j.area.toLowerCase();
    const existing = byArea.get(key);
    if (!existing) byArea.set(key, j);
    else if (existing.grade !== j.grade) {
      warnings.add(
        'conflicting-value',
        `judgement "${j.area}" given as "${existing.gradeText}" and "${j.gradeText}"; kept the first`,
        j.position,
      );
    }
  }
  if (summary.length > 0) {
    for (const heading of narrative) {
      const match = byArea.get(heading.area.toLowerCase());
      if (match && match.grade !== heading.grade) {
        warnings.add(
          'inconsistent-judgement',
          `"${heading.area}" is "${match.gradeText}" on the first page and "${heading.gradeText}" in the narrative`,
          heading.position,
        );
      }
    }
  }
  return [...byArea.values()].map(({ area, grade, gradeText }) => ({ area, grade, gradeText }));
}

/** "Date of last inspection" and its judgement, checked against (or added to) the history table. */
function reconcileLastInspection(
  history: HistoryEntry[],
  fields: FieldMap,
  warnings: WarningLog,
): HistoryEntry[] {
  const dateField = fields['last-inspection-date'];
  if (!dateField) return history;
  const date = parseDate(dateField.value);
  if (!date) {
    warnings.add(
      'unparsed-date',
      `date of last inspection "${dateField.value}" not understood`,
      dateField.position,
    );
    return history;
  }
  const judgementField = fields['last-inspection-judgement'];
  const grade = judgementField ? readGrade(judgementField.value) : null;
  const row = history.find((h) => h.date === date);
  if (row) {
    if (judgementField && grade !== row.grade) {
      warnings.add(
        'inconsistent-last-inspection',
        `last inspection judged "${judgementField.value}" but the history says "${row.gradeText}"`,
        judgementField.position,
      );
    }
    return history;
  }
  warnings.add(
    'last-inspection-not-in-history',
    `last inspection ${date} is not in the history table; added with unknown type`,
    dateField.position,
  );
  return [
    ...history,
    {
      inspectionId: '',
      date,
      type: 'unknown',
      typeText: '',
      grade,
      gradeText: judgementField?.value ?? '',
    },
  ];
}

/** Parses the text of an Ofsted children's home inspection report. Never throws. */
export function parseOfstedChildrensHome(input: string, source: SourceInfo): ReportDocument {
  const text = normaliseLineEndings(input);
  const lines = splitSourceLines(text);
  const warnings = new WarningLog();

  const sections = splitSections(lines);
  const fields = readFields(lines, warnings);
  const summaryLines = selectSummaryLines(lines, sections);

  const urn = readUrn(fields, lines, warnings);
  let locationId: string;
  if (urn) {
    locationId = buildOfstedLocationId(urn);
  } else {
    locationId = buildContentLocationId(text);
    warnings.add('missing-location-id', 'no URN found; location keyed by a hash of the text', null);
  }
  const provider = readProvider(fields, warnings);

  const type = readInspectionType(summaryLines, warnings);
  const datesField = fields['inspection-dates'];
  const dates = datesField ? parseDateWindows(datesField.value) : null;
  if (!datesField) warnings.add('missing-inspection-date', 'no "Inspection dates:" line', null);
  else if (!dates)
    warnings.add(
      'unparsed-date',
      `inspection dates "${datesField.value}" not understood`,
      datesField.position,
    );

  const framework = readFramework(lines);
  if (!framework) warnings.add('missing-framework', 'inspection framework not stated', null);

  const summary = readSummary(summaryLines);
  const narratives = readNarratives(sections.judgements?.lines ?? []);
  // An interim report writes its narrative under "This inspection", with no judgement sub-headings.
  const interimNarratives = readNarratives(
    sections['this-inspection']?.lines ?? [],
    THIS_INSPECTION_SECTION,
  );
  const judgements = reconcileJudgements(summary.judgements, narratives.headings, warnings);
  // The interim judgement grades the inspection as a whole, as the history table records it; it
  // is no judgement of an area, so it is the overall grade and adds no Judgement.
  const overall = judgements.find((j) => OVERALL_AREA.test(j.area)) ?? summary.interim;
  if (!overall)
    warnings.add(
      'missing-overall-grade',
      'no "Overall experiences and progress" judgement or interim judgement',
      null,
    );
  if (summary.interim && type !== 'interim') {
    warnings.add(
      'inconsistent-judgement',
      `an interim judgement ("${summary.interim.gradeText}") in a report of a ${type} inspection`,
      summary.interim.position,
    );
  }

  const description = summary.description.map((p) => p.text).join('\n') || null;
  const capacity = description ? readCapacity(description) : null;
  if (capacity === null) {
    warnings.add(
      'missing-capacity',
      'capacity not stated in the home description',
      summary.description[0]?.position ?? null,
    );
  }
  const locationType = fields['provision-type']?.value ?? null;
  if (!locationType) warnings.add('missing-location-type', 'no "Provision sub-type:" line', null);

  const history = reconcileLastInspection(
    readHistoryTable(sections.history?.lines ?? [], warnings),
    fields,
    warnings,
  );
  const requirements = readRequirementsTable(sections.requirements?.lines ?? [], warnings);
  const recommendations = readRecommendations(sections.recommendations?.lines ?? []);
  const enforcement = readEnforcementSinceLast(fields['enforcement-since-last'], warnings);

  const findings: Finding[] = [
    ...summary.headline.map((p) => ({ section: 'Headline', text: p.text, position: p.position })),
    ...narratives.paragraphs,
    ...interimNarratives.paragraphs,
  ].map((p) => ({
    id: '',
    text: p.text,
    section: p.section,
    polarity: 'neutral' as const,
    themes: [],
    citations: [],
    repeat: null,
    boilerplate: false,
    position: { ...p.position },
  }));
  if (findings.length === 0)
    warnings.add('missing-findings', 'no headline or judgement narrative found', null);

  const document: ReportDocument = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    source: { ...source },
    family: 'ofsted-childrens-home',
    regulator: 'OFSTED',
    parser: { ...OFSTED_CHILDRENS_HOME_PARSER },
    provider,
    location: {
      id: locationId,
      urn,
      cqcId: null,
      name: null,
      type: locationType,
      capacity,
      description,
      region: null,
      localAuthority: null,
    },
    inspection: {
      id: '',
      type,
      startDate: dates?.start ?? null,
      endDate: dates?.end ?? null,
      framework: framework?.framework ?? null,
      overallGrade: overall?.grade ?? null,
      overallGradeText: overall?.gradeText ?? null,
      ratingDirection: null,
      ...(dates?.visits ? { visits: dates.visits } : {}),
    },
    judgements,
    history,
    requirements,
    recommendations,
    enforcement,
    findings,
    people: readPeople(fields, sections.inspector?.lines ?? []),
    warnings: warnings.list(),
  };
  // The notices link to requirement ids, which exist once the document is numbered.
  return addComplianceNotices(renumberDocumentIds(document));
}
