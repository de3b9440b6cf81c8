/**
 * Panel: the provider groups with the most repeated breaches: repeatedBreaches rows (a location
 * and a regulation breached at two or more inspections) counted by the location's
 * `providerGroup`, with the distinct locations behind them.
 */
import type { PanelData } from './panel.ts';
import {
  readRepeatedBreaches,
  repeatedBreachFilterNotes,
  repeatedBreachVariables,
  REPEATED_BREACHES_OPERATION,
} from './repeated-breach-rows.ts';

export interface ProviderGroupRow {
  group: string;
  name: string | null;
  /** (location, regulation) pairs breached at two or more inspections. */
  repeatedBreaches: number;
  locations: number;
}

export const NO_PROVIDER_GROUP = '(no provider group)';
export const TOP_GROUPS = 15;

export const providerGroupsPanel: PanelData<ProviderGroupRow> = {
  id: 'provider-groups',
  title: 'Provider groups with the most repeated breaches',
  description:
    'Locations × regulations breached at two or more inspections, per provider group (providers linked by company number, name or a location they share).',
  operation: REPEATED_BREACHES_OPERATION,
  variables: repeatedBreachVariables,
  async load(post, filters) {
    const groups = new Map<string, ProviderGroupRow & { locationIds: Set<string> }>();
    for (const node of await readRepeatedBreaches(post, filters)) {
      const { id, name } = node.location.providerGroup ?? { id: NO_PROVIDER_GROUP, name: null };
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
    { header: 'provider group', value: (row) => row.group },
    { header: 'name', value: (row) => row.name },
    { header: 'repeated breaches', value: (row) => row.repeatedBreaches },
    { header: 'locations', value: (row) => row.locations },
  ],
  markTitle: (row) =>
    `${row.name ?? row.group}: ${row.repeatedBreaches} repeated breaches at ${row.locations} locations`,
  filterNotes: repeatedBreachFilterNotes,
  countedHere: `Counted here: repeatedBreaches gives one row per location and regulation, with no total per provider group, so the page counts its rows by their location's group and keeps the top ${TOP_GROUPS}.`,
};
