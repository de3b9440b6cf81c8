/** Panel: the regulations breached at two or more inspections of the most locations. */
import { defineGroupedCountPanel } from './grouped-count-panel.ts';

export interface RepeatedRegulationRow {
  regulation: string;
  heading: string | null;
  /** Locations where it was breached at two or more inspections. */
  locations: number;
  /** Inspections counted at those locations. */
  inspections: number;
  /** The locations with the most such inspections (at most LOCATIONS_PER_BAR). */
  locationList: { id: string; name: string | null; inspections: number }[];
}

/** The bars shown: the most repeatedly breached regulations. */
export const TOP_REGULATIONS = 15;
/** The locations listed under each bar, most inspections first. */
export const LOCATIONS_PER_BAR = 10;

interface RegulationCountNode {
  regulation: { id: string; heading: string | null };
  locationCount: number;
  inspectionCount: number;
  topLocations: { location: { id: string; name: string | null }; inspectionCount: number }[];
}

export const repeatedRegulationsPanel = defineGroupedCountPanel<
  RegulationCountNode,
  RepeatedRegulationRow
>({
  id: 'repeated-regulations',
  title: 'Most repeatedly breached regulations',
  description: `Locations where each regulation was breached at two or more inspections (requirements or enforcement under it); the ${LOCATIONS_PER_BAR} locations with the most such inspections are listed below each bar.`,
  field: 'repeatedBreachesByRegulation',
  operationName: 'DashboardRepeatedRegulations',
  extraArguments: `first: ${TOP_REGULATIONS}, locationsPerGroup: ${LOCATIONS_PER_BAR}`,
  selection: `regulation { id heading }
    locationCount
    inspectionCount
    topLocations { location { id name } inspectionCount }`,
  toRow: (node) => ({
    regulation: node.regulation.id,
    heading: node.regulation.heading,
    locations: node.locationCount,
    inspections: node.inspectionCount,
    locationList: node.topLocations.map((top) => ({
      id: top.location.id,
      name: top.location.name,
      inspections: top.inspectionCount,
    })),
  }),
  columns: [
    { header: 'regulation', value: (row) => row.regulation },
    { header: 'heading', value: (row) => row.heading },
    { header: 'locations', value: (row) => row.locations },
    { header: 'inspections', value: (row) => row.inspections },
    {
      header: 'top location ids',
      value: (row) => row.locationList.map((location) => location.id).join(' '),
    },
  ],
  markTitle: (row) =>
    `${row.regulation}: ${row.locations} locations, ${row.inspections} inspections`,
  countedBy: `Counted by the API: repeatedBreachesByRegulation counts repeatedBreaches' rows per regulation in the database, under every filter here, and gives the top ${TOP_REGULATIONS}.`,
});
