/**
 * Writes small PDFs for tests: pages of text runs in Helvetica (WinAnsi encoding) placed at given
 * points, or pages with no text at all. Lets a test set up exactly the layout it is about.
 */

export interface PdfRun {
  text: string;
  x: number;
  /** From the bottom of the page, as PDF counts. */
  y: number;
  size?: number;
  /** Printed right after the text, smaller and raised, as footnote marks are. */
  superscript?: string;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;

/** Characters outside ASCII that the tests use, as WinAnsi codes. */
const WIN_ANSI: Readonly<Record<string, number>> = {
  '\u2022': 0o225, // bullet
  '\u2019': 0o222, // right single quote
  '\u00A0': 0o240, // no-break space
  '\u2013': 0o226, // en dash
};

function encodeString(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '(' || char === ')' || char === '\\') out += `\\${char}`;
    else if (WIN_ANSI[char] !== undefined) out += `\\${WIN_ANSI[char]!.toString(8)}`;
    else out += char;
  }
  return `(${out})`;
}

function showRun(run: PdfRun): string {
  const size = run.size ?? 12;
  const superscript = run.superscript
    ? ` /F1 ${size * 0.6} Tf ${size * 0.4} Ts ${encodeString(run.superscript)} Tj 0 Ts`
    : '';
  return `BT /F1 ${size} Tf 1 0 0 1 ${run.x} ${run.y} Tm ${encodeString(run.text)} Tj${superscript} ET`;
}

function contentStream(runs: readonly PdfRun[]): string {
  return runs.length === 0 ? '0.5 g 50 50 300 300 re f' : runs.map(showRun).join('\n');
}

/** A PDF with one page per entry; a page without runs holds only a grey rectangle. */
export function makePdf(pages: readonly (readonly PdfRun[])[]): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((runs, i) => {
    const pageId = pageIds[i]!;
    const stream = contentStream(runs);
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] =
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1)
    pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** Runs for lines of body text starting at `top`, one every `leading` points. */
export function textLines(
  lines: readonly string[],
  top: number,
  options: { x?: number; leading?: number; size?: number } = {},
): PdfRun[] {
  const { x = 72, leading = 14.5, size = 12 } = options;
  return lines.map((text, i) => ({ text, x, y: top - i * leading, size }));
}
