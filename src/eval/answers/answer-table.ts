/**
 * One answer of a cross-report question as the audit compares it: rows keyed by what identifies
 * them (e.g. `SC800001 CHR2015:12`), each with its values as named strings, so the API's answer
 * and the one computed from the ground truth meet in one shape whatever the question.
 */
export type AnswerRowValues = Readonly<Record<string, string>>;

export type AnswerTable = ReadonlyMap<string, AnswerRowValues>;

/** A table from rows, failing on a duplicate key: two rows with one key would hide a difference. */
export function buildAnswerTable(
  rows: Iterable<readonly [string, AnswerRowValues]>,
  what: string,
): AnswerTable {
  const table = new Map<string, AnswerRowValues>();
  for (const [key, values] of rows) {
    if (table.has(key)) throw new Error(`${what}: two rows with the key "${key}"`);
    table.set(key, values);
  }
  return table;
}
