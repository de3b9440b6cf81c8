/**
 * repeatedBreaches from a summary: one node per location and regulation holding every inspection
 * with evidence of a breach (ids, dates, which kinds of evidence, generated or real), both counts (documented only,
 * and with stated repeats), the one regulator of its inspections, and its rank in each count's
 * order, so the top pairs come off an index. A date window or another evidence choice counts each
 * pair from its lists. The full rows are then computed, by the exact query's own fragment, for
 * the pairs returned only. A provider group's pairs are those of its locations, read from the
 * graph's own groups at each request, so the summary keeps no group.
 */
import { parsePageRecord } from '../../read-page.ts';
import { defineQuery, defineStatement, read, type PlainRecord } from '../../../db/query.ts';
import { freshnessClause, type SummaryPageAnswer } from '../../summaries/graph-version.ts';
import {
  freshForRegulator,
  MIXED_REGULATORS,
  oneRegulatorOf,
} from '../../summaries/one-regulator.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';
import { matchEvidence, orderKinds, parseRepeatedBreach, ROW_OF_PAIR } from './fragments.ts';
import type { RepeatedBreachArgs, RepeatedBreachRow } from './types.ts';

/**
 * Versioned, with pairs under their own label: a graph stamped by an earlier layout
 * (`RepeatedBreachInspections`, with no generated-or-real list) is neither read nor deleted by
 * this one.
 */
export const REPEATED_BREACHES_KIND = 'repeated-breaches-v4';

/** The `flag` of a pair with both generated and real inspections. */
export const MIXED_FLAGS = '*';

export const deleteRepeatedBreachSummary = defineStatement<object>(
  'summaries.repeated-breaches.delete',
  'MATCH (s:RepeatedBreachInspections) DETACH DELETE s',
);

/**
 * Every pair with any evidence. `rank` orders the pairs with a documented inspection as the
 * default question does (documented count, location, regulation; -1 for the others); `rankAll`
 * orders every pair by its count with stated repeats. The lists are parallel, by inspection id
 * (properties hold no nested lists); a date is '' when unknown; `synthetic` is the exact query's
 * flag (absent reads as real).
 */
export const buildRepeatedBreachSummary = defineStatement<object>(
  'summaries.repeated-breaches.build',
  `${matchEvidence('true', 'all')}
    WITH l, g, leg, i, collect(kind) AS found
    WITH l, g, leg, i, ${orderKinds('found')} AS kinds
    ORDER BY i.id
    WITH l, g, collect(DISTINCT leg.id) AS legislationIds, collect(i) AS byId, collect(kinds) AS kindsById
    // The exact query's regulator filter picks inspections: it keeps a pair whole or drops it only
    // when each of them has the same one regulator.
    WITH l, g, legislationIds, byId, kindsById,
         COLLECT { UNWIND byId AS i RETURN DISTINCT ${oneRegulatorOf('i')} AS code } AS codes
    WITH l.id AS locationId, g.id AS regulationId, legislationIds,
         CASE WHEN size(codes) = 1 THEN codes[0] ELSE '${MIXED_REGULATORS}' END AS regulator,
         [i IN byId | i.id] AS ids, [i IN byId | coalesce(toString(i.startDate), '')] AS dates,
         [i IN byId | coalesce(i.synthetic, false)] AS synthetic,
         [k IN kindsById | 'DOCUMENTED' IN k] AS documented, [k IN kindsById | 'STATED_REPEAT' IN k] AS stated
    WITH *, size([d IN documented WHERE d]) AS documentedCount, size(ids) AS allCount,
         CASE WHEN all(x IN synthetic WHERE x) THEN 'generated'
              WHEN none(x IN synthetic WHERE x) THEN 'real' ELSE '${MIXED_FLAGS}' END AS flag
    ORDER BY documentedCount DESC, locationId, regulationId
    WITH collect({locationId: locationId, regulationId: regulationId, legislationIds: legislationIds,
                  regulator: regulator, ids: ids, dates: dates, synthetic: synthetic, documented: documented, stated: stated,
                  flag: flag, documentedCount: documentedCount, allCount: allCount}) AS pairs
    UNWIND range(0, size(pairs) - 1) AS rank
    WITH pairs[rank] AS p, CASE WHEN pairs[rank].documentedCount > 0 THEN rank ELSE -1 END AS rank
    ORDER BY p.allCount DESC, p.locationId, p.regulationId
    WITH collect(p{.*, rank: rank}) AS pairs
    UNWIND range(0, size(pairs) - 1) AS rankAll
    WITH pairs[rankAll] AS p, rankAll
    CREATE (:RepeatedBreachInspections {locationId: p.locationId, regulationId: p.regulationId,
                                        legislationIds: p.legislationIds, regulator: p.regulator,
                                        ids: p.ids, dates: p.dates, synthetic: p.synthetic, flag: p.flag,
                                        documented: p.documented, stated: p.stated,
                                        documentedCount: p.documentedCount, allCount: p.allCount,
                                        rank: p.rank, rankAll: rankAll})`,
);

