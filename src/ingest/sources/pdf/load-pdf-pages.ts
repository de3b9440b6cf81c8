/**
 * Stage 1 of PDF reading: bytes → positioned text items per page, through pdf.js (legacy build,
 * which runs on Node without DOM). Everything pdf.js would fetch or compile is switched off or
 * pointed at files inside the installed package: no network, no canvas, no eval, no font faces.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, Util, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One run of text as pdf.js reports it, in page coordinates with y growing downwards. */
export interface PdfTextItem {
  text: string;
  left: number;
  right: number;
  baseline: number;
  /** Font size on the page, in points. */
  size: number;
}

export interface PdfPage {
  pageNumber: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

export type PdfPagesResult = { ok: true; pages: PdfPage[] } | { ok: false; reason: string };

// Standard-font metrics and CMaps ship inside the package; pdf.js reads them from disk on Node.
const PDFJS_ROOT = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const STANDARD_FONT_DATA_URL = `${path.join(PDFJS_ROOT, 'standard_fonts')}${path.sep}`;
const CMAP_URL = `${path.join(PDFJS_ROOT, 'cmaps')}${path.sep}`;

/** Why pdf.js refused a document, as one line a batch summary can show. */
export function describePdfError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = (error instanceof Error ? error.message : String(error))
    .split('\n')[0]!
    .trim()
    .slice(0, 200);
  switch (name) {
    case 'PasswordException':
      return 'PDF is encrypted with a password';
    case 'InvalidPDFException':
      return `not a readable PDF (corrupt or truncated): ${message}`;
    default:
      return `PDF could not be read: ${message || name || 'unknown error'}`;
  }
}

/** Text items whose writing direction is not left-to-right horizontal (rotated labels) are dropped. */
function isHorizontal(matrix: readonly number[]): boolean {
  const [a = 0, b = 0] = matrix;
  return a > 0 && Math.abs(b) <= a * 0.05;
}

async function readPageItems(page: PDFPageProxy): Promise<PdfPage> {
  // The viewport folds in /Rotate and flips y, so reading order is "top to bottom" on every page.
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const matrix = Util.transform(viewport.transform, item.transform as number[]) as number[];
    if (!isHorizontal(matrix)) continue;
    const size = Math.hypot(matrix[2] ?? 0, matrix[3] ?? 0);
    const left = matrix[4] ?? 0;
    items.push({
      text: item.str,
      left,
      right: left + item.width,
      baseline: matrix[5] ?? 0,
      size: size > 0 ? size : 1,
    });
  }
  return { pageNumber: page.pageNumber, width: viewport.width, height: viewport.height, items };
}

/** Opens a PDF and reads the text items of every page. Never throws. */
export async function loadPdfPages(bytes: Uint8Array): Promise<PdfPagesResult> {
  const task = getDocument({
    // pdf.js transfers (detaches) the buffer it is given; keep the caller's bytes intact.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    enableXfa: false,
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    cMapUrl: CMAP_URL,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const pdf: PDFDocumentProxy = await task.promise;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      pages.push(await readPageItems(page));
      page.cleanup();
    }
    return { ok: true, pages };
  } catch (error) {
    return { ok: false, reason: describePdfError(error) };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
