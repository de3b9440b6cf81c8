/**
 * Parser for Ofsted inspections of local-authority children's services, every era: ILACS (2018
 * on), the single inspection framework (SIF, 2013-2018, with its review of the Local Safeguarding
 * Children Board) and the 2012-13 inspection of looked after children services (LAC).
 *
 * Stages: normalise line endings and split into positioned lines → read the title (framework and
 * LA) → read the judgements the way the era prints them → split the rest at the era's headings →
 * read each part's paragraphs or list items as findings → compose the ReportDocument. Nothing
 * here throws on odd input: what cannot be read becomes a warning and a null.
 */
import type { Judgement, ReportDocument, SourceInfo } from '../../model/document.ts';
import { readGrade } from '../text/grades.ts';
import { splitSourceLines, type SourceLine } from '../text/lines.ts';
import { normaliseLineEndings } from '../text/normalise.ts';
import {
  detectLaFramework,
  readTitleZone,
  type LaFramework,
} from './ofsted-la-childrens-services/framework.ts';
import {
  readHeadingGradeText,
  selectHeadingRules,
  stripHeadingGrade,
} from './ofsted-la-childrens-services/headings.ts';
import {
  ILACS_TABLE_LABELS,
  readIlacsAreaKey,
} from './ofsted-la-childrens-services/ilacs-table.ts';
import { readLacGrades } from './ofsted-la-childrens-services/lac-grades.ts';
import { readInspectionPeople } from './ofsted-la-childrens-services/people.ts';
import {
  readLscbGrade,
  readSifOverall,
  SIF_TABLE_LABELS,
} from './ofsted-la-childrens-services/sif-grades.ts';
import { readTitleAuthority } from './ofsted-la-childrens-services/title.ts';
import { cleanLine } from './ofsted-la-common/clean-line.ts';
import { composeLaDocument } from './ofsted-la-common/compose.ts';
import { readLabelledDate, readInspectionDates } from './ofsted-la-common/fields.ts';
import { readSectionFindings } from './ofsted-la-common/findings.ts';
import { buildFurnitureTest } from './ofsted-la-common/furniture.ts';
import { readGradeTable } from './ofsted-la-common/grade-table.ts';
import { findCouncilName } from './ofsted-la-common/local-authority.ts';
import { splitOutline, type Section } from './ofsted-la-common/outline.ts';
import { measureLineWidth } from './ofsted-la-common/prose.ts';
import { WarningLog } from './warnings.ts';

export const OFSTED_LA_CHILDRENS_SERVICES_PARSER = {
  name: 'ofsted-la-childrens-services',
  version: '1',
} as const;

export const OVERALL_AREA = 'Overall effectiveness';
const LSCB_AREA = 'Local Safeguarding Children Board';

/** When the title is unreadable, the judgement wording still tells the era. */
function guessFramework(text: string): LaFramework {
  if (/children looked after and achieving permanence/i.test(text)) return 'SIF';
  if (/record of main findings/i.test(text) && /capacity to improve/i.test(text)) return 'LAC';
  return 'ILACS';
}

interface Judged {
  judgements: Judgement[];
  /** Index of the first line after the judgement table (ILACS), where the unheaded summary starts. */
  summaryStart: number | null;
}

/** The ILACS "Judgement / Grade" table; failing that, the grades in the narrative headings. */
function readIlacsJudgements(lines: readonly SourceLine[], warnings: WarningLog): Judged {
  const header = lines.findIndex((l) => /^judgements?\s+grades?$/i.test(cleanLine(l)));
  const zone = header === -1 ? lines.slice(0, 80) : lines.slice(header + 1, header + 40);
  const table = readGradeTable(zone, ILACS_TABLE_LABELS);
  if (table.ok) {
    // Rows before the table that was read could not be read themselves: a damaged first row.
    for (const s of table.skipped)
      warnings.add('unreadable-judgement-row', `judgement table: ${s.reason}`, s.position);
    return {
      judgements: table.judgements.map(({ area, grade, gradeText }) => ({
        area,
        grade,
        gradeText,
      })),
      summaryStart: table.lastLine + 1,
    };
  }
  warnings.add(
    'unreadable-judgement-table',
    table.reason,
    table.position ?? (header === -1 ? null : lines[header]!.position),
  );
  return { judgements: [], summaryStart: header === -1 ? null : header + 1 };
}

/** Judgement headings of the ILACS narrative ("…help and protection: good"), as judgements. */
function readHeadingJudgements(
  sections: readonly Section[],
): Array<Judgement & { position: Section['heading']['position'] }> {
  const found: Array<Judgement & { position: Section['heading']['position'] }> = [];
  for (const section of sections) {
    if (section.role !== 'narrative') continue;
    const area = stripHeadingGrade(section.title);
    const gradeText = readHeadingGradeText(section.title);
    const grade = gradeText ? readGrade(gradeText) : null;
    if (gradeText && grade)
      found.push({ area, grade, gradeText, position: section.heading.position });
  }
  return found;
}