/**
 * Each pair whose inspections are all generated or all real also has its rank among the pairs of
 * that flag, in each order (`rankGenerated`, `rankReal`; `rankAllGenerated`, `rankAllReal`), so a
 * generated-or-real filter with no window is read in rank order off an index holding only the
 * pairs it keeps. Pairs of the other flag, or of both, have no such property.
 */
export const rankRepeatedBreachFlags = (['rank', 'rankAll'] as const).map((order) => {
  const suffix = order === 'rank' ? '' : 'All';
  return defineStatement<object>(
    `summaries.repeated-breaches.rank-flags.${order}`,
    `MATCH (s:RepeatedBreachInspections) WHERE s.${order} >= 0 AND s.flag <> '${MIXED_FLAGS}'
     WITH s ORDER BY s.${order}
     WITH s.flag AS flag, collect(s) AS pairs
     UNWIND range(0, size(pairs) - 1) AS r
     WITH flag, pairs[r] AS s, r
     SET s.rank${suffix}Generated = CASE WHEN flag = 'generated' THEN r END,
         s.rank${suffix}Real = CASE WHEN flag = 'real' THEN r END`,
  );
});

/** The summary's opening, shared by every read. */
export const FRESH_FOR_FILTERS = `${freshnessClause(REPEATED_BREACHES_KIND)}
    ${freshForRegulator('RepeatedBreachInspections')}`;

export const PAIR_FILTERS = `($regulator IS NULL OR s.regulator = $regulator)
        AND ($regulation IS NULL OR s.regulationId = $regulation)
        AND ($legislation IS NULL OR $legislation IN s.legislationIds)`;

/**
 * From pairs `s`: the positions in its lists of the inspections the arguments count, as
 * `counted`, and their number as `inspectionCount`; pairs below minInspections dropped.
 */
export const COUNT_PAIR = `
      WITH s, [k IN range(0, size(s.ids) - 1)
               WHERE ((s.documented[k] AND 'DOCUMENTED' IN $evidence) OR (s.stated[k] AND 'STATED_REPEAT' IN $evidence))
                 AND ($from IS NULL OR (s.dates[k] <> '' AND s.dates[k] >= $from))
                 AND ($to IS NULL OR (s.dates[k] <> '' AND s.dates[k] <= $to))
                 AND ($synthetic IS NULL OR s.synthetic[k] = $synthetic)] AS counted
      WITH s, counted, size(counted) AS inspectionCount
      WHERE inspectionCount >= $minInspections`;

/** The full rows of the chosen pairs `s` with their `counted` positions, as `rows` in `s`'s order. */
export const ROWS_OF_PAIRS = `
      CALL (s, counted) {
        MATCH (l:Location {id: s.locationId}), (g:Regulation {id: s.regulationId})
        UNWIND counted AS k
        MATCH (i:Inspection {id: s.ids[k]})
        WITH l, g, i, [x IN ['DOCUMENTED', 'STATED_REPEAT'] WHERE x IN $evidence
                       AND CASE x WHEN 'DOCUMENTED' THEN s.documented[k] ELSE s.stated[k] END] AS kinds
        ORDER BY i.startDate, i.id
        WITH l, g, collect(i) AS inspections, collect(kinds) AS evidence
        ${ROW_OF_PAIR}
        RETURN row
      }`;

export type SummaryPage = SummaryPageAnswer<RepeatedBreachRow>;

const parsePage = parsePageRecord(parseRepeatedBreach);

export function parseSummaryPage(record: PlainRecord): SummaryPage {
  return { fresh: read.boolean(record, 'fresh'), ...parsePage(record) };
}

/**
 * The ranked read of one evidence choice with no window: the pairs come in `rankProperty`'s
 * order off its index, and each one's count is `countProperty`. A read of one flag's ranks counts
 * a pair whole, so it reads as stale while any pair mixes generated and real inspections.
 */
