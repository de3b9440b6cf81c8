/**
 * Summary layouts replaced by versioned kinds (their nodes now carry new labels) leave their
 * old nodes and stamps behind in graphs built before. Their stamps go first, in a transaction
 * of their own, so a server still running the old code finds its summaries stale and answers
 * from the exact queries instead of from half-deleted cells; the nodes then go in batches, so a
 * sector-size graph needs no large transaction.
 */
import type { Database } from '../../db/executor.ts';
import { defineQuery, defineStatement, read } from '../../db/query.ts';

/** Kinds and labels of the layouts replaced since: the first ones, repeatedBreaches' `-v2` and `-v3`, themeCooccurrence's `-v2` and `-v3`, themeTrends' first, breachCounts' `-v2`. */
const LEGACY_KINDS = [
  'repeated-breaches',
  'breach-counts',
  'theme-cooccurrence',
  'repeated-breaches-v2',
  'theme-cooccurrence-v2',
  'theme-trends',
  'theme-cooccurrence-v3',
  'repeated-breaches-v3',
  'breach-counts-v2',
];
const LEGACY_LABELS = [
  'RepeatedBreachSummary',
  'BreachCountSummary',
  'ThemePairSummary',
  'RepeatedBreachPair',
  'ThemePairCell',
  'ThemeTrendSummary',
  'ThemePairRegionCell',
  'RepeatedBreachEvidence',
  'BreachCountCell',
] as const;
const BATCH_SIZE = 10_000;

export const deleteLegacyStamps = defineStatement<{ kinds: string[] }>(
  'summaries.legacy.delete-stamps',
  'MATCH (stamp:SummaryStamp) WHERE stamp.kind IN $kinds DELETE stamp',
);

/** One statement per label: labels cannot be parameters, and each reads its own label's nodes only. */
export const deleteLegacyNodes = LEGACY_LABELS.map((label) =>
  defineQuery<{ batch: number }, { deleted: number }>({
    name: `summaries.legacy.delete-${label}`,
    cypher: `MATCH (n:${label}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted`,
    parse: (row) => ({ deleted: read.number(row, 'deleted') }),
  }),
);

/**
 * Whether anything of the earlier layouts is left, in one read (the label counts come from
 * Neo4j's count store): a start on a graph without them plans one statement, not the seven
 * writes below, each of which a just-started Neo4j had to plan before the API could serve.
 */
export const countLegacySummaries = defineQuery<{ kinds: string[] }, { legacy: number }>({
  name: 'summaries.legacy.count',
  cypher: `RETURN COUNT { MATCH (stamp:SummaryStamp) WHERE stamp.kind IN $kinds }${LEGACY_LABELS.map(
    (label) => ` + COUNT { MATCH (:${label}) }`,
  ).join('')} AS legacy`,
  parse: (row) => ({ legacy: read.number(row, 'legacy') }),
});

/** True when the graph holds stamps or nodes of a replaced layout. */
export async function hasLegacySummaries(db: Database): Promise<boolean> {
  const [row] = await db.read(countLegacySummaries, { kinds: LEGACY_KINDS });
  return (row?.legacy ?? 0) > 0;
}

/** Deletes what the earlier layouts left; nothing to do (one empty label scan each) on a graph without them. */
export async function retireLegacySummaries(db: Database): Promise<number> {
  await db.write(deleteLegacyStamps, { kinds: LEGACY_KINDS });
  let total = 0;
  for (const statement of deleteLegacyNodes) {
    for (;;) {
      const [row] = await db.write(statement, { batch: BATCH_SIZE });
      total += row?.deleted ?? 0;
      if ((row?.deleted ?? 0) < BATCH_SIZE) break;
    }
  }
  return total;
}
