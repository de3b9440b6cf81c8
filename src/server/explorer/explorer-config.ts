/**
 * What the server hands the explorer page: shared by the server (which writes it into the HTML)
 * and the browser bundle (which reads it back), so both sides agree on one shape.
 */

/** One ready-to-run example, opened as a GraphiQL tab. */
export interface ExampleTab {
  /** The file name without `.graphql`, e.g. `health`. */
  name: string;
  query: string;
  /** The sibling `<name>.variables.json`, as JSON text, or null when there is none. */
  variables: string | null;
}

export interface ExplorerConfig {
  tabs: ExampleTab[];
  /**
   * Prefix of GraphiQL's saved state in localStorage. It changes with the examples, so a browser
   * that saved tabs before a new example was added opens the new set instead of its old tabs.
   */
  storageNamespace: string;
  /** Path of the GraphQL endpoint on the page's own origin. */
  graphqlPath: string;
}

/** id of the `<script type="application/json">` element holding the ExplorerConfig. */
export const CONFIG_ELEMENT_ID = 'explorer-config';
/** id of the element GraphiQL renders into. */
export const ROOT_ELEMENT_ID = 'explorer';
/** id of the Apollo Sandbox link, which the page points at its own origin once it runs. */
export const SANDBOX_LINK_ID = 'sandbox-link';

export function buildSandboxUrl(graphqlUrl: string): string {
  return `https://studio.apollographql.com/sandbox/explorer?endpoint=${encodeURIComponent(graphqlUrl)}`;
}

/**
 * A link that opens the explorer on one operation: `/?query=…&variables=…`. The page opens it as
 * a tab of its own (or switches to a saved tab with the same text), ready to run.
 */
export function buildExplorerLink(
  query: string,
  variables: Record<string, unknown> | null,
  explorerPath = '/',
): string {
  const params = new URLSearchParams({ query });
  if (variables !== null) params.set('variables', JSON.stringify(variables, null, 2));
  return `${explorerPath}?${params.toString()}`;
}

/** The operation a link from buildExplorerLink carries, or null when the URL holds none. */
export function readLinkedTab(search: string): { query: string; variables: string | null } | null {
  const params = new URLSearchParams(search);
  const query = params.get('query');
  if (query === null || query.trim() === '') return null;
  return { query, variables: params.get('variables') };
}
