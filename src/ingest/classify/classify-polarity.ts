/**
 * Concern / strength / neutral for findings the parser left neutral, from the cues and the rule
 * in polarity-cues.json: each sentence votes by its count of concern and strength cues (the part
 * after "however" or "but" deciding when it can), the majority of votes wins, and on a tie the
 * first voting sentence (where inspectors put the judgement) decides. Strength cues right after
 * a negator ("not always effective") do not count.
 */
import type { Polarity } from '../../model/document.ts';
import type { CompiledCue } from './compiled-cue.ts';
import { compileCue, findCueMatches, prepareForCues } from './cues.ts';
import polarityCues from './polarity-cues.json' with { type: 'json' };
import { splitSentences } from './split-sentences.ts';

type Side = 'concern' | 'strength';

interface PolarityData {
  negationWindow: number;
  negators: string[];
  pivots: string[];
  concern: string[];
  strength: string[];
}

interface CompiledPolarityCues {
  cues: CompiledCue<Side>[];
  pivots: CompiledCue<null>[];
  negators: Set<string>;
  window: number;
}

let compiled: CompiledPolarityCues | null = null;

function compilePolarityCues(): CompiledPolarityCues {
  if (!compiled) {
    const data: PolarityData = polarityCues;
    compiled = {
      cues: [
        ...data.concern.map((cue) => compileCue<Side>(cue, 'concern')),
        ...data.strength.map((cue) => compileCue<Side>(cue, 'strength')),
      ],
      pivots: data.pivots.map((cue) => compileCue(cue, null)),
      negators: new Set(data.negators),
      window: data.negationWindow,
    };
  }
  return compiled;
}

/** Whether one of the `window` words before `offset` negates what follows. */
function isNegated(
  text: string,
  offset: number,
  negators: ReadonlySet<string>,
  window: number,
): boolean {
  const words =
    text
      .slice(0, offset)
      .toLowerCase()
      .match(/[\p{L}']+/gu) ?? [];
  return words.slice(-window).some((word) => negators.has(word) || word.endsWith("n't"));
}

/**
 * The sentence's vote, or null when its cues balance or it has none. After a pivot ("however",
 * "but") comes the point the inspector is making, so that part decides when it can.
 */
function voteOf(sentence: string): Side | null {
  const pivot = findCueMatches(sentence, compilePolarityCues().pivots).at(-1);
  const tail = pivot ? countVote(sentence.slice(pivot.end)) : null;
  return tail ?? countVote(sentence);
}

function countVote(sentence: string): Side | null {
  const { cues, negators, window } = compilePolarityCues();
  let concern = 0;
  let strength = 0;
  for (const match of findCueMatches(sentence, cues)) {
    switch (match.payload) {
      case 'concern':
        concern += 1;
        break;
      case 'strength':
        if (!isNegated(sentence, match.start, negators, window)) strength += 1;
        break;
      default:
        unreachableSide(match.payload);
    }
  }
  if (concern === strength) return null;
  return concern > strength ? 'concern' : 'strength';
}

function unreachableSide(side: never): never {
  throw new Error(`Unknown polarity side ${String(side)}`);
}

/** Polarity of a finding's text on its own, for findings without a structural polarity. */
export function classifyPolarity(text: string): Polarity {
  const votes = splitSentences(prepareForCues(text))
    .map((s) => voteOf(s.text))
    .filter((v): v is Side => v !== null);
  const concern = votes.filter((v) => v === 'concern').length;
  const strength = votes.length - concern;
  if (votes.length === 0) return 'neutral';
  if (concern !== strength) return concern > strength ? 'concern' : 'strength';
  return votes[0]!;
}
