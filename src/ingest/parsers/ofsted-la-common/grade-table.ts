import type { Grade, SourcePosition } from '../../../model/document.ts';
import type { SourceLine } from '../../text/lines.ts';
import { cleanLine } from './clean-line.ts';
import { isGradeWord, isGradeWordsOnly, normaliseWord, readGradePhrases } from './grade-words.ts';

/**
 * A judgement table ("Judgement / Grade" in ILACS reports, the numbered list on the first page of
 * a SIF report) read as a stream of words.
 *
 * Extractors lay these tables out in different ways: the grade at the end of the label's last
 * line, on a line of its own after it, in the middle of a wrapped label ("…with children" /
 * "Good" / "and families"), or split around it ("Requires" / "1. Children who need help and
 * protection" / "improvement"). What never changes is the order: labels and grades follow each
 * other row by row. So the labels are found word by word (grade words inside a label are set
 * aside), the grade words between them are read as phrases, and the n-th phrase is the n-th
 * label's grade. When the counts differ the table is not guessed at.
 */

export interface TableLabel {
  key: string;
  /** Wordings of the label, longest first; each a sentence of words compared case-insensitively. */
  wordings: readonly string[];
}

export interface TableJudgement {
  key: string;
  /** The label as printed, grade words taken out. */
  area: string;
  grade: Grade;
  gradeText: string;
  position: SourcePosition;
}

export type TableResult =
  | {
      ok: true;
      judgements: TableJudgement[];
      lastLine: number;
      skipped: Array<{ reason: string; position: SourcePosition | null }>;
    }
  | { ok: false; reason: string; position: SourcePosition | null };

interface Token {
  word: string;
  norm: string;
  line: SourceLine;
}

function tokenise(lines: readonly SourceLine[]): Token[] {
  const tokens: Token[] = [];
  for (const line of lines) {
    for (const word of cleanLine(line).split(' ')) {
      const norm = normaliseWord(word);
      if (norm !== '') tokens.push({ word, norm, line });
    }
  }
  return tokens;
}

/** Row numbers such as "1.", "2.1", "3" carry no label or grade. */
function isRowNumber(token: Token): boolean {
  return /^\d+(?:\.\d+)*\.?$/.test(token.word);
}

interface LabelMatch {
  label: TableLabel;
  words: string[];
  inside: Token[];
  end: number;
}

/** Whether token `i` opens its line, row numbers aside: table rows start lines, prose mentions do not. */
function startsLine(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && tokens[j]!.line === tokens[i]!.line; j -= 1) {
    if (!isRowNumber(tokens[j]!)) return false;
  }
  return true;
}

/** The label starting at token `i`, allowing grade words (and row numbers) between its words. */
function matchLabel(
  tokens: readonly Token[],
  i: number,
  labels: readonly TableLabel[],
): LabelMatch | null {
  if (!startsLine(tokens, i)) return null;
  for (const label of labels) {
    for (const wording of label.wordings) {
      const wanted = wording
        .split(' ')
        .map(normaliseWord)
        .filter((w) => w !== '');
      const words: string[] = [];
      const inside: Token[] = [];
      let j = i;
      let k = 0;
      while (k < wanted.length && j < tokens.length) {
        const token = tokens[j]!;
        if (token.norm === wanted[k]) {
          words.push(token.word);
          k += 1;
        } else if (k > 0 && (isGradeWord(token.word) || isRowNumber(token))) {
          if (!isRowNumber(token)) inside.push(token);
        } else {
          break;
        }
        j += 1;
      }
      if (k === wanted.length) return { label, words, inside, end: j };
    }
  }
  return null;
}

/**
 * Reads the table whose rows are `labels`, from the first label found in `lines` to the first
 * word that is neither a grade word, a row number nor the start of another row (the text after
 * the table). Grade words on the line just before the first label may belong to it (the
 * "Requires" of a grade split around its label); grade words on the line that ends the table
 * belong to that line's text, not to the table.
 */
