import type { Requirement } from '../../../model/document.ts';
import { parseDate } from '../../text/dates.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';
import type { WarningLog } from '../warnings.ts';
import { isContentLine } from './sections.ts';
import {
  joinFragmentBlocks,
  looksLikeTableRow,
  readRegulationReference,
  readRowFragment,
  type RowFragment,
} from './table-rows.ts';

/** "6: The quality and purpose of care standard *": regulation number, title, compliance-notice mark. */
const HEADING_BLOCK = /^(?:Regulation\s+)?(\d{1,3}[A-Z]?)\s*[:.]\s+(.+?)(\s*\*)?$/;

interface RowHeading {
  number: string;
  title: string;
  complianceNotice: boolean;
}

interface PendingRow {
  heading: RowHeading | null;
  fragments: RowFragment[];
}

function readRowHeading(block: string | undefined): RowHeading | null {
  const m = block ? HEADING_BLOCK.exec(block) : null;
  if (!m) return null;
  return { number: m[1]!.toUpperCase(), title: m[2]!.trim(), complianceNotice: Boolean(m[3]) };
}

function bodyBlocks(row: PendingRow): string[][] {
  return row.fragments.map((f, i) => (i === 0 && row.heading ? f.blocks.slice(1) : f.blocks));
}

/** A row stays open for page-break continuations until its final "(Regulation …)" reference. */
function isRowOpen(row: PendingRow): boolean {
  const blocks = row.fragments.flatMap((f) => f.blocks);
  const last = blocks[blocks.length - 1];
  return !last || !/\(\s*Regulations?\s+\d/i.test(last);
}

function isHeaderRow(line: SourceLine): boolean {
  return /^requirements?\s+due date$/i.test(cleanInline(line.text));
}

/** "* These requirements are subject to a compliance notice." */
export function isComplianceFootnote(line: SourceLine): boolean {
  return /^\*\s*(?:these|this) requirements? (?:is|are) subject to (?:a )?compliance notices?/i.test(
    cleanInline(line.text),
  );
}

function composeRequirement(row: PendingRow, warnings: WarningLog): Requirement {
  const first = row.fragments[0]!;
  const text = joinFragmentBlocks(bodyBlocks(row));
  const reference = readRegulationReference(text);
  const number = row.heading?.number ?? reference?.number ?? null;
  if (row.heading && reference && row.heading.number !== reference.number) {
    warnings.add(
      'inconsistent-regulation',
      `requirement headed regulation ${row.heading.number} cites regulation ${reference.number}`,
      first.line.position,
    );
  }
  if (number === null)
    warnings.add('missing-regulation', 'requirement names no regulation', first.line.position);
  if (!reference)
    warnings.add(
      'missing-paragraph-reference',
      'requirement has no "(Regulation …)" reference',
      first.line.position,
    );

  let dueDate: string | null = null;
  for (const fragment of row.fragments) {
    if (!fragment.dueText) continue;
    const parsed = parseDate(fragment.dueText);
    if (!parsed) {
      warnings.add(
        'unparsed-date',
        `due date "${fragment.dueText}" not understood`,
        fragment.line.position,
      );
    } else if (dueDate === null) {
      dueDate = parsed;
    } else if (parsed !== dueDate) {
      warnings.add(
        'conflicting-value',
        `requirement has due dates ${dueDate} and ${parsed}; kept the first`,
        fragment.line.position,
      );
    }
  }
  if (dueDate === null)
    warnings.add('missing-due-date', 'requirement has no due date', first.line.position);
  if (!text) warnings.add('empty-requirement', 'requirement row has no text', first.line.position);

  return {
    id: '',
    regulation:
      number === null
        ? null
        : { legislation: 'CHR2015', number, title: row.heading?.title ?? null },
    paragraphs: reference?.paragraphs ?? null,
    text,
    dueDate,
    complianceNotice: row.heading?.complianceNotice ?? false,
    position: { ...first.line.position },
  };
}

/**
 * Rows of the statutory requirements table. Cells are tab-separated and hold `<p>` blocks; the
 * first block names the regulation ("5: Engaging with the wider system…", `*` when subject to a
 * compliance notice). A row cut by a page break continues on a later line whose first block is
 * not a heading, while the row still lacks its closing "(Regulation …)" reference; the due date
 * may come on either fragment.
 */
export function readRequirementsTable(
  lines: readonly SourceLine[],
  warnings: WarningLog,
): Requirement[] {
  const rows: PendingRow[] = [];
  let current: PendingRow | null = null;
  let tableStarted = false;
  for (const line of lines) {
    if (!isContentLine(line)) continue;
    if (isHeaderRow(line)) {
      tableStarted = true;
      continue;
    }
    if (isComplianceFootnote(line)) {
      current = null;
      continue;
    }
    if (!looksLikeTableRow(line)) {
      // Prose before the table is its introduction; prose inside it is something we do not know.
      if (tableStarted || rows.length > 0) {
        warnings.add(
          'unparsed-table-row',
          `requirements line not understood: "${cleanInline(line.text).slice(0, 80)}"`,
          line.position,
        );
      }
      continue;
    }
    const fragment = readRowFragment(line);
    if (!fragment) continue;
    const heading = readRowHeading(fragment.blocks[0]);
    // A fragment with only a due date belongs to the row before it, open or not.
    const startsRow =
      heading !== null || !current || (!isRowOpen(current) && fragment.blocks.length > 0);
    if (startsRow || !current) {
      current = { heading, fragments: [fragment] };
      rows.push(current);
    } else {
      current.fragments.push(fragment);
    }
  }
  return rows.map((row) => composeRequirement(row, warnings));
}