/** Table and headings should agree; when the table could not be read, the headings stand in. */
function reconcileIlacs(
  table: Judgement[],
  sections: readonly Section[],
  warnings: WarningLog,
): Judgement[] {
  const headings = readHeadingJudgements(sections);
  // Rows and headings meet on the table's row key, so a slip in one wording does not split them.
  const key = (area: string): string =>
    readIlacsAreaKey(area) ?? area.toLowerCase().replace(/^the /, '');
  if (table.length === 0) {
    if (headings.length > 0)
      warnings.add(
        'judgements-from-narrative',
        'no readable judgement table; read the narrative headings',
        headings[0]!.position,
      );
    return headings.map(({ area, grade, gradeText }) => ({ area, grade, gradeText }));
  }
  const added: Judgement[] = [];
  for (const heading of headings) {
    const row = table.find((j) => key(j.area) === key(heading.area));
    if (!row) {
      warnings.add(
        'judgement-from-narrative',
        `"${heading.area}" is not in the judgement table; read its narrative heading`,
        heading.position,
      );
      added.push({ area: heading.area, grade: heading.grade, gradeText: heading.gradeText });
    } else if (row.grade !== heading.grade) {
      warnings.add(
        'inconsistent-judgement',
        `"${row.area}" is "${row.gradeText}" in the table and "${heading.gradeText}" in the narrative`,
        heading.position,
      );
    }
  }
  return [...added, ...table];
}

/** The first page of a SIF report: up to its first heading. */
function selectSifFirstPage(lines: readonly SourceLine[]): SourceLine[] {
  const end = lines.findIndex((l) =>
    /^(?:executive summary|contents|section 1\s*:.*|summary of key findings)$/i.test(cleanLine(l)),
  );
  return lines.slice(0, end === -1 ? Math.min(lines.length, 120) : end);
}

function readSifJudgements(lines: readonly SourceLine[], warnings: WarningLog): Judgement[] {
  const firstPage = selectSifFirstPage(lines);
  const judgements: Judgement[] = [];
  const overall = readSifOverall(firstPage);
  if (overall)
    judgements.push({ area: OVERALL_AREA, grade: overall.grade, gradeText: overall.gradeText });
  const table = readGradeTable(firstPage, SIF_TABLE_LABELS);
  if (table.ok)
    judgements.push(
      ...table.judgements.map(({ area, grade, gradeText }) => ({ area, grade, gradeText })),
    );
  else warnings.add('unreadable-judgement-table', table.reason, table.position);
  const lscb = readLscbGrade(lines);
  if (lscb) judgements.push({ area: LSCB_AREA, grade: lscb.grade, gradeText: lscb.gradeText });
  return judgements;
}

function readLacJudgements(sections: readonly Section[]): Judgement[] {
  return readLacGrades(sections).map(({ area, grade, gradeText }) => ({
    area: /^overall effectiveness/i.test(area) ? OVERALL_AREA : area,
    grade,
    gradeText,
  }));
}

function readFrameworkParts(
  framework: LaFramework,
  lines: readonly SourceLine[],
  warnings: WarningLog,
): { judgements: Judgement[]; sections: Section[] } {
  const rules = selectHeadingRules(framework);
  switch (framework) {
    case 'ILACS': {
      const judged = readIlacsJudgements(lines, warnings);
      const start = judged.summaryStart ?? 0;
      const lead =
        judged.summaryStart === null ? null : { name: 'Summary', role: 'narrative' as const };
      const sections = splitOutline(lines.slice(start), rules, lead);
      return { judgements: reconcileIlacs(judged.judgements, sections, warnings), sections };
    }
    case 'SIF':
      return {
        judgements: readSifJudgements(lines, warnings),
        sections: splitOutline(lines, rules),
      };
    case 'LAC': {
      const sections = splitOutline(lines, rules);
      return { judgements: readLacJudgements(sections), sections };
    }
    default:
      return unreachableFramework(framework);
  }
}

function unreachableFramework(framework: never): never {
  throw new Error(`Unhandled framework ${String(framework)}`);
}

/** Parses the text of an Ofsted inspection of LA children's services, any era. Never throws. */
export function parseOfstedLaChildrensServices(input: string, source: SourceInfo): ReportDocument {
  const text = normaliseLineEndings(input);
  const lines = splitSourceLines(text);
  const warnings = new WarningLog();

  const titleZone = readTitleZone(lines);
  let framework = detectLaFramework(titleZone);
  if (!framework) {
    framework = guessFramework(text);
    warnings.add('unknown-framework', `report title not recognised; read as ${framework}`, null);
  }

  const { authority, printedName } = readTitleAuthority(titleZone);
  if (!authority) {
    warnings.add(
      'unknown-local-authority',
      printedName
        ? `local authority "${printedName}" is not in the catalogue`
        : 'no local authority named in the title',
      null,
    );
  }
  const councilName = authority ? findCouncilName(lines, authority) : null;

  const dates = readInspectionDates(lines, warnings);
  const publishedOn = readLabelledDate(lines, /(?:report )?published/);

  const { judgements, sections } = readFrameworkParts(framework, lines, warnings);
  const overall = judgements.find((j) => j.area === OVERALL_AREA) ?? null;
  if (!overall)
    warnings.add('missing-overall-grade', 'no overall effectiveness judgement found', null);

  const findings = readSectionFindings(
    sections,
    buildFurnitureTest(lines),
    measureLineWidth(lines),
  );
  if (findings.length === 0)
    warnings.add('missing-findings', 'no narrative or improvement items found', null);

  const people = readInspectionPeople(lines);
  if (!people.some((p) => p.role === 'lead inspector'))
    warnings.add('missing-lead-inspector', 'no lead inspector named', null);

  return composeLaDocument({
    family: 'ofsted-la-childrens-services',
    parser: OFSTED_LA_CHILDRENS_SERVICES_PARSER,
    source,
    text,
    authority,
    councilName,
    type: 'full',
    dates,
    publishedOn,
    framework,
    overall: overall ? { grade: overall.grade, gradeText: overall.gradeText } : null,
    judgements,
    findings,
    people,
    warnings: warnings.list(),
  });
}
