/**
 * Repeat evidence: the sentence of a finding that says its shortfall was found before, and the
 * earlier inspection it points to. Cues and the rule are data, in repeat-cues.json.
 */
import type { Polarity, RepeatEvidence, ReportDocument } from '../document.ts';
import { prepareForCues } from './cues.ts';
import repeatCues from './repeat-cues.json' with { type: 'json' };
import { resolveEarlierInspection } from './resolve-earlier-inspection.ts';
import { splitSentences } from './split-sentences.ts';

interface RepeatData {
  persisting: string[];
  earlierRequirement: string[];
  notRepeat: string[];
}

type RepeatKind = 'persisting' | 'earlier-requirement';

let compiled: { persisting: RegExp[]; earlierRequirement: RegExp[]; notRepeat: RegExp[] } | null = null;

function compilePattern(source: string, list: string): RegExp {
  try {
    return new RegExp(source, 'iu');
  } catch (error) {
    throw new Error(`src/ingest/classify/repeat-cues.json: ${list}: ${JSON.stringify(source)} does not compile: ${(error as Error).message}`);
  }
}

function compileRepeatCues(): NonNullable<typeof compiled> {
  if (!compiled) {
    const data: RepeatData = repeatCues;
    compiled = {
      persisting: data.persisting.map((s) => compilePattern(s, 'persisting')),
      earlierRequirement: data.earlierRequirement.map((s) => compilePattern(s, 'earlierRequirement')),
      notRepeat: data.notRepeat.map((s) => compilePattern(s, 'notRepeat')),
    };
  }
  return compiled;
}

interface RepeatSentence {
  kind: RepeatKind;
  /** Position of the cue in its list: earlier cues state the repeat more directly. */
  rank: number;
}

/** What kind of repeat statement a sentence is, or null when it is none. */
export function classifyRepeatSentence(sentence: string): RepeatSentence | null {
  const cues = compileRepeatCues();
  if (cues.notRepeat.some((re) => re.test(sentence))) return null;
  const persisting = cues.persisting.findIndex((re) => re.test(sentence));
  if (persisting !== -1) return { kind: 'persisting', rank: persisting };
  const earlier = cues.earlierRequirement.findIndex((re) => re.test(sentence));
  if (earlier !== -1) return { kind: 'earlier-requirement', rank: cues.persisting.length + earlier };
  return null;
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

/**
 * The finding's repeat statement: among its repeat sentences, one whose earlier inspection
 * resolves, then the most direct cue ("This was a breach in regulation at the previous
 * inspection" over "no progress since the previous inspection"), then the first.
 */
export function findRepeat(text: string, polarity: Polarity, doc: Pick<ReportDocument, 'history' | 'inspection'>): RepeatEvidence | null {
  const candidates = splitSentences(prepareForCues(text)).flatMap((sentence) => {
    const found = classifyRepeatSentence(sentence.text);
    if (found === null || !counts(found.kind, polarity)) return [];
    const refersTo = resolveEarlierInspection(sentence.text, doc);
    return [{ rank: found.rank, evidence: { statement: text.slice(sentence.start, sentence.end), refersTo } }];
  });
  candidates.sort((a, b) => Number(a.evidence.refersTo === null) - Number(b.evidence.refersTo === null) || a.rank - b.rank);
  return candidates[0]?.evidence ?? null;
}
