/**
 * Files and folders given on the command line → report files with their text. Unreadable or
 * unsupported files come back as one-line reasons, never exceptions, so a batch goes on.
 * Plain text is read as UTF-8; PDFs go through the PDF reader (pdf/), web pages through the
 * HTML reader (html/).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFormat } from '../document.ts';
import { htmlToText } from './html/html-to-text.ts';

const FORMATS_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  // One CQC API location record per file (the parser refuses anything else with a reason).
  '.json': 'json',
};

export interface InputProblem {
  file: string;
  reason: string;
}

export type SourceText = { ok: true; text: string; format: SourceFormat } | { ok: false; reason: string };

function isMetaFile(name: string): boolean {
  return name.endsWith('.meta.json');
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && !isMetaFile(entry.name)) out.push(full);
  }
}

/** Expands folders (recursively, sorted, skipping hidden files and `*.meta.json`). */
export async function listInputFiles(inputs: readonly string[]): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const input of inputs) {
    try {
      const info = await stat(input);
      if (info.isDirectory()) await walk(input, files);
      else files.push(input);
    } catch (error) {
      problems.push({ file: input, reason: describeReadError(error) });
    }
  }
  return { files: [...new Set(files)], problems };
}

export function detectFormat(file: string): SourceFormat | null {
  return FORMATS_BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

function describeReadError(error: unknown): string {
  return `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Windows-1252 puts printable characters (curly quotes, dashes, the euro) where Latin-1 has
 * control codes; not every Node build's TextDecoder maps them, so they are mapped here.
 */
const WINDOWS_1252_EXTRAS = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_EXTRAS[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** Web pages saved by older tools are often Windows-1252; a browser would read them that way. */
function decodeHtml(bytes: Uint8Array): string {
  return decodeUtf8(bytes) ?? decodeWindows1252(bytes);
}

async function convertSource(bytes: Uint8Array, format: SourceFormat): Promise<SourceText> {
  switch (format) {
    case 'pdf': {
      // pdf.js is large and loads a native helper: only pay for it when a PDF is read.
      const { readPdfText } = await import('./pdf/pdf-to-text.ts');
      const result = await readPdfText(bytes);
      return result.ok ? { ok: true, text: result.text, format } : { ok: false, reason: result.reason };
    }
    case 'html':
      return { ok: true, text: htmlToText(decodeHtml(bytes)), format };
    case 'txt':
    case 'json':
    case 'csv': {
      const text = decodeUtf8(bytes);
      return text === null ? { ok: false, reason: 'not valid UTF-8 text' } : { ok: true, text, format };
    }
  }
}

/** Text of a report given as bytes in a known format (uploads); never throws. */
export async function readSourceBytes(bytes: Uint8Array, format: SourceFormat): Promise<SourceText> {
  try {
    return await convertSource(bytes, format);
  } catch (error) {
    // The readers do not throw by design; this keeps a batch going if one ever does.
    return { ok: false, reason: `cannot convert ${format}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` };
  }
}

export async function readSourceText(file: string): Promise<SourceText> {
  const format = detectFormat(file);
  if (!format) return { ok: false, reason: `unsupported file type "${path.extname(file) || '(none)'}" (supported: ${Object.keys(FORMATS_BY_EXTENSION).join(', ')})` };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, reason: describeReadError(error) };
  }
  return readSourceBytes(bytes, format);
}
