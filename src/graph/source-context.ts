/**
 * The sentences kept near a report's items (written by load-queries.ts writeReportSentences),
 * read for `source { context }`: one list per report, sliced by each item's window.
 */
import type { Database } from '../db/executor.ts';
import { defineQuery, read } from '../db/query.ts';

export const reportSentences = defineQuery<
  { shas: string[] },
  { sha256: string; sentences: string[] }
>({
  name: 'source.report-sentences',
  cypher: `UNWIND $shas AS sha
           MATCH (s:ReportSentences {sha256: sha})
           RETURN sha AS sha256, s.sentences AS sentences`,
  parse: (row) => ({
    sha256: read.string(row, 'sha256'),
    sentences: read.strings(row, 'sentences'),
  }),
});

/** Each report's kept sentences, in the order of `shas`; null for a report without any. */
export async function readReportSentences(
  db: Database,
  shas: readonly string[],
): Promise<(string[] | null)[]> {
  const rows = await db.read(reportSentences, { shas: [...shas] });
  const bySha = new Map(rows.map((row) => [row.sha256, row.sentences]));
  return shas.map((sha) => bySha.get(sha) ?? null);
}
