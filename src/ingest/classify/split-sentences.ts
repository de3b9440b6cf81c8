/**
 * Sentences of a finding, with their offsets in it. Report prose is regular enough for a rule
 * splitter: a sentence ends at . ! or ? followed by space and a capital, digit, quote or bullet,
 * except after abbreviations inspectors use ("e.g.", "Dr.", "No.") and inside parentheses.
 */

export interface Sentence {
  text: string;
  /** Offset of the first character in the input. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'eg',
  'ie',
  'mr',
  'mrs',
  'ms',
  'dr',
  'no',
  'nos',
  'para',
  'paras',
  'reg',
  'regs',
  'cf',
  'vs',
  'approx',
  'st',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'inc',
  'ltd',
  'co',
  'prof',
]);

/** Whether the word ending at `end` (exclusive, before the full stop) is an abbreviation. */
function endsWithAbbreviation(text: string, end: number): boolean {
  const m = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, end - 12), end));
  if (!m) return false;
  const word = m[1]!.toLowerCase();
  // A single capital letter before a full stop is an initial ("J. Smith").
  return ABBREVIATIONS.has(word) || /^[a-z]$/.test(word);
}

/** Adds text[start, end), trimmed, unless it is blank. */
function addSentence(sentences: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed)
    sentences.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
}

// No closure inside: splitSentences runs for every finding, and the tsx/esbuild transform names
// each closure as it is created, which showed in the profile.
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '\n' && text[i + 1] === '\n') {
      addSentence(sentences, text, start, i);
      start = i;
      depth = 0;
    } else if ((c === '.' || c === '!' || c === '?') && depth === 0) {
      let j = i + 1;
      while (j < text.length && /["'’”)\]]/.test(text[j]!)) j++;
      if (j < text.length && !/\s/.test(text[j]!)) continue;
      let k = j;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      const next = text[k];
      if (next !== undefined && !/[A-Z0-9"'‘“(•\-–]/.test(next)) continue;
      if (c === '.' && endsWithAbbreviation(text, i)) continue;
      addSentence(sentences, text, start, j);
      start = j;
    }
  }
  addSentence(sentences, text, start, text.length);
  return sentences;
}
