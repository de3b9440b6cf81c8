/**
 * A streaming CSV reader (RFC 4180 plus the habits of the Ofsted and CQC exports): quoted fields
 * may hold commas, doubled quotes and newlines; a byte-order mark is dropped; CRLF and LF both end
 * a record. Fed in chunks so a file is never held whole. A record it cannot read cleanly (text
 * after a closing quote, a quote left open at the end) is still returned, with `malformed` saying
 * why, so the caller can skip that row alone.
 */
import { createReadStream } from 'node:fs';
import type { ReadProgress } from './read-progress.ts';
import { unreachable } from '../../model/unreachable.ts';

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
  malformed: string | null;
}

type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted';

export class CsvTokenizer {
  private state: State = 'field-start';
  private cell = '';
  private cells: string[] = [];
  private line = 1;
  private recordLine = 1;
  private malformed: string | null = null;
  private started = false;
  private pendingCr = false;

  /** Feeds a chunk of text; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === '\n') continue;
      }
      this.step(ch, out);
    }
    return out;
  }

  /** Ends the input; returns the last record when the text did not end with a newline. */
  end(): CsvRecord[] {
    if (this.state === 'quoted') this.malformed ??= 'a quoted field is never closed';
    if (
      this.state === 'field-start' &&
      this.cells.length === 0 &&
      this.cell === '' &&
      !this.malformed
    )
      return [];
    const out: CsvRecord[] = [];
    this.finishRecord(out);
    return out;
  }

  private step(ch: string, out: CsvRecord[]): void {
    const newline = ch === '\n' || ch === '\r';
    switch (this.state) {
      case 'field-start':
        if (ch === '"') this.state = 'quoted';
        else if (ch === ',') this.finishCell();
        else if (newline) this.endLine(ch, out);
        else {
          this.cell += ch;
          this.state = 'unquoted';
        }
        return;
      case 'unquoted':
        if (ch === ',') this.finishCell();
        else if (newline) this.endLine(ch, out);
        else this.cell += ch;
        return;
      case 'quoted':
        if (ch === '"') this.state = 'quote-in-quoted';
        else {
          if (ch === '\n' || ch === '\r') this.countNewline(ch);
          this.cell += ch === '\r' ? '\n' : ch;
        }
        return;
      case 'quote-in-quoted':
        if (ch === '"') {
          this.cell += '"';
          this.state = 'quoted';
        } else if (ch === ',') this.finishCell();
        else if (newline) this.endLine(ch, out);
        else {
          this.malformed ??= `text after a closing quote in column ${this.cells.length + 1}`;
          this.cell += ch;
          this.state = 'unquoted';
        }
        return;
      default:
        return unreachable(this.state, 'CSV reader state');
    }
  }

  private countNewline(ch: string): void {
    this.line += 1;
    if (ch === '\r') this.pendingCr = true;
  }

  private finishCell(): void {
    this.cells.push(this.cell);
    this.cell = '';
    this.state = 'field-start';
  }

  private endLine(ch: string, out: CsvRecord[]): void {
    this.finishRecord(out);
    this.countNewline(ch);
    this.recordLine = this.line;
  }

  private finishRecord(out: CsvRecord[]): void {
    this.cells.push(this.cell);
    out.push({ line: this.recordLine, cells: this.cells, malformed: this.malformed });
    this.cells = [];
    this.cell = '';
    this.malformed = null;
    this.state = 'field-start';
  }
}

/** True for a record that is only a blank line (kept out of the row count). */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.every((cell) => cell.trim() === '');
}

/** Records of a CSV file, read in chunks; `progress.bytesRead` follows the chunks read so far. */
export async function* readCsvFile(
  file: string,
  progress?: ReadProgress,
): AsyncGenerator<CsvRecord> {
  const tokenizer = new CsvTokenizer();
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 });
  for await (const chunk of stream) {
    if (progress) progress.bytesRead = stream.bytesRead;
    yield* tokenizer.push(chunk as string);
  }
  yield* tokenizer.end();
}