function buildRankedRead(
  name: string,
  rankProperty: string,
  countProperty: string,
  oneFlag = false,
) {
  const unmixed = oneFlag
    ? `
    WITH fresh AND NOT EXISTS { MATCH (:RepeatedBreachInspections {flag: '${MIXED_FLAGS}'}) } AS fresh`
    : '';
  return defineQuery<RepeatedBreachArgs, SummaryPage>({
    name,
    cypher: `${FRESH_FOR_FILTERS}${unmixed}
    CALL (fresh) {
      WITH fresh WHERE fresh AND $withTotal
      MATCH (s:RepeatedBreachInspections)
      WHERE s.${rankProperty} >= 0 AND s.${countProperty} >= $minInspections AND ${PAIR_FILTERS}
      RETURN count(s) AS totalCount
    }
    CALL (fresh) {
      WITH fresh WHERE fresh
      // rank >= 0 makes the rank index give the pairs in order, so LIMIT stops the scan early.
      MATCH (s:RepeatedBreachInspections)
      WHERE s.${rankProperty} >= 0 AND s.${countProperty} >= $minInspections AND ${PAIR_FILTERS}
      WITH s ORDER BY s.${rankProperty} SKIP $skip LIMIT $first
      ${COUNT_PAIR}
      ${ROWS_OF_PAIRS}
      WITH s, row ORDER BY s.${rankProperty}
      RETURN collect(row) AS rows
    }
    RETURN fresh, rows, totalCount`,
    parse: parseSummaryPage,
  });
}

/** The default question: documented breaches, no window. */
export const repeatedBreachesSummaryQuery = buildRankedRead(
  'analytics.repeated-breaches.summary',
  'rank',
  'documentedCount',
);

/** Documented breaches and stated repeats, no window. */
export const repeatedBreachesWithStatedSummaryQuery = buildRankedRead(
  'analytics.repeated-breaches.summary.with-stated',
  'rankAll',
  'allCount',
);

/**
 * The two reads above for generated inspections only and for real ones only, keyed by the
 * evidence asked (joined by commas) and `generated` or `real`.
 */
export const repeatedBreachesOneFlagSummaryQueries = {
  'DOCUMENTED generated': buildRankedRead(
    'analytics.repeated-breaches.summary.generated',
    'rankGenerated',
    'documentedCount',
    true,
  ),
  'DOCUMENTED real': buildRankedRead(
    'analytics.repeated-breaches.summary.real',
    'rankReal',
    'documentedCount',
    true,
  ),
  'DOCUMENTED,STATED_REPEAT generated': buildRankedRead(
    'analytics.repeated-breaches.summary.with-stated.generated',
    'rankAllGenerated',
    'allCount',
    true,
  ),
  'DOCUMENTED,STATED_REPEAT real': buildRankedRead(
    'analytics.repeated-breaches.summary.with-stated.real',
    'rankAllReal',
    'allCount',
    true,
  ),
};

/**
 * How many pairs, in rank order, the counted read takes first to find its cutoff: with it a
 * window counts these and a few more instead of every pair; much smaller or larger heads were
 * slower on some windows (bench/PROFILE.md).
 */
export const WINDOW_HEAD_PAIRS = 2000;

/**
 * Any window and any evidence choice, each pair counted from its lists. No pair's count exceeds
 * its count of every inspection with any evidence (`allCount`), so only pairs whose allCount
 * reaches the page's smallest count can be on it. That smallest count is at least the
 * (skip + first)-th best count among any pairs, so the read takes it from the pairs with the
 * largest allCount (the first $headPairs by rankAll, off the index) and then counts only the
 * pairs whose allCount reaches it, rather than every pair. A total counts every pair.
 */
export const repeatedBreachesCountedSummaryQuery = defineQuery<
  RepeatedBreachArgs & { headPairs: number },
  SummaryPage
