/**
 * Files and folders given on the command line → report files with their text. Unreadable or
 * unsupported files come back as one-line reasons, never exceptions, so a batch goes on.
 * Plain text is read as UTF-8; PDFs go through the PDF reader (pdf/), web pages through the
 * HTML reader (html/).
 */
import type { Stats } from 'node:fs';
import { opendir, realpath, stat } from 'node:fs/promises';
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

/**
 * What a walk gives for each file: a regular file to read; a problem (it cannot be read: the
 * batch goes on, the file counts as failed); or a skip (not read on purpose: a FIFO, socket or
 * device, or a link to what the walk reads anyway), with a reason that is the same for every
 * file skipped for it.
 */
export type InputEntry =
  | { kind: 'file'; file: string }
  | { kind: 'problem'; file: string; reason: string }
  | { kind: 'skip'; file: string; reason: string };

/** Reads only regular files: a FIFO would block the read forever, a device never ends. */
function notRegularFile(stats: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
}): string {
  const kind = stats.isFIFO()
    ? 'a FIFO (named pipe)'
    : stats.isSocket()
      ? 'a socket'
      : stats.isBlockDevice()
        ? 'a block device'
        : stats.isCharacterDevice()
          ? 'a character device'
          : 'not a file or folder';
  return `${kind}, not a regular file: not read`;
}

/**
 * A folder's entries in directory order, streamed, as bare names with what they are after a `/`
 * (which no name holds): `name` a file, `name/` a folder, `name/link` a symbolic link (followed
 * when reached), `name/<reason>` anything else. `readdir` would build every Dirent of a very
 * large folder at once, all held in memory.
 */
async function* streamFolder(dir: string): AsyncGenerator<string> {
  for await (const entry of await opendir(dir)) {
    if (entry.name.startsWith('.') || isMetaFile(entry.name)) continue;
    if (entry.isFile()) yield entry.name;
    else if (entry.isDirectory()) yield `${entry.name}/`;
    else if (entry.isSymbolicLink()) yield `${entry.name}/link`;
    else yield `${entry.name}/${notRegularFile(entry)}`;
  }
}

function bareName(entry: string): string {
  const slash = entry.indexOf('/');
  return slash < 0 ? entry : entry.slice(0, slash);
}

/** The same names sorted, held as strings only. */
async function listFolder(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const name of streamFolder(dir)) names.push(name);
  return names.sort((a, b) => bareName(a).localeCompare(bareName(b)));
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Where symbolic links lead, so every link is followed once and a cycle ends: the real paths of
 * the folders given (a link into one of them leads to what its walk reads anyway) and of every
 * target reached through a link so far (a second link to it, or a link back up, is skipped).
 */
interface LinkGuard {
  inputFolders: readonly string[];
  followed: Set<string>;
}

/** What the walk does with an entry of a folder: give it, walk into it, or say why not. */
type Visit = InputEntry | { kind: 'folder'; folder: string; linked: boolean };

