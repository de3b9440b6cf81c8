/**
 * The regulators' standard texts inside a finding (seed/reference/boilerplate.json): each
 * pattern names how a standard sentence begins, and from its match to the end of that sentence
 * (the next . ! or ? followed by a space or the end of the text) is standard text; a text whose
 * `extent` is `match` is only what its pattern matches. The end is found without the sentence
 * splitter on purpose: a footnote that lands mid-sentence is followed by the rest of the real
 * sentence in lower case, which the splitter would join to the footnote.
 * The theme tagger masks those spans; a finding with nothing else in it is boilerplate and gets
 * no theme.
 */
import type { ReportFamily } from '../../model/document.ts';
import { readBoilerplateTexts, type BoilerplateExtent } from '../../reference/index.ts';
import type { CompiledCue } from './compiled-cue.ts';
import { compileCue, findCueMatches } from './cues.ts';

export interface Span {
  start: number;
  end: number;
}

export interface BoilerplateReading {
  /** Spans of standard text, in order, not overlapping. */
  spans: Span[];
  /** Whether nothing but standard text is left: no word of three or more letters outside the spans. */
  boilerplate: boolean;
}

/** Pattern lists by family, compiled once: findCueMatches indexes a list by its identity. */
const patternsByFamily = new Map<string, CompiledCue<BoilerplateExtent>[]>();

function patternsFor(family: ReportFamily | null): CompiledCue<BoilerplateExtent>[] {
  const key = family ?? '';
  let patterns = patternsByFamily.get(key);
  if (!patterns) {
    patterns = readBoilerplateTexts()
      .filter((t) => family === null || t.families.length === 0 || t.families.includes(family))
      .flatMap((t) => t.patterns.map((p) => compileCue(p, t.extent)));
    patternsByFamily.set(key, patterns);
  }
  return patterns;
}

const SENTENCE_END = /[.!?]["'’”)\]]*(?=\s|$)/g;

/** Offset just past the end of the sentence running on at `from`, or the end of the text. */
function sentenceEndAfter(text: string, from: number): number {
  SENTENCE_END.lastIndex = from;
  const m = SENTENCE_END.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/** What may separate two spans of one standard text: spaces and a footnote's number. */
const JOIN = /^[\s\d]*$/;

function mergeSpans(text: string, spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && (span.start <= last.end || JOIN.test(text.slice(last.end, span.start))))
      last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const SUBSTANTIVE_WORD = /[A-Za-z\u00C0-\u024F]{3,}/;

/**
 * Standard text in `text` (prepared for cues: same offsets as the finding). `family` null looks
 * for every text of every family.
 */
export function findBoilerplate(text: string, family: ReportFamily | null): BoilerplateReading {
  const matches = findCueMatches(text, patternsFor(family));
  if (matches.length === 0) return { spans: [], boilerplate: false };
  const spans = mergeSpans(
    text,
    matches.map((m) => ({
      start: m.start,
      end: m.payload === 'sentence' ? sentenceEndAfter(text, m.end) : m.end,
    })),
  );
  let rest = '';
  let at = 0;
  for (const span of spans) {
    rest += text.slice(at, span.start);
    at = span.end;
  }
  rest += text.slice(at);
  return { spans, boilerplate: !SUBSTANTIVE_WORD.test(rest) };
}
