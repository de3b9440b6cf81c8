/**
 * Panel: the providers with the most repeated breaches. Provider groups (ProviderGroup, from the
 * `places` branch) are not in the API yet, so each provider is its own group here; switch
 * `groupOf` and the operation to the group once breachCounts/repeatedBreaches group by it.
 */
import type { PanelData } from './panel.ts';
import { placeFilterNotes } from './place-filter.ts';
import {
  readRepeatedBreaches,
  repeatedBreachVariables,
  REPEATED_BREACHES_OPERATION,
  type RepeatedBreachNode,
} from './repeated-breach-rows.ts';

export interface ProviderGroupRow {
  group: string;
  name: string | null;
  /** (location, regulation) pairs breached at two or more inspections. */
  repeatedBreaches: number;
  locations: number;
}

export const NO_PROVIDER = '(no provider)';
export const TOP_GROUPS = 15;

function groupOf(node: RepeatedBreachNode): { id: string; name: string | null } {
  return node.location.provider ?? { id: NO_PROVIDER, name: null };
}

export const providerGroupsPanel: PanelData<ProviderGroupRow> = {
  id: 'provider-groups',
  title: 'Providers with the most repeated breaches',
  description:
    'Locations × regulations breached at two or more inspections, per provider (each provider is its own group until the API has provider groups).',
  operation: REPEATED_BREACHES_OPERATION,
  variables: repeatedBreachVariables,
  async load(post, filters) {
    const groups = new Map<string, ProviderGroupRow & { locationIds: Set<string> }>();
    for (const node of await readRepeatedBreaches(post, filters)) {
      const { id, name } = groupOf(node);
      const row = groups.get(id) ?? {
        group: id,
        name,
        repeatedBreaches: 0,
        locations: 0,
        locationIds: new Set<string>(),
      };
      row.repeatedBreaches += 1;
      row.locationIds.add(node.location.id);
      row.locations = row.locationIds.size;
      groups.set(id, row);
    }
    return [...groups.values()]
      .map(({ locationIds: _ids, ...row }) => row)
      .sort(
        (a, b) =>
          b.repeatedBreaches - a.repeatedBreaches ||
          b.locations - a.locations ||
          a.group.localeCompare(b.group),
      )
      .slice(0, TOP_GROUPS);
  },
  columns: [
    { header: 'provider', value: (row) => row.group },
    { header: 'name', value: (row) => row.name },
    { header: 'repeated breaches', value: (row) => row.repeatedBreaches },
    { header: 'locations', value: (row) => row.locations },
  ],
  markTitle: (row) =>
    `${row.name ?? row.group}: ${row.repeatedBreaches} repeated breaches at ${row.locations} locations`,
  filterNotes: placeFilterNotes,
};
