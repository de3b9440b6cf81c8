/** read-source: which files are read as what, and that every failure is a one-line reason. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  detectFormat,
  listInputFiles,
  readSourceText,
} from '../../../src/ingest/sources/read-source.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'read-source-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('detectFormat', () => {
  it.each([
    ['report.txt', 'txt'],
    ['report.pdf', 'pdf'],
    ['REPORT.PDF', 'pdf'],
    ['summary.html', 'html'],
    ['summary.htm', 'html'],
    ['data.docx', null],
  ])('%s → %s', (file, format) => {
    expect(detectFormat(file)).toBe(format);
  });
});

describe('readSourceText', () => {
  it('reads a PDF through the PDF reader', async () => {
    const file = path.join(dir, 'letter.pdf');
    copyFileSync(
      path.join(FIXTURES, 'pdf/ofsted-focused-visit_80441_bristol_2025-03-20.pdf'),
      file,
    );
    const result = await readSourceText(file);
    expect(result.ok && result.format).toBe('pdf');
    expect(result.ok && result.text).toContain('Focused visit to Bristol children’s services');
  });

  it('reads an HTML page through the HTML reader', async () => {
    const file = path.join(dir, 'summary.htm');
    copyFileSync(path.join(FIXTURES, 'html/cqc-location-summary_seed-002.html'), file);
    const result = await readSourceText(file);
    expect(result.ok && result.format).toBe('html');
    expect(result.ok && result.text.startsWith('11 & 12 September 2023\n')).toBe(true);
  });

  it('reads an HTML page saved as Windows-1252', async () => {
    const file = write(
      'legacy.html',
      Buffer.from('<p>Children\x92s services &amp; partners</p>', 'latin1'),
    );
    const result = await readSourceText(file);
    expect(result.ok && result.text).toBe('Children’s services & partners\n');
  });

  it('still reads plain text as UTF-8 and refuses anything else', async () => {
    const good = await readSourceText(
      write('report.txt', 'Inspection dates: 23 to 24 July 2019\n'),
    );
    expect(good).toEqual({
      ok: true,
      text: 'Inspection dates: 23 to 24 July 2019\n',
      format: 'txt',
    });
    expect(
      await readSourceText(write('bad.txt', new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))),
    ).toEqual({ ok: false, reason: 'not valid UTF-8 text' });
  });

  it('gives one-line reasons for a corrupt PDF, a missing file and an unknown type', async () => {
    const corrupt = await readSourceText(
      write('broken.pdf', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog'),
    );
    const missing = await readSourceText(path.join(dir, 'nowhere.pdf'));
    const unknown = await readSourceText(write('notes.docx', 'x'));
    for (const result of [corrupt, missing, unknown]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).not.toContain('\n');
    }
    expect(!missing.ok && missing.reason).toBe('cannot read: ENOENT');
    expect(!unknown.ok && unknown.reason).toMatch(
      /unsupported file type "\.docx" \(supported: .*\.pdf, \.html, \.htm, \.json\)/,
    );
  });
});

describe('listInputFiles', () => {
  it('lists the PDF and HTML fixtures, folders walked in order', async () => {
    const { files, problems } = await listInputFiles([
      path.join(FIXTURES, 'pdf'),
      path.join(FIXTURES, 'html'),
    ]);
    expect(problems).toEqual([]);
    expect(files.filter((file) => detectFormat(file) === 'pdf')).toHaveLength(6);
    expect(files.filter((file) => detectFormat(file) === 'html')).toHaveLength(1);
    expect(files.filter((file) => detectFormat(file) === 'pdf')).toEqual(
      [...files.filter((file) => file.endsWith('.pdf'))].sort(),
    );
  });
});
