/**
 * Idempotent schema migrations run at every start: uniqueness constraints for every node key of
 * the graph model, range indexes on filtered properties and the full-text index, then a wait
 * until every index is online so the first query never scans.
 */
import { defineStatement, type NamedQuery } from '../../db/query.ts';
import type { Database } from '../../db/executor.ts';

/** [label, key property] for every node of the model (docs/ARCHITECTURE.md, "The graph model"). */
export const NODE_KEYS = [
  ['Regulator', 'code'],
  ['Provider', 'id'],
  ['Location', 'id'],
  ['Inspection', 'id'],
  ['Judgement', 'id'],
  ['Legislation', 'id'],
  ['Regulation', 'id'],
  ['Requirement', 'id'],
  ['Recommendation', 'id'],
  ['Finding', 'id'],
  ['Theme', 'id'],
  ['EnforcementAction', 'id'],
  ['Report', 'sha256'],
  // The sentences kept near a report's items (src/graph/write/load-queries.ts writeReportSentences).
  ['ReportSentences', 'sha256'],
  // Singletons of the summaries (src/graph/summaries/): the graph version and each summary's stamp.
  ['GraphState', 'id'],
  ['SummaryStamp', 'kind'],
  // The version each post-load step last finished at (src/graph/write/post-load-steps.ts).
  ['PostLoadStep', 'name'],
  // Provider groups (src/graph/write/group-providers.ts).
  ['ProviderGroup', 'id'],
  // The change feed (src/graph/changes/): one node per change, numbered gap-free.
  ['Change', 'seq'],
  // How far each sync of an outside source has got (src/graph/sync-checkpoint.ts).
  ['SyncCheckpoint', 'source'],
] as const;

/** [label, property] pairs that filters and sorts use. */
export const RANGE_INDEXES = [
  ['Inspection', 'startDate'],
  ['Inspection', 'type'],
  ['Inspection', 'overallGrade'],
  ['Location', 'region'],
  ['Location', 'localAuthority'],
  ['Location', 'name'],
  ['Provider', 'name'],
  ['Provider', 'companiesHouseNumber'],
  ['Provider', 'normalisedName'],
  ['Finding', 'polarity'],
  ['Requirement', 'dueDate'],
  ['EnforcementAction', 'type'],
  ['EnforcementAction', 'issuedOn'],
  // Health.syntheticData asks whether any generated report is loaded.
  ['Report', 'synthetic'],
  // The repeatedBreaches summary is read in rank order, by regulation, or (with a date window) by total count.
  ['RepeatedBreachInspections', 'rank'],
  ['RepeatedBreachInspections', 'rankAll'],
  ['RepeatedBreachInspections', 'allCount'],
  ['RepeatedBreachInspections', 'regulationId'],
  ['RepeatedBreachInspections', 'regulator'],
  // A generated-or-real filter reads its flag's ranks, while no pair has both flags.
  ['RepeatedBreachInspections', 'flag'],
  ['RepeatedBreachInspections', 'rankGenerated'],
  ['RepeatedBreachInspections', 'rankReal'],
  ['RepeatedBreachInspections', 'rankAllGenerated'],
  ['RepeatedBreachInspections', 'rankAllReal'],
  // A short window reads the pairs of the locations inspected inside it.
  ['RepeatedBreachInspections', 'locationId'],
  ['BreachCountGroupedCell', 'level'],
  // breachCounts' dated cells are read one scope at a time, or those of a place or provider.
  ['BreachCountDatedCell', 'scope'],
  ['BreachCountDatedCell', 'localAuthority'],
  ['BreachCountDatedCell', 'region'],
  ['BreachCountDatedCell', 'providerId'],
  ['BreachCountDatedCell', 'providerGroupId'],
  // breachCounts' year cells are read one scope at a time.
  ['BreachCountYearCell', 'scope'],
  // themeCooccurrence's month cells are read for the whole months of a window.
  ['ThemeSetMonthCell', 'month'],
  // ratingChanges' count and page plan read the cells of a window of days.
  ['RatingChangeCell', 'day'],
  // The change feed's `since`: the first change after a graph version or a time.
  ['Change', 'version'],
  ['Change', 'at'],
] as const;

/** [label, properties] of composite range indexes: equality on the first, a range on the second, the rest filtered in the index. */
export const COMPOSITE_INDEXES = [
  // repeatedBreaches with a date window counts the summary's runs of a size starting inside it.
  ['RepeatedBreachRunAll', ['size', 'first', 'before', 'last']],
  ['RepeatedBreachRunDocumented', ['size', 'first', 'before', 'last']],
] as const;

export const FULLTEXT_INDEX = 'findingAndRequirementText';

export function schemaStatements(): NamedQuery<object, void>[] {
  const constraints = NODE_KEYS.map(([label, key]) =>
    defineStatement(
      `constraint-${label}-${key}`,
      `CREATE CONSTRAINT ${label.toLowerCase()}_${key}_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.${key} IS UNIQUE`,
    ),
  );
  const indexes = RANGE_INDEXES.map(([label, property]) =>
    defineStatement(
      `index-${label}-${property}`,
      `CREATE RANGE INDEX ${label.toLowerCase()}_${property} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`,
    ),
  );
  const composite = COMPOSITE_INDEXES.map(([label, properties]) =>
    defineStatement(
      `index-${label}-${properties.join('-')}`,
      `CREATE RANGE INDEX ${label.toLowerCase()}_${properties.join('_')} IF NOT EXISTS FOR (n:${label}) ON (${properties.map((p) => `n.${p}`).join(', ')})`,
    ),
  );
  const fulltext = defineStatement(
    'index-fulltext',
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Finding|Requirement) ON EACH [n.text]`,
  );
  return [...constraints, ...indexes, ...composite, fulltext];
}

export const awaitIndexes = defineStatement<object>('await-indexes', 'CALL db.awaitIndexes(300)');

/** Runs every schema statement (each in its own transaction, as Neo4j requires) and waits for indexes. */
export async function runSchemaMigrations(db: Database): Promise<void> {
  for (const statement of schemaStatements()) {
    await db.write(statement, {});
  }
  await db.read(awaitIndexes, {});
}
