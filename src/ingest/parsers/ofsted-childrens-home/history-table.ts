import type { HistoryEntry } from '../../../model/document.ts';
import { parseDate } from '../../text/dates.ts';
import { readGrade } from '../../text/grades.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline, splitCells } from '../../text/normalise.ts';
import type { WarningLog } from '../warnings.ts';
import { isContentLine } from './sections.ts';
import { readInspectionTypeWord } from './summary.ts';

/** Cells of a history row: tabs when the extractor kept them, else runs of spaces, else words. */
function splitHistoryRow(text: string): [string, string, string] | null {
  const tabbed = splitCells(text).map(cleanInline).filter(Boolean);
  if (tabbed.length === 3) return [tabbed[0]!, tabbed[1]!, tabbed[2]!];
  const spaced = text
    .split(/\s{2,}/)
    .map(cleanInline)
    .filter(Boolean);
  if (spaced.length === 3) return [spaced[0]!, spaced[1]!, spaced[2]!];
  const m = /^(\d{1,2}\/\d{1,2}\/\d{4})\s+([A-Za-z]+)\s+(.+)$/.exec(cleanInline(text));
  return m ? [m[1]!, m[2]!, m[3]!] : null;
}

function isHeaderRow(text: string): boolean {
  return /inspection date/i.test(text) && /inspection type|judgement/i.test(text);
}

/**
 * Rows of the "Recent inspection history" table ("20/02/2019\tInterim\tSustained effectiveness").
 * Each row is an earlier inspection. The inspection id is filled in when the document is composed,
 * once the location id is known.
 */
export function readHistoryTable(
  lines: readonly SourceLine[],
  warnings: WarningLog,
): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const line of lines) {
    if (!isContentLine(line) || isHeaderRow(line.text)) continue;
    const cells = splitHistoryRow(line.text);
    const date = cells ? parseDate(cells[0]) : null;
    if (!cells || !date) {
      warnings.add(
        'unparsed-table-row',
        `history row not understood: "${cleanInline(line.text).slice(0, 80)}"`,
        line.position,
      );
      continue;
    }
    const [, typeText, gradeText] = cells;
    const type = readInspectionTypeWord(typeText);
    if (type === 'unknown') {
      warnings.add(
        'unknown-inspection-type',
        `history row has inspection type "${typeText}"`,
        line.position,
      );
    }
    const grade = readGrade(gradeText);
    if (!grade)
      warnings.add('unknown-grade', `history row has judgement "${gradeText}"`, line.position);
    entries.push({ inspectionId: '', date, type, typeText, grade, gradeText });
  }
  return entries;
}
