/** enforcementActionCounts: enforcement actions counted per year and type. */
export {
  countEnforcementActions,
  type EnforcementCountArgs,
  type EnforcementCountRow,
} from './grouped-counts.ts';