>({
  name: 'analytics.repeated-breaches.summary.counted',
  cypher: `${FRESH_FOR_FILTERS}
    CALL (fresh) {
      WITH fresh WHERE fresh AND $withTotal
      MATCH (s:RepeatedBreachInspections)
      WHERE s.allCount >= $minInspections AND ${PAIR_FILTERS}
      ${COUNT_PAIR}
      RETURN count(s) AS totalCount
    }
    CALL (fresh) {
      WITH fresh WHERE fresh
      CALL () {
        MATCH (s:RepeatedBreachInspections)
        WHERE s.rankAll >= 0 AND s.rankAll < $headPairs AND s.allCount >= $minInspections AND ${PAIR_FILTERS}
        ${COUNT_PAIR}
        WITH inspectionCount ORDER BY inspectionCount DESC LIMIT $skip + $first
        WITH collect(inspectionCount) AS best
        // Fewer pairs than the page reaches bound nothing: every pair is counted.
        RETURN CASE WHEN size(best) = $skip + $first AND size(best) > 0 THEN best[-1] ELSE $minInspections END AS cutoff
      }
      MATCH (s:RepeatedBreachInspections)
      WHERE s.allCount >= cutoff AND ${PAIR_FILTERS}
      ${COUNT_PAIR}
      WITH s, counted, inspectionCount
      ORDER BY inspectionCount DESC, s.locationId, s.regulationId SKIP $skip LIMIT $first
      ${ROWS_OF_PAIRS}
      WITH s, inspectionCount, row ORDER BY inspectionCount DESC, s.locationId, s.regulationId
      RETURN collect(row) AS rows
    }
    RETURN fresh, rows, totalCount`,
  parse: parseSummaryPage,
});

/**
 * The read of the pairs of some locations only, `locations` binding their ids as `locationId`:
 * each pair counted from its lists as the counted read counts it, every one of them sorted.
 */
function buildLocationsRead<Params extends RepeatedBreachArgs>(name: string, locations: string) {
  return defineQuery<Params, SummaryPage>({
    name,
    cypher: `${FRESH_FOR_FILTERS}
    CALL (fresh) {
      WITH fresh WHERE fresh
      ${locations}
      MATCH (s:RepeatedBreachInspections {locationId: locationId})
      WHERE s.allCount >= $minInspections AND ${PAIR_FILTERS}
      ${COUNT_PAIR}
      WITH s, counted, inspectionCount
      ORDER BY inspectionCount DESC, s.locationId, s.regulationId
      WITH collect({s: s, counted: counted}) AS pairs
      WITH size(pairs) AS totalCount, pairs[$skip..($skip + $first)] AS page
      RETURN totalCount, COLLECT {
        UNWIND range(0, size(page) - 1) AS n
        WITH n, page[n].s AS s, page[n].counted AS counted
        ${ROWS_OF_PAIRS}
        RETURN row ORDER BY n
      } AS rows
    }
    RETURN fresh, rows, totalCount`,
    parse: parseSummaryPage,
  });
}

/**
 * A closed window of at most a year or so (graph/scope-seek.ts says which), any evidence choice:
 * a pair counts an inspection only if it started inside the window, and a pair's inspections are
 * of its location, so only the pairs of locations inspected inside the window can count any.
 * Those locations come off the startDate index and their pairs off the locationId index; each is
 * counted from its lists as above, so the answer is the counted read's. For a short window that
 * is a few thousand pairs, where the counted read's cutoff is often minInspections itself and it
 * counts every pair.
 */
export const repeatedBreachesWindowSummaryQuery = buildLocationsRead<
  RepeatedBreachArgs & { from: string; to: string }
>(
  'analytics.repeated-breaches.summary.window',
  `MATCH (i:Inspection) USING INDEX i:Inspection(startDate)
      WHERE i.startDate >= date($from) AND i.startDate <= date($to)
      MATCH (i)-[:OF]->(l:Location)
      WITH DISTINCT l.id AS locationId`,
);

/**
 * A provider group, with any other arguments: the exact query keeps the pairs of the locations a
 * provider of the group runs, and those locations are read here from the graph by the same
 * pattern, at each request, so the answer follows a regrouping (which moves no graph version)
 * without the summary keeping any group.
 */
export const repeatedBreachesGroupSummaryQuery = buildLocationsRead<
  RepeatedBreachArgs & { providerGroupId: string }
>(
  'analytics.repeated-breaches.summary.provider-group',
  `MATCH (:ProviderGroup {id: $providerGroupId})<-[:IN_GROUP]-(:Provider)-[:RUNS]->(l:Location)
      WITH DISTINCT l.id AS locationId`,
);

/** The refresh's handle on this summary (graph/summaries/refresh-summaries.ts lists it). */
export const repeatedBreachesSummary: SummaryDefinition = {
  kind: REPEATED_BREACHES_KIND,
  async rebuild(tx) {
    await tx.run(deleteRepeatedBreachSummary, {});
    await tx.run(buildRepeatedBreachSummary, {});
    for (const statement of rankRepeatedBreachFlags) await tx.run(statement, {});
    return true;
  },
};
