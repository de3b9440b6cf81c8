/** The enforcementActions list's summary (the list itself is in graph/lists.ts). */
export {
  ENFORCEMENT_ACTIONS_KIND,
  ENFORCEMENT_SUMMARY_READ,
  enforcementActionsSummary,
} from './summary.ts';
