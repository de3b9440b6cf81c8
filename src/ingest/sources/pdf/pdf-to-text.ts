/**
 * PDF bytes → report text, in stages: text items (pdf.js) → lines (wrapped table cells folded
 * into their rows) → page furniture removed → blocks → page breaks mended → text.
 *
 * One block per line and a blank line between blocks, so paragraph readers see one paragraph
 * per block, except that the rows of one table follow each other directly, cells separated by
 * tabs. Nothing marks where pages ended.
 */
import { cleanPdfCell } from './clean-glyphs.ts';
import { loadPdfPages, type PdfPage } from './load-pdf-pages.ts';
import type { TextBlock } from './page-blocks.ts';
import { buildPageBlocks } from './page-blocks.ts';
import { removePageFurniture } from './page-furniture.ts';
import { joinPageBlocks } from './page-joins.ts';
import { buildPageLines } from './page-lines.ts';
import { mergeRowContinuations } from './row-continuations.ts';

export type PdfTextResult =
  { ok: true; text: string; pageCount: number } | { ok: false; reason: string };

/**
 * Below this many printed characters per page a PDF is taken to be scanned images (which may
 * still carry a stamped page number or reference); a page of report text has thousands.
 */
const MIN_CHARACTERS_PER_PAGE = 5;

function hasTextLayer(pages: readonly PdfPage[]): boolean {
  const characters = pages.reduce(
    (sum, page) => sum + page.items.reduce((n, item) => n + item.text.replace(/\s/g, '').length, 0),
    0,
  );
  return pages.length > 0 && characters >= MIN_CHARACTERS_PER_PAGE * pages.length;
}

/** Blocks → text: rows of one table on consecutive lines, every other break a blank line. */
export function renderBlocks(blocks: readonly TextBlock[]): string {
  let text = '';
  for (const block of blocks) {
    const line = block.cells.map(cleanPdfCell).join('\t').replace(/\t+$/, '');
    if (!line.trim()) continue;
    if (text) text += block.continuesTable ? '\n' : '\n\n';
    text += line;
  }
  return text ? `${text}\n` : '';
}

/** Reads the text of a PDF. Never throws: an unreadable PDF gives a one-line reason. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfTextResult> {
  const loaded = await loadPdfPages(bytes);
  if (!loaded.ok) return loaded;
  if (!hasTextLayer(loaded.pages))
    return { ok: false, reason: 'PDF has no text layer (scanned image?)' };
  try {
    const lines = removePageFurniture(
      loaded.pages.map((page) => ({
        lines: mergeRowContinuations(buildPageLines(page)),
        height: page.height,
      })),
    );
    const text = renderBlocks(joinPageBlocks(lines.map(buildPageBlocks)));
    if (!text.trim()) return { ok: false, reason: 'PDF has no text layer (scanned image?)' };
    return { ok: true, text, pageCount: loaded.pages.length };
  } catch (error) {
    // Layout code meeting a shape it never saw must not stop a batch.
    return {
      ok: false,
      reason: `PDF text could not be laid out: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
    };
  }
}
