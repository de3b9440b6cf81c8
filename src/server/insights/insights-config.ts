/** What the server writes into the insights pages for their bundle to read back. */

export interface InsightsPageConfig {
  page: 'dashboard' | 'location' | 'report';
  /** Path of the GraphQL endpoint on the page's own origin. */
  graphqlPath: string;
  /** The location id or report sha256 the page shows; null on the dashboard. */
  subject: string | null;
}

/** id of the `<script type="application/json">` element holding the InsightsPageConfig. */
export const INSIGHTS_CONFIG_ELEMENT_ID = 'insights-config';
/** id of the element the page renders into. */
export const INSIGHTS_ROOT_ELEMENT_ID = 'insights';

export function locationPath(locationId: string): string {
  return `/locations/${encodeURIComponent(locationId)}`;
}

/** The report's passages page, scrolled to the passage at `line`. */
export function sourcePath(reportSha: string, line: number): string {
  return `/reports/${encodeURIComponent(reportSha)}#L${line}`;
}
