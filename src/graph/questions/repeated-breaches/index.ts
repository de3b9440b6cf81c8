/** repeatedBreaches: the same regulation breached at a location inspection after inspection. */
export { findRepeatedBreaches } from './answer.ts';
export { findRepeatedBreachesExactly } from './exact-query.ts';
export { repeatedBreachesSummary, WINDOW_HEAD_PAIRS } from './summary.ts';
export { repeatedBreachRunsSummary } from './window-runs.ts';
export {
  BREACH_EVIDENCE,
  type BreachEvidence,
  type CountedInspectionRow,
  type RepeatedBreachArgs,
  type RepeatedBreachPage,
  type RepeatedBreachRow,
  type RepeatedBreachSortField,
  type RepeatStatementRow,
} from './types.ts';
export {
  countRepeatedBreachesByProviderGroup,
  countRepeatedBreachesByRegulation,
  type LocationInspectionCountRow,
  type RepeatedBreachGroupCountRow,
  type RepeatedBreachRegulationCountRow,
} from './grouped-counts.ts';
