/** PDFs that cannot be read give a one-line reason, never an exception. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describePdfError } from '../../../src/ingest/sources/pdf/load-pdf-pages.ts';
import { readPdfText } from '../../../src/ingest/sources/pdf/pdf-to-text.ts';
import { makePdf } from './make-pdf.ts';

const FIXTURE = new URL(
  '../../fixtures/corpus/pdf/ofsted-focused-visit_80441_bristol_2025-03-20.pdf',
  import.meta.url,
);

function expectOneLineFailure(result: Awaited<ReturnType<typeof readPdfText>>): string {
  expect(result.ok).toBe(false);
  const reason = result.ok ? '' : result.reason;
  expect(reason.length).toBeGreaterThan(0);
  expect(reason).not.toContain('\n');
  return reason;
}

describe('readPdfText failures', () => {
  it('reports a truncated PDF as corrupt', async () => {
    const bytes = readFileSync(FIXTURE);
    for (const share of [0.05, 0.5, 0.95]) {
      const reason = expectOneLineFailure(
        await readPdfText(bytes.subarray(0, Math.floor(bytes.length * share))),
      );
      expect(reason).toMatch(/corrupt or truncated/);
    }
  });

  it('reports bytes that are not a PDF at all', async () => {
    expectOneLineFailure(
      await readPdfText(new TextEncoder().encode('Inspection report\nThis is plain text.\n')),
    );
    expectOneLineFailure(await readPdfText(new Uint8Array(0)));
  });

  it('reports a PDF with pages but no text as having no text layer', async () => {
    const reason = expectOneLineFailure(await readPdfText(makePdf([[], []])));
    expect(reason).toBe('PDF has no text layer (scanned image?)');
  });

  it('names a password-protected PDF as such', () => {
    const error = Object.assign(new Error('No password given'), { name: 'PasswordException' });
    expect(describePdfError(error)).toBe('PDF is encrypted with a password');
  });

  it('keeps pdf.js messages to one line', () => {
    expect(describePdfError(new Error('first line\nsecond line'))).toBe(
      'PDF could not be read: first line',
    );
  });

  it('leaves the caller’s bytes usable after reading', async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const first = await readPdfText(bytes);
    const second = await readPdfText(bytes);
    expect(first.ok && second.ok && first.text === second.text).toBe(true);
  });
});
