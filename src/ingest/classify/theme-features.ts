/**
 * The features the learned theme model (theme-model.ts) reads from a finding besides the rules'
 * evidence: its words and pairs of adjacent words (lower case, a plural or possessive ending
 * dropped, common function words left out), its report family and the words of its section
 * heading. Read from the text the rules match on, so standard text, legislation names, citations
 * and ignored phrases are not features either.
 */
import type { ReportFamily } from '../../model/document.ts';

const STOP_WORDS = new Set(
  `a an and are as at be been being but by can could did do does for from had has have he her his
  how i if in into is it its of on or our she should so some such than that the their them then
  there these they this those to too was we were what when where which while who will with would
  you your also all any both each more most other own same very just not no only over under up
  out about after before again further once here why because until during between through`.split(
    /\s+/,
  ),
);

const WORD = /[a-z][a-z'’-]*[a-z]|[a-z]/g;

/** A word as the model knows it: lower case, possessive and plural endings dropped. */
export function normaliseWord(word: string): string {
  let w = word.replace(/['’]s?$/, '').replace(/['’]/g, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us'))
    w = w.slice(0, -1);
  return w;
}

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map(normaliseWord);
}

/** Distinct feature names: `w:` words, `b:` word pairs, `f:` family, `s:` section words. */
export function extractTextFeatures(
  text: string,
  family: ReportFamily | null,
  section: string | null,
): string[] {
  const features = new Set<string>();
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const stop = STOP_WORDS.has(w);
    if (!stop && w.length > 1) features.add(`w:${w}`);
    const next = words[i + 1];
    if (next !== undefined && !stop && !STOP_WORDS.has(next)) features.add(`b:${w}_${next}`);
  }
  if (family) features.add(`f:${family}`);
  for (const w of wordsOf(section ?? '')) if (!STOP_WORDS.has(w)) features.add(`s:${w}`);
  return [...features];
}
