import type { Grade } from '../../../model/document.ts';
import { readGrade } from '../../text/grades.ts';
import { cleanInline } from '../../text/normalise.ts';

/**
 * The words Ofsted's LA judgement grades are made of, across eras: "Outstanding", "Good",
 * "Adequate", "Inadequate", "Requires improvement (to be good)", and "require improvement" where
 * the sentence's subject is plural ("Children's services in Brighton and Hove require
 * improvement to be good").
 */
const GRADE_WORDS = new Set([
  'outstanding',
  'good',
  'adequate',
  'inadequate',
  'requires',
  'require',
  'improvement',
  'to',
  'be',
]);

/** Grade phrases as word sequences, longest first so the greedy reader takes the whole phrase. */
const GRADE_PHRASES: ReadonlyArray<readonly string[]> = [
  ['requires', 'improvement', 'to', 'be', 'good'],
  ['require', 'improvement', 'to', 'be', 'good'],
  ['requires', 'improvement'],
  ['require', 'improvement'],
  ['outstanding'],
  ['inadequate'],
  ['adequate'],
  ['good'],
];

/** A word as compared: lower case, without surrounding punctuation. */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/^[^a-z0-9']+|[^a-z0-9']+$/g, '');
}

export function isGradeWord(word: string): boolean {
  return GRADE_WORDS.has(normaliseWord(word));
}

/** Whether text consists of grade words only ("Requires", "improvement to be", "Good"). */
export function isGradeWordsOnly(text: string): boolean {
  const words = cleanInline(text)
    .split(' ')
    .filter((w) => normaliseWord(w) !== '');
  return words.length > 0 && words.every(isGradeWord);
}

export interface GradePhrase {
  grade: Grade;
  /** The words as printed, joined by single spaces. */
  text: string;
}

/**
 * Reads grade phrases from a stream of grade words in order, the longest phrase first at each
 * point. Words that start no phrase ("to", "be" on their own) are returned as leftovers, so the
 * caller can report them rather than guess what they belonged to.
 */
export function readGradePhrases(words: readonly string[]): {
  phrases: GradePhrase[];
  leftovers: string[];
} {
  const phrases: GradePhrase[] = [];
  const leftovers: string[] = [];
  let i = 0;
  while (i < words.length) {
    const phrase = GRADE_PHRASES.find((p) =>
      p.every((w, k) => normaliseWord(words[i + k] ?? '') === w),
    );
    if (!phrase) {
      leftovers.push(words[i]!);
      i += 1;
      continue;
    }
    const text = words
      .slice(i, i + phrase.length)
      .join(' ')
      .replace(/[.,;:]+$/, '');
    const grade = readGrade(text);
    if (grade) phrases.push({ grade, text });
    else leftovers.push(text);
    i += phrase.length;
  }
  return { phrases, leftovers };
}
