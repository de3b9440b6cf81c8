/**
 * Panel: the provider groups with the most repeated breaches: repeatedBreaches rows (a location
 * and a regulation breached at two or more inspections) counted by the location's
 * `providerGroup`, with the distinct locations behind them.
 */
import { defineGroupedCountPanel } from './grouped-count-panel.ts';

export interface ProviderGroupRow {
  group: string;
  name: string | null;
  /** (location, regulation) pairs breached at two or more inspections. */
  repeatedBreaches: number;
  locations: number;
}

export const NO_PROVIDER_GROUP = '(no provider group)';
export const TOP_GROUPS = 15;

interface GroupCountNode {
  providerGroup: { id: string; name: string | null } | null;
  repeatedBreachCount: number;
  locationCount: number;
}

export const providerGroupsPanel = defineGroupedCountPanel<GroupCountNode, ProviderGroupRow>({
  id: 'provider-groups',
  title: 'Provider groups with the most repeated breaches',
  description:
    'Locations × regulations breached at two or more inspections, per provider group (providers linked by company number, name or a location they share).',
  field: 'repeatedBreachesByProviderGroup',
  operationName: 'DashboardProviderGroups',
  extraArguments: `first: ${TOP_GROUPS}`,
  selection: `providerGroup { id name }
    repeatedBreachCount
    locationCount`,
  toRow: (node) => ({
    group: node.providerGroup?.id ?? NO_PROVIDER_GROUP,
    name: node.providerGroup?.name ?? null,
    repeatedBreaches: node.repeatedBreachCount,
    locations: node.locationCount,
  }),
  columns: [
    { header: 'provider group', value: (row) => row.group },
    { header: 'name', value: (row) => row.name },
    { header: 'repeated breaches', value: (row) => row.repeatedBreaches },
    { header: 'locations', value: (row) => row.locations },
  ],
  markTitle: (row) =>
    `${row.name ?? row.group}: ${row.repeatedBreaches} repeated breaches at ${row.locations} locations`,
  countedBy: `Counted by the API: repeatedBreachesByProviderGroup counts repeatedBreaches' rows per location's provider group in the database, under every filter here, and gives the top ${TOP_GROUPS}.`,
});
