/**
 * The panels drawn from one grouped count each (repeatedBreachesByRegulation,
 * repeatedBreachesByProviderGroup, ratingChangeCounts, enforcementActionCounts): the API counts in
 * the database with every dashboard filter, so the panel asks once for exactly the rows it plots
 * and maps them. One definition serves the four, so they pass the filters the same way.
 */
import type { InsightFilters } from '../insights-filters.ts';
import type { CsvColumn } from '../csv.ts';
import type { PanelData } from './panel.ts';

/** The operation's variable declarations and the field's arguments for the dashboard's filters. */
export const FILTER_VARIABLES =
  '$regulator: Regulator, $from: Date, $to: Date, $region: String, $localAuthority: String, $providerGroupId: ID';
export const FILTER_ARGUMENTS =
  'regulator: $regulator, from: $from, to: $to, region: $region, localAuthority: $localAuthority, providerGroupId: $providerGroupId';

/** Every dashboard filter, as the grouped counts name them. */
export function groupedCountVariables(filters: InsightFilters): Record<string, unknown> {
  return {
    regulator: filters.regulator,
    from: filters.from,
    to: filters.to,
    region: filters.region,
    localAuthority: filters.localAuthority,
    providerGroupId: filters.providerGroup,
  };
}

export interface GroupedCountPanelSpec<Node, Row> {
  id: string;
  title: string;
  description: string;
  /** The Query field asked, and the operation's name. */
  field: string;
  operationName: string;
  /** The field's arguments beside the filters (`first: 15`), or ''. */
  extraArguments: string;
  selection: string;
  toRow(node: Node): Row;
  columns: CsvColumn<Row>[];
  markTitle(row: Row): string;
  /** How the API counts the rows, for the panel's note. */
  countedBy: string;
}

export function defineGroupedCountPanel<Node, Row>(
  spec: GroupedCountPanelSpec<Node, Row>,
): PanelData<Row> {
  const extra = spec.extraArguments ? `, ${spec.extraArguments}` : '';
  const operation = `query ${spec.operationName}(${FILTER_VARIABLES}) {
  ${spec.field}(${FILTER_ARGUMENTS}${extra}) {
    ${spec.selection}
  }
}`;
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    operation,
    variables: groupedCountVariables,
    async load(post, filters) {
      const data = await post<Record<string, Node[]>>(operation, groupedCountVariables(filters));
      return (data[spec.field] ?? []).map((node) => spec.toRow(node));
    },
    columns: spec.columns,
    markTitle: spec.markTitle,
    // The grouped counts take every dashboard filter: none is applied in the page or ignored.
    filterNotes: () => [],
    countedHere: spec.countedBy,
  };
}
