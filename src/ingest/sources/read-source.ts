/**
 * Files and folders given on the command line → report files with their text. Unreadable or
 * unsupported files come back as one-line reasons, never exceptions, so a batch goes on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFormat } from '../document.ts';

const FORMATS_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = { '.txt': 'txt', '.text': 'txt' };

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
      problems.push({ file: input, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    }
  }
  return { files: [...new Set(files)], problems };
}

export function detectFormat(file: string): SourceFormat | null {
  return FORMATS_BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

export async function readSourceText(file: string): Promise<SourceText> {
  const format = detectFormat(file);
  if (!format) return { ok: false, reason: `unsupported file type "${path.extname(file) || '(none)'}" (supported: ${Object.keys(FORMATS_BY_EXTENSION).join(', ')})` };
  try {
    const bytes = await readFile(file);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text, format };
  } catch (error) {
    if (error instanceof TypeError) return { ok: false, reason: 'not valid UTF-8 text' };
    return { ok: false, reason: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}
