/**
 * The enforcementActions list's summary: actions counted per start date of the inspection that
 * led to them, type, regulator, synthetic flag and whether the action has an issue date. Read
 * inside the list query itself (graph/lists.ts), it gives the filtered total without matching
 * every action, and tells the newest-first page (graph/newest-enforcement-page.ts) which of its
 * two streams can hold a row: a stream with none would otherwise walk its whole index to find
 * that out (tier L: `regulator: CQC, type: COMPLIANCE_NOTICE`, no action, 2.0 s).
 */
import { defineStatement } from '../../../db/query.ts';
import { freshnessClause } from '../../summaries/graph-version.ts';
import { freshForRegulator, oneRegulatorOf } from '../../summaries/one-regulator.ts';
import type { SummaryDefinition } from '../../summaries/summary-definition.ts';

export const ENFORCEMENT_ACTIONS_KIND = 'enforcement-actions';

export const deleteEnforcementSummary = defineStatement<object>(
  'summaries.enforcement-actions.delete',
  'MATCH (c:EnforcementCountCell) DETACH DELETE c',
);

/**
 * The list's own match, so each of its rows falls in exactly one cell: the day is the start date
 * its from/to filter reads (none when the inspection has none, which no window keeps), the flag
 * is read as its filter reads it (absent is false), the regulator as one-regulator.ts says.
 */
export const buildEnforcementSummary = defineStatement<object>(
  'summaries.enforcement-actions.build',
  `MATCH (i:Inspection)-[:LED_TO]->(m:EnforcementAction), (i)-[:OF]->(l:Location)
   WITH i, m, coalesce(i.synthetic, false) AS synthetic, ${oneRegulatorOf('i')} AS regulator
   WITH i.startDate AS day, m.type AS type, regulator, synthetic, m.issuedOn IS NOT NULL AS issued, count(*) AS actions,
        min(m.issuedOn) AS firstIssued, max(m.issuedOn) AS lastIssued
   CREATE (:EnforcementCountCell {day: day, type: type, regulator: regulator, synthetic: synthetic, issued: issued, actions: actions,
                                  firstIssued: firstIssued, lastIssued: lastIssued})`,
);

/**
 * A subquery binding `summaryUsable` (the summary is fresh and the filter `$f` is one its cells
 * answer: no place or provider), `summaryIssued` and `summaryUnissued` (the list's rows under
 * `$f` with and without an issue date, when usable; 0 otherwise), and `summaryFirstIssued` and
 * `summaryLastIssued` (the earliest and latest issue date of those rows; null when there are
 * none or the summary is not usable), which bound the issue-date stream: with a date window in
 * the past it would otherwise walk every later action first. About ten thousand cells on a
 * large graph, read by label.
 */
export const ENFORCEMENT_SUMMARY_READ = `
    CALL () {
      ${freshnessClause(ENFORCEMENT_ACTIONS_KIND)}
      ${freshForRegulator('EnforcementCountCell', '$f.regulator')}
      WITH fresh AND $f.region IS NULL AND $f.localAuthority IS NULL AND $f.providerId IS NULL AS usable
      OPTIONAL MATCH (c:EnforcementCountCell)
      WHERE usable AND ($f.type IS NULL OR c.type = $f.type) AND ($f.regulator IS NULL OR c.regulator = $f.regulator)
        AND ($f.from IS NULL OR c.day >= date($f.from)) AND ($f.to IS NULL OR c.day <= date($f.to))
        AND ($f.synthetic IS NULL OR c.synthetic = $f.synthetic)
      RETURN usable AS summaryUsable,
             sum(CASE WHEN c.issued THEN c.actions ELSE 0 END) AS summaryIssued,
             sum(CASE WHEN c.issued THEN 0 ELSE c.actions END) AS summaryUnissued,
             min(c.firstIssued) AS summaryFirstIssued, max(c.lastIssued) AS summaryLastIssued
    }
    `;

/** The refresh's handle on this summary (graph/summaries/refresh-summaries.ts lists it). */
export const enforcementActionsSummary: SummaryDefinition = {
  kind: ENFORCEMENT_ACTIONS_KIND,
  async rebuild(tx) {
    await tx.run(deleteEnforcementSummary, {});
    await tx.run(buildEnforcementSummary, {});
    return true;
  },
};
