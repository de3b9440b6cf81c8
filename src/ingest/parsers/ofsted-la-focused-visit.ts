/**
 * Parser for Ofsted focused-visit letters to a local authority's director of children's services
 * (part of ILACS since 2018): no grades, a visit of a day or two looking at one area of practice.
 *
 * Stages: normalise line endings and split into positioned lines → split at the letter's headings
 * → read the opening as running text (LA, visit dates, area of practice, inspectors) → read each
 * part's paragraphs or list items as findings → compose the ReportDocument. Never throws.
 */
import type { Finding, ReportDocument, SourceInfo } from '../../model/document.ts';
import { splitSourceLines } from '../text/lines.ts';
import { normaliseLineEndings } from '../text/normalise.ts';
import { composeLaDocument } from './ofsted-la-common/compose.ts';
import { buildFinding, readSectionFindings } from './ofsted-la-common/findings.ts';
import { buildFurnitureTest } from './ofsted-la-common/furniture.ts';
import {
  findCouncilName,
  findLocalAuthority,
  findLocalAuthorityInText,
} from './ofsted-la-common/local-authority.ts';
import { splitOutline } from './ofsted-la-common/outline.ts';
import { measureLineWidth } from './ofsted-la-common/prose.ts';
import { FOCUSED_VISIT_HEADINGS } from './ofsted-la-focused-visit/headings.ts';
import {
  joinLines,
  readAreaOfPractice,
  readLetterDate,
  readSentenceAuthorityName,
  readVisitDates,
  readVisitTitle,
} from './ofsted-la-focused-visit/letter.ts';
import { readVisitPeople } from './ofsted-la-focused-visit/people.ts';
import { WarningLog } from './warnings.ts';

export const OFSTED_LA_FOCUSED_VISIT_PARSER = {
  name: 'ofsted-la-focused-visit',
  version: '1',
} as const;

export const AREA_OF_PRACTICE_SECTION = 'Area of practice';

/** Parses the text of an Ofsted focused-visit letter. Never throws. */
export function parseOfstedLaFocusedVisit(input: string, source: SourceInfo): ReportDocument {
  const text = normaliseLineEndings(input);
  const lines = splitSourceLines(text);
  const warnings = new WarningLog();
  const isFurniture = buildFurnitureTest(lines);

  const sections = splitOutline(lines, FOCUSED_VISIT_HEADINGS);
  const firstFindings = sections.find((s) => s.role !== 'skip');
  const openingLines = lines
    .slice(0, firstFindings ? firstFindings.heading.index : lines.length)
    .filter((l) => !isFurniture(l));
  const opening = joinLines(openingLines);

  const title = readVisitTitle(openingLines);
  const sentenceName = readSentenceAuthorityName(opening);
  const authority =
    (title ? findLocalAuthority(title.name) : null) ??
    (sentenceName ? findLocalAuthority(sentenceName) : null) ??
    findLocalAuthorityInText(title?.name ?? opening.text.slice(0, 600));
  if (!authority) {
    warnings.add(
      'unknown-local-authority',
      title
        ? `local authority "${title.name}" is not in the catalogue`
        : 'no "Focused visit to …" title',
      title?.position ?? null,
    );
  }

  const publishedOn = readLetterDate(lines);
  const visit = readVisitDates(opening, publishedOn);
  if (!visit.text)
    warnings.add('missing-inspection-date', 'no "focused visit to … on <dates>" sentence', null);
  else if (!visit.dates)
    warnings.add('unparsed-date', `visit dates "${visit.text}" not understood`, visit.position);
  else if (visit.yearFromLetter)
    warnings.add(
      'visit-year-from-letter',
      `visit dates "${visit.text}" give no year; read as the last such dates before the letter's date`,
      visit.position,
    );

  const area = readAreaOfPractice(opening);
  if (!area) warnings.add('missing-area-of-practice', 'no "Inspectors looked at …" sentence', null);
  const findings: Finding[] = [
    ...(area ? [buildFinding(area.text, AREA_OF_PRACTICE_SECTION, 'neutral', area.position)] : []),
    ...readSectionFindings(sections, isFurniture, measureLineWidth(lines)),
  ];
  if (findings.length === 0)
    warnings.add('missing-findings', 'no findings or improvement items found', null);

  const people = readVisitPeople(lines, opening);
  if (!people.some((p) => p.role === 'lead inspector'))
    warnings.add('missing-lead-inspector', 'no inspector signs the letter', null);

  return composeLaDocument({
    family: 'ofsted-la-focused-visit',
    parser: OFSTED_LA_FOCUSED_VISIT_PARSER,
    source,
    text,
    authority,
    councilName: authority ? findCouncilName(lines, authority) : null,
    type: 'focused',
    dates: visit.dates,
    publishedOn,
    framework: 'ILACS',
    overall: null,
    judgements: [],
    findings,
    people,
    warnings: warnings.list(),
  });
}
