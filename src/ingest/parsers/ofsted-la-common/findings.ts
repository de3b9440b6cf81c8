import type { Finding, Polarity, SourcePosition } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import type { Section, SectionRole } from './outline.ts';
import { readProse } from './prose.ts';

const LEAD_IN = /(?:\b(?:should|must|needs? to) take the following actions?[.:]?|:)$/i;
const NOTHING_TO_IMPROVE =
  /^(?:the inspection|inspectors) (?:did not (?:find|identify)|found no|identified no)\b/i;

/** Polarity of the findings a section holds; null for sections that hold none. */
function polarityOf(role: SectionRole): Polarity | null {
  switch (role) {
    case 'narrative':
      return 'neutral';
    case 'concern':
      return 'concern';
    case 'strength':
      return 'strength';
    case 'skip':
    case 'stop':
      return null;
    default:
      return unreachableRole(role);
  }
}

function unreachableRole(role: never): never {
  throw new Error(`Unhandled section role ${String(role)}`);
}

/** A finding before ids are numbered (renumberDocumentIds gives them). */
export function buildFinding(
  text: string,
  section: string,
  polarity: Polarity,
  position: SourcePosition,
): Finding {
  return {
    id: '',
    text,
    section,
    polarity,
    themes: [],
    citations: [],
    repeat: null,
    boilerplate: false,
    position: { ...position },
  };
}

/** Every paragraph or list item of the sections that hold findings, in document order. */
export function readSectionFindings(
  sections: readonly Section[],
  isFurniture: (line: SourceLine) => boolean,
  width: number,
): Finding[] {
  const findings: Finding[] = [];
  for (const section of sections) {
    const polarity = polarityOf(section.role);
    if (!polarity) continue;
    for (const block of readProse(section.lines, isFurniture, width, section.itemStart ?? null)
      .blocks) {
      // "…the local authority should take the following action." introduces the list; it is not an item.
      if (polarity === 'concern' && LEAD_IN.test(block.text)) continue;
      // A bullet glyph left alone on its line by the extractor says nothing.
      if (!/[\p{L}\p{N}]/u.test(block.text)) continue;
      // "The inspection did not find any areas for priority and immediate action" lists nothing.
      const saysNone = polarity === 'concern' && NOTHING_TO_IMPROVE.test(block.text);
      findings.push(
        buildFinding(block.text, section.name, saysNone ? 'neutral' : polarity, block.position),
      );
    }
  }
  return findings.sort((a, b) => a.position.offset - b.position.offset);
}
