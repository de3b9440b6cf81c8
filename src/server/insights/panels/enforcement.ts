/** Panel: enforcement actions per year by type, from enforcementActionCounts. */
import { defineGroupedCountPanel } from './grouped-count-panel.ts';

export interface EnforcementRow {
  year: number;
  type: string;
  actions: number;
}

interface ActionCountNode {
  year: number;
  type: string;
  actionCount: number;
}

export const enforcementPanel = defineGroupedCountPanel<ActionCountNode, EnforcementRow>({
  id: 'enforcement',
  title: 'Enforcement over time, by type',
  description:
    'Enforcement actions per year of the inspection that led to them (its start date), by kind.',
  field: 'enforcementActionCounts',
  operationName: 'DashboardEnforcement',
  extraArguments: '',
  selection: 'year type actionCount',
  toRow: (node) => ({ year: node.year, type: node.type, actions: node.actionCount }),
  columns: [
    { header: 'year', value: (row) => row.year },
    { header: 'type', value: (row) => row.type },
    { header: 'actions', value: (row) => row.actions },
  ],
  markTitle: (row) => `${row.year} ${row.type}: ${row.actions}`,
  countedBy:
    "Counted by the API: enforcementActionCounts counts enforcementActions' rows per year and type in the database. Year and the from/to filter are both the start date of the inspection that led to the action (not the issue date, often unknown).",
});
