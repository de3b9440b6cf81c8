/**
 * The sentences around what a finding, requirement, recommendation or enforcement item was read
 * from, kept at ingest so `source { context }` can give them without the report's text (the
 * graph does not keep it).
 */

/** The most sentences before and after an item that are kept, and so that a query may ask for. */
export const MAX_CONTEXT_SENTENCES = 3;

/**
 * Indexes into `SourceContext.sentences`: the first sentence kept before the item, the first and
 * last of the item's own sentences, and the last kept after it (`first === firstSelf` when none
 * comes before it, and so on).
 */
export type ContextWindow = [first: number, firstSelf: number, lastSelf: number, last: number];

/**
 * A report's sentences within MAX_CONTEXT_SENTENCES of a sourced item (only those: each is kept
 * once however many items it is near), in the order of the text, whitespace collapsed.
 */
export interface SourceContext {
  sentences: string[];
  /** By item id (finding, requirement, recommendation, enforcement item). */
  windows: Record<string, ContextWindow>;
}

export type ContextPosition = 'BEFORE' | 'SELF' | 'AFTER';

export interface ContextSentence {
  position: ContextPosition;
  text: string;
}

/**
 * The item's own sentences with up to `n` kept sentences before and after them, each marked.
 * A window pointing past the stored list (a graph written by another version) gives what is there.
 */
export function sliceContext(
  sentences: readonly string[],
  window: ContextWindow,
  n: number,
): ContextSentence[] {
  const [first, firstSelf, lastSelf, last] = window;
  const out: ContextSentence[] = [];
  const add = (position: ContextPosition, i: number) => {
    const text = sentences[i];
    if (text !== undefined) out.push({ position, text });
  };
  for (let i = Math.max(first, firstSelf - n); i < firstSelf; i++) add('BEFORE', i);
  for (let i = firstSelf; i <= lastSelf; i++) add('SELF', i);
  for (let i = lastSelf + 1; i <= Math.min(last, lastSelf + n); i++) add('AFTER', i);
  return out;
}
