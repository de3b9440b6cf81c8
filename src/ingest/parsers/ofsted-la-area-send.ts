/**
 * Parser for joint Ofsted and CQC area SEND inspections of a local area partnership (the LA and
 * its integrated care board), 2023 framework. Ofsted leads and publishes, so the regulator is
 * OFSTED and the joint nature is in the framework name.
 *
 * Stages: normalise line endings and split into positioned lines → read the title (LA) and dates
 * → split at the report's headings → read the inspection outcome, the team, and each part's
 * paragraphs or items as findings → compose the ReportDocument. Never throws.
 */
import type { LocalAuthority } from '../../reference/local-authorities.ts';
import type { ReportDocument, SourceInfo } from '../../model/document.ts';
import { splitSourceLines, type SourceLine } from '../text/lines.ts';
import { normaliseLineEndings } from '../text/normalise.ts';
import { AREA_SEND_HEADINGS } from './ofsted-la-area-send/headings.ts';
import { readInspectionOutcome } from './ofsted-la-area-send/outcome.ts';
import { readSendTeam } from './ofsted-la-area-send/people.ts';
import { cleanLine } from './ofsted-la-common/clean-line.ts';
import { composeLaDocument } from './ofsted-la-common/compose.ts';
import { readInspectionDates } from './ofsted-la-common/fields.ts';
import { readSectionFindings } from './ofsted-la-common/findings.ts';
import { buildFurnitureTest } from './ofsted-la-common/furniture.ts';
import {
  findCouncilName,
  findLocalAuthority,
  findLocalAuthorityInText,
} from './ofsted-la-common/local-authority.ts';
import { splitOutline } from './ofsted-la-common/outline.ts';
import { measureLineWidth } from './ofsted-la-common/prose.ts';
import { WarningLog } from './warnings.ts';

export const OFSTED_LA_AREA_SEND_PARSER = { name: 'ofsted-la-area-send', version: '1' } as const;

export const AREA_SEND_FRAMEWORK = 'Area SEND (Ofsted/CQC)';

const TITLE =
  /\barea send (?:full |monitoring )?inspection(?: report)?\s*(?:of|:)\s*(?:the )?(.{2,80}?) local area partnership\b/i;

/** The partnership's LA from the title ("Area SEND inspection of Bedford Borough Local Area Partnership"). */
function readPartnershipAuthority(lines: readonly SourceLine[]): {
  authority: LocalAuthority | null;
  printedName: string | null;
} {
  const top = lines
    .slice(0, 60)
    .map((l) => cleanLine(l))
    .filter((t) => t !== '')
    .slice(0, 12)
    .join(' ');
  const printedName = TITLE.exec(top)?.[1]?.trim() ?? null;
  const authority =
    (printedName ? findLocalAuthority(printedName) : null) ??
    findLocalAuthorityInText(printedName ?? top);
  return { authority, printedName };
}

/** Parses the text of a joint area SEND inspection report. Never throws. */
export function parseOfstedLaAreaSend(input: string, source: SourceInfo): ReportDocument {
  const text = normaliseLineEndings(input);
  const lines = splitSourceLines(text);
  const warnings = new WarningLog();
  const isFurniture = buildFurnitureTest(lines);

  const { authority, printedName } = readPartnershipAuthority(lines);
  if (!authority) {
    warnings.add(
      'unknown-local-authority',
      printedName
        ? `local area partnership "${printedName}" is not in the catalogue`
        : 'no "Area SEND inspection of … Local Area Partnership" title',
      null,
    );
  }
  const dates = readInspectionDates(lines, warnings);
  const sections = splitOutline(lines, AREA_SEND_HEADINGS);

  const outcomeSection = sections.find((s) => /^inspection outcome$/i.test(s.name));
  const outcome = outcomeSection ? readInspectionOutcome(outcomeSection.lines, isFurniture) : null;
  if (!outcome)
    warnings.add(
      'missing-overall-grade',
      'no "Inspection outcome" found',
      outcomeSection?.heading.position ?? null,
    );

  const findings = readSectionFindings(sections, isFurniture, measureLineWidth(lines));
  if (findings.length === 0)
    warnings.add('missing-findings', 'no findings or areas for improvement found', null);

  const team = sections.find((s) => /^inspection team$/i.test(s.name));
  const people = readSendTeam(team?.lines ?? []);
  if (!people.some((p) => p.role === 'lead inspector'))
    warnings.add('missing-lead-inspector', 'no Ofsted lead inspector in the inspection team', null);

  const monitoring = /\barea send monitoring inspection\b/i.test(
    lines
      .slice(0, 30)
      .map((l) => l.text)
      .join(' '),
  );
  return composeLaDocument({
    family: 'ofsted-la-area-send',
    parser: OFSTED_LA_AREA_SEND_PARSER,
    source,
    text,
    authority,
    councilName: authority ? findCouncilName(lines, authority) : null,
    type: monitoring ? 'monitoring' : 'full',
    dates,
    publishedOn: null,
    framework: AREA_SEND_FRAMEWORK,
    overall: outcome ? { grade: null, gradeText: outcome.text } : null,
    judgements: [],
    findings,
    people,
    warnings: warnings.list(),
  });
}
