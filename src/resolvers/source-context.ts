/** SourcePosition.context: the sentences around an item, from its report's kept sentences. */
import type { ContextSentence } from '../generated/resolvers-types.ts';
import type { Loaders } from '../graph/loaders.ts';
import type { PositionRow } from '../graph/rows.ts';
import { MAX_CONTEXT_SENTENCES, sliceContext } from '../model/source-context.ts';
import { badInput } from './support.ts';

/** `sentences` checked against what ingest keeps (a null is the default, 1). */
export function checkContextSentences(sentences: number | null | undefined): number {
  const n = sentences ?? 1;
  if (!Number.isInteger(n) || n < 0 || n > MAX_CONTEXT_SENTENCES)
    throw badInput(
      `sentences must be 0 to ${MAX_CONTEXT_SENTENCES} (the graph keeps ${MAX_CONTEXT_SENTENCES} on each side), got ${n}.`,
    );
  return n;
}

export async function readSourceContext(
  position: PositionRow,
  sentences: number | null | undefined,
  loaders: Loaders,
): Promise<ContextSentence[] | null> {
  const n = checkContextSentences(sentences);
  if (!position.contextWindow || !position.reportSha) return null;
  const kept = await loaders.reportSentences(position.reportSha);
  return kept ? sliceContext(kept, position.contextWindow, n) : null;
}
