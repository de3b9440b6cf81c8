import type { Recommendation, SourcePosition } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanInline, isBulletLine, startsLowerCase, stripBullet } from '../../text/normalise.ts';
import { isContentLine } from './sections.ts';
import { joinFragmentBlocks, looksLikeTableRow, readRowFragment } from './table-rows.ts';

interface PendingItem {
  blocks: string[][];
  position: SourcePosition;
}

/** A recommendation ends with a full stop or with its "('Guide …', page 15, paragraph 3.5)" reference. */
function isComplete(text: string): boolean {
  return /[.!?)](?:["')\]]*)$/.test(text.trim());
}

function isHeaderOrIntro(text: string): boolean {
  return /^recommendations?(?:\s+due date)?$/i.test(text) || /^this section sets out/i.test(text);
}

/**
 * Recommendations, whether printed as a table (one `<p>`-tagged row each, possibly cut by a page
 * break like the requirements) or as paragraphs and bullets. A piece of text continues the item
 * before it when that item is not finished (no full stop, no closing reference) or when it starts
 * in lower case; otherwise it starts a new recommendation.
 */
export function readRecommendations(lines: readonly SourceLine[]): Recommendation[] {
  const items: PendingItem[] = [];
  for (const line of lines) {
    if (!isContentLine(line)) continue;
    let blocks: string[];
    let bullet = false;
    if (looksLikeTableRow(line)) {
      blocks = readRowFragment(line)?.blocks ?? [];
    } else {
      bullet = isBulletLine(line.text);
      const text = cleanInline(bullet ? stripBullet(line.text) : line.text);
      blocks = text ? [text] : [];
    }
    if (blocks.length === 0 || isHeaderOrIntro(blocks.join(' '))) continue;
    const current = items[items.length - 1];
    const currentText = current ? joinFragmentBlocks(current.blocks) : '';
    if (current && !bullet && (!isComplete(currentText) || startsLowerCase(blocks[0]!))) {
      current.blocks.push(blocks);
    } else {
      items.push({ blocks: [blocks], position: { ...line.position } });
    }
  }
  return items.map((item) => ({
    id: '',
    text: joinFragmentBlocks(item.blocks),
    position: item.position,
  }));
}
