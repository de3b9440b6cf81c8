/**
 * The sentences around each sourced item of a report (finding, requirement, recommendation,
 * enforcement item), kept at ingest because the graph does not keep the report's text.
 *
 * A report read from text: the text is split into sentences (classify/split-sentences.ts: a
 * sentence ends at . ! or ? before a capital, or at a blank line, so a heading is a sentence of
 * its own); the item's own sentences are those its text spans from its offset, and up to
 * MAX_CONTEXT_SENTENCES are kept on each side. A CQC API record: the item was read from one
 * string of the record (its JSON pointer), and its neighbours are the sentences of that string
 * alone (each line of it a paragraph). Only sentences near some item are kept, each once, cleaned
 * as parsers clean an item's text (tags stripped, quotes straightened, whitespace collapsed).
 */
import { splitSentences, type Sentence } from '../classify/split-sentences.ts';
import { cleanInline } from './normalise.ts';
import type { ReportDocument, SourcePosition } from '../../model/document.ts';
import {
  MAX_CONTEXT_SENTENCES,
  type ContextWindow,
  type SourceContext,
} from '../../model/source-context.ts';

interface SourcedItem {
  id: string;
  text: string;
  position: SourcePosition;
}

/** Sentences of one stretch of text (the report, or one string of a record), numbered from `base`. */
interface TextUnit {
  sentences: Sentence[];
  base: number;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Curly quotes as straight ones: parsers straighten them in an item's text, the source may not. */
function foldQuote(c: string | undefined): string | undefined {
  if (c === '‘' || c === '’') return "'";
  if (c === '“' || c === '”') return '"';
  return c;
}

/**
 * Where an item's text ends in `text` when it starts at `offset`: its non-space characters are
 * matched in order, skipping whitespace, since parsers join an item's lines with single spaces.
 * A bullet mark at the offset that the item's text leaves out is passed over. Stops at the first
 * character that differs (a parser may have cleaned the text a little more).
 */
export function findSpanEnd(text: string, offset: number, itemText: string): number {
  let i = offset;
  const first = itemText.trimStart()[0];
  while (i < text.length && /[\s\-•*–·▪]/.test(text[i]!) && text[i] !== first) i++;
  let end = offset;
  for (const c of itemText) {
    if (/\s/.test(c)) continue;
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (foldQuote(text[i]) !== foldQuote(c)) break;
    i++;
    end = i;
  }
  return end;
}

/** Index of the sentence holding `at` (or the first after it), within `sentences` (in text order). */
function sentenceAt(sentences: readonly Sentence[], at: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sentences[mid]!.end > at) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The window of sentences [start, end) spans, widened by up to `max` on each side of the unit. */
export function windowOfSpan(
  sentences: readonly Sentence[],
  start: number,
  end: number,
  max = MAX_CONTEXT_SENTENCES,
): ContextWindow {
  const firstSelf = sentenceAt(sentences, start);
  let lastSelf = firstSelf;
  while (lastSelf + 1 < sentences.length && sentences[lastSelf + 1]!.start < end) lastSelf++;
  return [
    Math.max(0, firstSelf - max),
    firstSelf,
    lastSelf,
    Math.min(sentences.length - 1, lastSelf + max),
  ];
}

/**
 * A record string's sentences, each line a paragraph of its own, cleaned as the parser cleans
 * the item's text (tags stripped, quotes straightened), so they read and compare alike.
 */
function splitRecordString(value: string): Sentence[] {
  return splitSentences(value.replace(/\r?\n+/g, '\n\n')).map((s) => ({
    ...s,
    text: cleanInline(s.text),
  }));
}

/** The item's own sentences in a record string: those its text holds; all of them when none. */
function windowInRecordString(sentences: readonly Sentence[], itemText: string): ContextWindow {
  const item = collapse(cleanInline(itemText));
  const inside = sentences.flatMap((s, i) => (item.includes(collapse(s.text)) ? [i] : []));
  const firstSelf = inside[0] ?? 0;
  const lastSelf = inside[inside.length - 1] ?? sentences.length - 1;
  return [
    Math.max(0, firstSelf - MAX_CONTEXT_SENTENCES),
    firstSelf,
    lastSelf,
    Math.min(sentences.length - 1, lastSelf + MAX_CONTEXT_SENTENCES),
  ];
}

/** The value a JSON Pointer (RFC 6901) names in `root`, or undefined. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let value = root;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

function sourcedItems(doc: ReportDocument): SourcedItem[] {
  return [...doc.findings, ...doc.requirements, ...doc.recommendations, ...doc.enforcement];
}

/** Reads the record once, and only for a document with an item read from one. */
class RecordStrings {
  #record: unknown = undefined;
  #read = false;
  constructor(private readonly text: string) {}

  string(pointer: string): string | null {
    if (!this.#read) {
      this.#read = true;
      try {
        this.#record = JSON.parse(this.text);
      } catch {
        this.#record = null;
      }
    }
    const value = resolvePointer(this.#record, pointer);
    return typeof value === 'string' ? value : null;
  }
}

export function buildSourceContext(doc: ReportDocument, text: string): SourceContext {
  const all: string[] = [];
  const units = new Map<string, TextUnit>();
  const unitOf = (key: string, split: () => Sentence[]): TextUnit => {
    let unit = units.get(key);
    if (!unit) {
      unit = { sentences: split(), base: all.length };
      for (const s of unit.sentences) all.push(collapse(cleanInline(s.text)));
      units.set(key, unit);
    }
    return unit;
  };
  const record = new RecordStrings(text);
  const global = new Map<string, ContextWindow>();
  for (const item of sourcedItems(doc)) {
    const pointer = item.position.pointer;
    const value = pointer === undefined ? null : record.string(pointer);
    let unit: TextUnit;
    let window: ContextWindow;
    if (pointer !== undefined && value !== null) {
      unit = unitOf(`pointer:${pointer}`, () => splitRecordString(value));
      if (unit.sentences.length === 0) continue;
      window = windowInRecordString(unit.sentences, item.text);
    } else {
      unit = unitOf('text', () => splitSentences(text));
      if (unit.sentences.length === 0) continue;
      const start = item.position.offset;
      window = windowOfSpan(unit.sentences, start, findSpanEnd(text, start, item.text));
    }
    global.set(item.id, window.map((i) => i + unit.base) as ContextWindow);
  }
  return compactContext(all, global);
}

/** Keeps only the sentences some window covers, and renumbers the windows to match. */
export function compactContext(
  sentences: readonly string[],
  windows: ReadonlyMap<string, ContextWindow>,
): SourceContext {
  const kept = new Array<boolean>(sentences.length).fill(false);
  for (const [first, , , last] of windows.values())
    for (let i = first; i <= last; i++) kept[i] = true;
  const renumbered = new Array<number>(sentences.length);
  const out: string[] = [];
  sentences.forEach((sentence, i) => {
    if (!kept[i]) return;
    renumbered[i] = out.length;
    out.push(sentence);
  });
  const result: SourceContext = { sentences: out, windows: {} };
  for (const [id, window] of windows)
    result.windows[id] = window.map((i) => renumbered[i]!) as ContextWindow;
  return result;
}
