/** Panel: enforcement actions per year by type, from enforcementActions. */
import { yearOf } from '../insights-filters.ts';
import { LOCATION_FIELDS, type LocationFields, type PanelData } from './panel.ts';
import { matchesPlace, placeFilterNotes, type PlaceFilter } from './place-filter.ts';
import { readAllPages } from './post-graphql.ts';

/** enforcementActions takes no place argument: every place filter is applied here. */
const IN_PAGE: readonly PlaceFilter[] = ['region', 'localAuthority', 'providerGroup'];

export interface EnforcementRow {
  year: number;
  type: string;
  actions: number;
}

const OPERATION = `query DashboardEnforcement($regulator: Regulator, $from: Date, $to: Date, $first: Int, $after: String) {
  enforcementActions(regulator: $regulator, from: $from, to: $to, first: $first, after: $after) {
    nodes {
      type
      issuedOn
      inspection { startDate ${LOCATION_FIELDS} }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ActionNode {
  type: string;
  issuedOn: string | null;
  inspection: { startDate: string | null; location: LocationFields };
}

export const enforcementPanel: PanelData<EnforcementRow> = {
  id: 'enforcement',
  title: 'Enforcement over time, by type',
  description:
    'Enforcement actions per year (the date of issue, else the inspection’s start), by kind.',
  operation: OPERATION,
  variables: (filters) => ({
    regulator: filters.regulator,
    from: filters.from,
    to: filters.to,
    first: 100,
  }),
  async load(post, filters) {
    const nodes = await readAllPages(
      post,
      OPERATION,
      { regulator: filters.regulator, from: filters.from, to: filters.to },
      (data: { enforcementActions: { nodes: ActionNode[]; pageInfo: never } }) =>
        data.enforcementActions,
    );
    const counts = new Map<string, EnforcementRow>();
    for (const node of nodes) {
      const year = yearOf(node.issuedOn ?? node.inspection.startDate);
      if (year === null || !matchesPlace(node.inspection.location, filters, IN_PAGE)) continue;
      const key = `${year}|${node.type}`;
      const row = counts.get(key) ?? { year, type: node.type, actions: 0 };
      row.actions += 1;
      counts.set(key, row);
    }
    return [...counts.values()].sort((a, b) => a.year - b.year || a.type.localeCompare(b.type));
  },
  columns: [
    { header: 'year', value: (row) => row.year },
    { header: 'type', value: (row) => row.type },
    { header: 'actions', value: (row) => row.actions },
  ],
  markTitle: (row) => `${row.year} ${row.type}: ${row.actions}`,
  filterNotes: placeFilterNotes('enforcementActions', IN_PAGE),
  countedHere:
    'Counted here: enforcementActions gives one row per action, with no count per year, so the page counts its rows by year and type.',
};
