/**
 * Repeat evidence: the sentence of a finding that says its shortfall was found before, and the
 * earlier inspection it points to. Cues and the rule are data, in repeat-cues.json.
 */
import type { Polarity, RepeatEvidence, ReportDocument } from '../../model/document.ts';
import { findRequiredWords, foldForRequiredWords, mayMatch } from '../text/required-words.ts';
import { prepareForCues } from './cues.ts';
import type { FoundCitation } from './found-citation.ts';
import repeatCues from './repeat-cues.json' with { type: 'json' };
import { resolveEarlierInspection } from './resolve-earlier-inspection.ts';
import { splitSentences } from './split-sentences.ts';

interface RepeatData {
  persisting: string[];
  earlierRequirement: string[];
  notRepeat: string[];
}

type RepeatKind = 'persisting' | 'earlier-requirement';

/** A cue with the words it cannot match without (see required-words.ts), to skip it cheaply. */
interface RepeatCue {
  regex: RegExp;
  words: readonly string[];
}

let compiled: {
  persisting: RepeatCue[];
  earlierRequirement: RepeatCue[];
  notRepeat: RepeatCue[];
} | null = null;

function compilePattern(source: string, list: string): RepeatCue {
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'iu');
  } catch (error) {
    throw new Error(
      `src/ingest/classify/repeat-cues.json: ${list}: ${JSON.stringify(source)} does not compile: ${(error as Error).message}`,
    );
  }
  return { regex, words: findRequiredWords(regex) };
}

function compileRepeatCues(): NonNullable<typeof compiled> {
  if (!compiled) {
    const data: RepeatData = repeatCues;
    compiled = {
      persisting: data.persisting.map((s) => compilePattern(s, 'persisting')),
      earlierRequirement: data.earlierRequirement.map((s) =>
        compilePattern(s, 'earlierRequirement'),
      ),
      notRepeat: data.notRepeat.map((s) => compilePattern(s, 'notRepeat')),
    };
  }
  return compiled;
}

/** Position of the first cue matching the text `folded` was made from, or -1. */
function findMatchingCue(cues: readonly RepeatCue[], text: string, folded: string): number {
  for (let i = 0; i < cues.length; i++) {
    if (mayMatch(cues[i]!.words, folded) && cues[i]!.regex.test(text)) return i;
  }
  return -1;
}

/** Whether the text `folded` was made from could be a repeat statement: whether it has the words of some statement cue. */
function mayStateRepeat(folded: string): boolean {
  const { persisting, earlierRequirement } = compileRepeatCues();
  for (const cue of persisting) if (mayMatch(cue.words, folded)) return true;
  for (const cue of earlierRequirement) if (mayMatch(cue.words, folded)) return true;
  return false;
}

interface RepeatSentence {
  kind: RepeatKind;
  /** Position of the cue in its list: earlier cues state the repeat more directly. */
  rank: number;
}

/**
 * What kind of repeat statement a sentence is, or null when it is none. A notRepeat cue vetoes;
 * it is only tried once a statement cue matched, since without one the answer is null anyway.
 */
export function classifyRepeatSentence(sentence: string): RepeatSentence | null {
  const cues = compileRepeatCues();
  const folded = foldForRequiredWords(sentence);
  const persisting = findMatchingCue(cues.persisting, sentence, folded);
  const earlier =
    persisting === -1 ? findMatchingCue(cues.earlierRequirement, sentence, folded) : -1;
  if (persisting === -1 && earlier === -1) return null;
  if (findMatchingCue(cues.notRepeat, sentence, folded) !== -1) return null;
  return persisting !== -1
    ? { kind: 'persisting', rank: persisting }
    : { kind: 'earlier-requirement', rank: cues.persisting.length + earlier };
}

function counts(kind: RepeatKind, polarity: Polarity): boolean {
  switch (kind) {
    case 'persisting':
      return true;
    case 'earlier-requirement':
      // "As required at the inspection in November 2022, staff had received training": the
      // shortfall was put right, so it is not repeated; only a finding still in concern repeats it.
      return polarity === 'concern';
    default:
      return unreachableKind(kind);
  }
}

function unreachableKind(kind: never): never {
  throw new Error(`Unknown repeat kind ${String(kind)}`);
}

/** The citations found in the finding that lie inside its sentence from `start` to `end`. */
function citationsWithin(
  citations: readonly FoundCitation[],
  start: number,
  end: number,
): RepeatEvidence['citations'] {
  return citations
    .filter((c) => c.start >= start && c.end <= end)
    .map(({ regulation, text }) => ({ regulation: { ...regulation }, text }));
}

/**
 * The finding's repeat statement: among its repeat sentences, one whose earlier inspection
 * resolves, then the most direct cue ("This was a breach in regulation at the previous
 * inspection" over "no progress since the previous inspection"), then the first. `citations`
 * are the finding's own, with their positions: the statement keeps those inside its sentence.
 */
export function findRepeat(
  text: string,
  polarity: Polarity,
  doc: Pick<ReportDocument, 'history' | 'inspection'>,
  citations: readonly FoundCitation[] = [],
): RepeatEvidence | null {
  const prepared = prepareForCues(text);
  // A sentence is a repeat statement only if it matches a persisting or earlierRequirement cue,
  // and a sentence holds no word its finding does not: most findings mention no repeat at all
  // and are ruled out here, without splitting them into sentences and testing every cue on each.
  if (!mayStateRepeat(foldForRequiredWords(prepared))) return null;
  const candidates = splitSentences(prepared).flatMap((sentence) => {
    const found = classifyRepeatSentence(sentence.text);
    if (found === null || !counts(found.kind, polarity)) return [];
    const refersTo = resolveEarlierInspection(sentence.text, doc);
    return [
      {
        rank: found.rank,
        evidence: {
          statement: text.slice(sentence.start, sentence.end),
          refersTo,
          citations: citationsWithin(citations, sentence.start, sentence.end),
        },
      },
    ];
  });
  candidates.sort(
    (a, b) =>
      Number(a.evidence.refersTo === null) - Number(b.evidence.refersTo === null) ||
      a.rank - b.rank,
  );
  return candidates[0]?.evidence ?? null;
}
