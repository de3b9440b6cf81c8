/**
 * `npm run ingest -- --dry-run --text FILE...`: the text each report was read as (a PDF's or web
 * page's extraction, a text file's own lines), with the 1-based line numbers that every
 * `source { line offset }` of its requirements and findings uses. The parsers read this text with
 * CRLF made LF, so lines are counted the same way. A `.jsonl` file is printed as its lines; its
 * records' positions count from each record's own first line.
 */
import { readSourceText, walkInputFiles } from '../ingest/sources/read-source.ts';
import { normaliseLineEndings } from '../ingest/text/normalise.ts';

/** Lines of `text` with their numbers, right-aligned to the widest. */
export function numberLines(text: string): string[] {
  const lines = normaliseLineEndings(text).split('\n');
  const width = String(lines.length).length;
  return lines.map((line, i) => `${String(i + 1).padStart(width)}  ${line}`);
}

/** Prints every file's text; returns 1 when one could not be read, else 0. */
export async function printSourceTexts(
  inputs: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let failed = false;
  for await (const entry of walkInputFiles(inputs)) {
    if (entry.kind !== 'file') {
      err(`${entry.kind === 'skip' ? 'skipped' : 'FAILED'} ${entry.file}: ${entry.reason}`);
      failed ||= entry.kind === 'problem';
      continue;
    }
    const read = await readSourceText(entry.file);
    if (!read.ok) {
      err(`FAILED ${entry.file}: ${read.reason}`);
      failed = true;
      continue;
    }
    const lines = numberLines(read.text);
    out(`==> ${entry.file} (read as ${read.format}, ${lines.length} lines) <==`);
    for (const line of lines) out(line);
  }
  return failed ? 1 : 0;
}
