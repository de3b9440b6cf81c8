/**
 * Files and folders given on the command line → report files with their text. Unreadable or
 * unsupported files come back as one-line reasons, never exceptions, so a batch goes on.
 * Plain text is read as UTF-8; PDFs go through the PDF reader (pdf/), web pages through the
 * HTML reader (html/).
 */
import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFormat } from '../../model/document.ts';
import { htmlToText } from './html/html-to-text.ts';
import { readFileBytes } from './read-file-bytes.ts';

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

export type SourceText =
  { ok: true; text: string; format: SourceFormat } | { ok: false; reason: string };

function isMetaFile(name: string): boolean {
  return name.endsWith('.meta.json');
}

export type InputEntry = { file: string; problem?: undefined } | { file: string; problem: string };

/**
 * A folder's entries in directory order, streamed, as bare names with directories marked by a
 * trailing `/`: `readdir` would build every Dirent of a very large folder at once, all held in memory.
 */
async function* streamFolder(dir: string): AsyncGenerator<string> {
  for await (const entry of await opendir(dir)) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) yield `${entry.name}/`;
    else if (entry.isFile() && !isMetaFile(entry.name)) yield entry.name;
  }
}

/** The same names sorted, held as strings only. */
async function listFolder(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const name of streamFolder(dir)) names.push(name);
  return names.sort((a, b) => a.replace(/\/$/, '').localeCompare(b.replace(/\/$/, '')));
}

async function* walkFolder(dir: string, sorted: boolean): AsyncGenerator<InputEntry> {
  let names: AsyncIterable<string> | string[];
  try {
    names = sorted ? await listFolder(dir) : streamFolder(dir);
    for await (const name of names) {
      const full = path.join(dir, name);
      if (name.endsWith('/')) yield* walkFolder(full, sorted);
      else yield { file: full };
    }
  } catch (error) {
    yield { file: dir, problem: describeReadError(error) };
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The files of the inputs, one at a time: folders walked recursively, each folder's entries
 * sorted, hidden files and `*.meta.json` skipped; an input that cannot be read is an entry with
 * a problem. Only one folder listing is held at a time, never the whole corpus; a file already
 * covered by an earlier input is not given twice. `any` order streams each folder as the file
 * system lists it, holding no listing: for counting.
 */
export async function* walkInputFiles(
  inputs: readonly string[],
  order: 'sorted' | 'any' = 'sorted',
): AsyncGenerator<InputEntry> {
  const earlier: { path: string; folder: boolean }[] = [];
  const seenBefore = (file: string) =>
    earlier.some((input) => (input.folder ? isInside(file, input.path) : input.path === file));
  for (const input of inputs) {
    const resolved = path.resolve(input);
    let folder: boolean;
    try {
      folder = (await stat(input)).isDirectory();
    } catch (error) {
      yield { file: input, problem: describeReadError(error) };
      continue;
    }
    if (folder) {
      for await (const entry of walkFolder(input, order === 'sorted')) {
        if (entry.problem === undefined && seenBefore(path.resolve(entry.file))) continue;
        yield entry;
      }
    } else if (!seenBefore(resolved)) {
      yield { file: input };
    }
    earlier.push({ path: resolved, folder });
  }
}

/** How many files the inputs hold (walked in directory order, nothing kept): the total for a progress bar. */
export async function countInputFiles(inputs: readonly string[]): Promise<number> {
  let count = 0;
  for await (const entry of walkInputFiles(inputs, 'any'))
    if (entry.problem === undefined) count += 1;
  return count;
}

/** Expands folders (recursively, sorted, skipping hidden files and `*.meta.json`) into one list. */
export async function listInputFiles(
  inputs: readonly string[],
): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for await (const entry of walkInputFiles(inputs)) {
    if (entry.problem === undefined) files.push(entry.file);
    else problems.push({ file: entry.file, reason: entry.problem });
  }
  return { files, problems };
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
const WINDOWS_1252_EXTRAS =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes)
    text +=
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_EXTRAS[byte - 0x80] : String.fromCharCode(byte);
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
      return result.ok
        ? { ok: true, text: result.text, format }
        : { ok: false, reason: result.reason };
    }
    case 'html':
      return { ok: true, text: htmlToText(decodeHtml(bytes)), format };
    case 'txt':
    case 'json':
    case 'csv': {
      const text = decodeUtf8(bytes);
      return text === null
        ? { ok: false, reason: 'not valid UTF-8 text' }
        : { ok: true, text, format };
    }
  }
}

/** Text of a report given as bytes in a known format (uploads); never throws. */
export async function readSourceBytes(
  bytes: Uint8Array,
  format: SourceFormat,
): Promise<SourceText> {
  try {
    return await convertSource(bytes, format);
  } catch (error) {
    // The readers do not throw by design; this keeps a batch going if one ever does.
    return {
      ok: false,
      reason: `cannot convert ${format}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
    };
  }
}

export async function readSourceText(file: string): Promise<SourceText> {
  const format = detectFormat(file);
  if (!format)
    return {
      ok: false,
      reason: `unsupported file type "${path.extname(file) || '(none)'}" (supported: ${Object.keys(FORMATS_BY_EXTENSION).join(', ')})`,
    };
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(file);
  } catch (error) {
    return { ok: false, reason: describeReadError(error) };
  }
  return readSourceBytes(bytes, format);
}
