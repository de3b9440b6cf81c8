/** Panel: the regulations breached at two or more inspections of the most locations. */
import type { PanelData } from './panel.ts';
import {
  readRepeatedBreaches,
  repeatedBreachFilterNotes,
  repeatedBreachVariables,
  REPEATED_BREACHES_OPERATION,
} from './repeated-breach-rows.ts';

export interface RepeatedRegulationRow {
  regulation: string;
  heading: string | null;
  /** Locations where it was breached at two or more inspections. */
  locations: number;
  /** Inspections counted at those locations. */
  inspections: number;
  locationList: { id: string; name: string | null; inspections: number }[];
}

/** The bars shown: the most repeatedly breached regulations. */
export const TOP_REGULATIONS = 15;

export const repeatedRegulationsPanel: PanelData<RepeatedRegulationRow> = {
  id: 'repeated-regulations',
  title: 'Most repeatedly breached regulations',
  description:
    'Locations where each regulation was breached at two or more inspections (requirements or enforcement under it); the locations behind each bar are listed below it.',
  operation: REPEATED_BREACHES_OPERATION,
  variables: repeatedBreachVariables,
  async load(post, filters) {
    const byRegulation = new Map<string, RepeatedRegulationRow>();
    for (const node of await readRepeatedBreaches(post, filters)) {
      const row = byRegulation.get(node.regulation.id) ?? {
        regulation: node.regulation.id,
        heading: node.regulation.heading,
        locations: 0,
        inspections: 0,
        locationList: [],
      };
      row.locations += 1;
      row.inspections += node.inspectionCount;
      row.locationList.push({
        id: node.location.id,
        name: node.location.name,
        inspections: node.inspectionCount,
      });
      byRegulation.set(row.regulation, row);
    }
    return [...byRegulation.values()]
      .sort(
        (a, b) =>
          b.locations - a.locations ||
          b.inspections - a.inspections ||
          a.regulation.localeCompare(b.regulation),
      )
      .slice(0, TOP_REGULATIONS);
  },
  columns: [
    { header: 'regulation', value: (row) => row.regulation },
    { header: 'heading', value: (row) => row.heading },
    { header: 'locations', value: (row) => row.locations },
    { header: 'inspections', value: (row) => row.inspections },
    {
      header: 'location ids',
      value: (row) => row.locationList.map((location) => location.id).join(' '),
    },
  ],
  markTitle: (row) =>
    `${row.regulation}: ${row.locations} locations, ${row.inspections} inspections`,
  filterNotes: repeatedBreachFilterNotes,
  countedHere: `Counted here: repeatedBreaches gives one row per location and regulation, with no total per regulation, so the page counts its rows by regulation and keeps the top ${TOP_REGULATIONS}.`,
};