export function readGradeTable(
  lines: readonly SourceLine[],
  labels: readonly TableLabel[],
): TableResult {
  const tokens = tokenise(lines);
  // A sentence can open with a row's words ("Leadership, management and governance require
  // improvement when…"): each place a row could start is tried until one gives a real table.
  let first: TableResult | null = null;
  const skipped: Array<{ reason: string; position: SourcePosition | null }> = [];
  let tried = 0;
  for (let at = 0; at < tokens.length && tried < MAX_TABLE_STARTS; at += 1) {
    if (matchLabel(tokens, at, labels) === null) continue;
    tried += 1;
    const result = readTableFrom(tokens, lines, labels, at);
    if (result.ok && result.judgements.length >= Math.min(MIN_TABLE_ROWS, labels.length))
      return { ...result, skipped };
    first ??= result;
    skipped.push(
      result.ok
        ? {
            reason: `a row "${result.judgements[0]!.area}" that does not start a table`,
            position: result.judgements[0]!.position,
          }
        : { reason: result.reason, position: result.position },
    );
  }
  return first ?? { ok: false, reason: 'no judgement table found', position: null };
}

/** Places tried as the start of a table before giving up. */
const MAX_TABLE_STARTS = 12;
/** A table has at least this many rows; fewer is a sentence that starts like a row. */
const MIN_TABLE_ROWS = 2;

function readTableFrom(
  tokens: readonly Token[],
  lines: readonly SourceLine[],
  labels: readonly TableLabel[],
  start: number,
): TableResult {
  const found: Array<{ match: LabelMatch; token: Token }> = [];
  let stream: Token[] = [];
  let i = start;
  const firstLine = tokens[i]!.line;
  // The nearest line above with text: some extractors put blank lines between table rows.
  const before = [...lines].reverse().find((l) => l.index < firstLine.index && cleanLine(l) !== '');
  const leading =
    before && isGradeWordsOnly(before.text) ? tokens.filter((t) => t.line === before) : [];

  while (i < tokens.length) {
    const token = tokens[i]!;
    const remaining = labels.filter((l) => !found.some((f) => f.match.label.key === l.key));
    const match = matchLabel(tokens, i, remaining);
    if (match) {
      found.push({ match, token });
      stream.push(...match.inside);
      i = match.end;
      continue;
    }
    if (isGradeWord(token.word)) {
      stream.push(token);
    } else if (!isRowNumber(token)) {
      // The table has ended; grade words already read from this line are the start of its text.
      const lastRowLine = tokens[found[found.length - 1]!.match.end - 1]!.line;
      if (token.line !== lastRowLine) stream = stream.filter((t) => t.line !== token.line);
      break;
    }
    i += 1;
  }

  // The line before the table may hold the first row's split grade, or end the sentence above it.
  const withLeading = readGradePhrases([...leading, ...stream].map((t) => t.word));
  const without = readGradePhrases(stream.map((t) => t.word));
  const fits = (r: ReturnType<typeof readGradePhrases>): boolean =>
    r.phrases.length === found.length && r.leftovers.length === 0;
  const chosen = leading.length > 0 && fits(withLeading) ? withLeading : without;
  if (!fits(chosen)) {
    return {
      ok: false,
      reason: `judgement table has ${found.length} rows but ${chosen.phrases.length} grades${chosen.leftovers.length ? ` and stray words "${chosen.leftovers.join(' ')}"` : ''}`,
      position: firstLine.position,
    };
  }
  const phrases = chosen.phrases;
  const lastLine = Math.max(...[...stream, ...found.map((f) => f.token)].map((t) => t.line.index));
  const judgements = found.map(({ match, token }, n) => ({
    key: match.label.key,
    area: match.words.join(' '),
    grade: phrases[n]!.grade,
    gradeText: phrases[n]!.text,
    position: { ...token.line.position },
  }));
  return { ok: true, judgements, lastLine, skipped: [] };
}