/** A symbolic link found in a folder: its target to read or walk (through the link's path), or why not. */
async function followLink(link: string, guard: LinkGuard): Promise<Visit> {
  let real: string;
  let stats: Stats;
  try {
    real = await realpath(link);
    stats = await stat(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const reason =
      code === 'ENOENT'
        ? 'cannot read: a broken symbolic link (its target does not exist)'
        : `cannot read: a symbolic link that cannot be followed (${code})`;
    return { kind: 'problem', file: link, reason };
  }
  if (!stats.isDirectory() && !stats.isFile())
    return { kind: 'skip', file: link, reason: notRegularFile(stats) };
  const what = stats.isDirectory() ? 'folder' : 'file';
  if (guard.inputFolders.some((folder) => isInside(real, folder)))
    return {
      kind: 'skip',
      file: link,
      reason: `a symbolic link to a ${what} inside the inputs: read there, not twice`,
    };
  if (guard.followed.has(real))
    return {
      kind: 'skip',
      file: link,
      reason: `a symbolic link to a ${what} already reached through another link (or a link cycle)`,
    };
  guard.followed.add(real);
  return stats.isDirectory()
    ? { kind: 'folder', folder: link, linked: true }
    : { kind: 'file', file: link };
}

/**
 * A real folder under one reached through a link may still be one of the inputs (a link to the
 * folder above an input leads back into it): walked there, so not here.
 */
async function checkLinkedFolder(folder: string, guard: LinkGuard): Promise<Visit> {
  const real = await realpath(folder);
  if (guard.inputFolders.some((input) => isInside(real, input)))
    return {
      kind: 'skip',
      file: folder,
      reason: 'a folder inside the inputs reached through a symbolic link: read there, not twice',
    };
  return { kind: 'folder', folder, linked: true };
}

/** An entry of `streamFolder` (see there for how it is written) → what the walk does with it. */
async function visitEntry(
  dir: string,
  entry: string,
  guard: LinkGuard,
  linked: boolean,
): Promise<Visit> {
  const name = bareName(entry);
  const full = path.join(dir, name);
  if (entry === name) return { kind: 'file', file: full };
  const what = entry.slice(name.length + 1);
  if (what === '')
    return linked ? checkLinkedFolder(full, guard) : { kind: 'folder', folder: full, linked };
  if (what === 'link') return followLink(full, guard);
  return { kind: 'skip', file: full, reason: what };
}

/** `linked`: the folder was reached through a symbolic link (or lies under one that was). */
async function* walkFolder(
  dir: string,
  sorted: boolean,
  guard: LinkGuard,
  linked: boolean,
): AsyncGenerator<InputEntry> {
  let names: AsyncIterable<string> | string[];
  try {
    names = sorted ? await listFolder(dir) : streamFolder(dir);
    for await (const entry of names) {
      const visit = await visitEntry(dir, entry, guard, linked);
      if (visit.kind === 'folder') yield* walkFolder(visit.folder, sorted, guard, visit.linked);
      else yield visit;
    }
  } catch (error) {
    yield { kind: 'problem', file: dir, reason: describeReadError(error) };
  }
}

/** Real paths of the inputs that are folders (an input that cannot be read is reported by the walk). */
async function realInputFolders(inputs: readonly string[]): Promise<string[]> {
  const folders: string[] = [];
  for (const input of inputs) {
    try {
      if ((await stat(input)).isDirectory()) folders.push(await realpath(input));
    } catch {
      // Reported when the walk reaches it.
    }
  }
  return folders;
}

/**
 * The files of the inputs, one at a time: folders walked recursively, each folder's entries
 * sorted, hidden files and `*.meta.json` skipped, symbolic links followed (each target once, so a
 * link cycle ends); an input that cannot be read is an entry with a problem, one that is no
 * regular file (a FIFO, a socket, a device) a skip. Only one folder listing is held at a time,
 * never the whole corpus; a file already covered by an earlier input is not given twice. `any`
 * order streams each folder as the file system lists it, holding no listing: for counting.
 */
export async function* walkInputFiles(
  inputs: readonly string[],
  order: 'sorted' | 'any' = 'sorted',
): AsyncGenerator<InputEntry> {
  const guard: LinkGuard = { inputFolders: await realInputFolders(inputs), followed: new Set() };
  const earlier: { path: string; folder: boolean }[] = [];
  const seenBefore = (file: string) =>
    earlier.some((input) => (input.folder ? isInside(file, input.path) : input.path === file));
  for (const input of inputs) {
    let stats: Stats;
    let real: string;
    try {
      stats = await stat(input);
      real = await realpath(input);
    } catch (error) {
      yield { kind: 'problem', file: input, reason: describeReadError(error) };
      continue;
    }
    const folder = stats.isDirectory();
    if (folder) {
      for await (const entry of walkFolder(input, order === 'sorted', guard, false)) {
        // Where the file is under the real folder: an input given twice by two paths is read once.
        if (seenBefore(path.join(real, path.relative(input, entry.file)))) continue;
        yield entry;
      }
    } else if (!stats.isFile()) {
      yield { kind: 'skip', file: input, reason: notRegularFile(stats) };
    } else if (!seenBefore(real)) {
      yield { kind: 'file', file: input };
    }
    earlier.push({ path: real, folder });
  }
}

/** How many files the inputs hold (walked in directory order, nothing kept): the total for a progress bar. */
export async function countInputFiles(inputs: readonly string[]): Promise<number> {
  let count = 0;
  for await (const entry of walkInputFiles(inputs, 'any')) if (entry.kind === 'file') count += 1;
  return count;
}

/** Expands folders (recursively, sorted, skipping hidden files and `*.meta.json`) into one list; skipped entries are left out. */
export async function listInputFiles(
  inputs: readonly string[],
): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for await (const entry of walkInputFiles(inputs)) {
    if (entry.kind === 'file') files.push(entry.file);
    else if (entry.kind === 'problem') problems.push({ file: entry.file, reason: entry.reason });
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
