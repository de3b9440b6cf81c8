/**
 * One dashboard panel's data: the GraphQL operation behind it (what "Open in explorer" opens),
 * its variables for the filters, the rows it plots (what "Download CSV" writes) and their
 * columns. Each panel's fetching lives in its own module here, so switching a panel to a new API
 * field (rates, provider groups, place lookups from the other branches) is a change in one place.
 */
import type { CsvColumn } from '../csv.ts';
import type { InsightFilters } from '../insights-filters.ts';
import type { PostGraphql } from './post-graphql.ts';

export interface PanelData<Row> {
  id: string;
  title: string;
  /** What the chart shows, in a sentence. */
  description: string;
  /** The main GraphQL operation behind the panel. */
  operation: string;
  variables(filters: InsightFilters): Record<string, unknown>;
  load(post: PostGraphql, filters: InsightFilters): Promise<Row[]>;
  columns: CsvColumn<Row>[];
  /** The tooltip of the row's mark (bar, cell or dot): what a reader and the browser test see. */
  markTitle(row: Row): string;
  /**
   * Filters the panel's question does not take, so the panel applies them to the rows' locations
   * itself (`applied here`) or not at all (`ignored`); empty when the API applies them all.
   */
  filterNotes(filters: InsightFilters): string[];
  /**
   * How the plotted figures are counted (by which grouped count, on which date), said on the
   * panel; absent when the panel shows a question's rows as they are.
   */
  countedHere?: string;
  /**
   * The server's CSV export of the one question whose rows the panel shows as they are
   * (`/export/<question>.csv?…`), for panels that do not count or combine rows.
   */
  exportPath?(filters: InsightFilters): string;
}
