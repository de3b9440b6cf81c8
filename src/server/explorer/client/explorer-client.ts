/**
 * The explorer's browser bundle: GraphiQL with one tab per example operation, talking to
 * /graphql on the page's own origin. Built by ../build-explorer-bundle.ts; everything it needs
 * (fonts included, inlined in GraphiQL's CSS) is served by this server.
 */
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { createElement, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import {
  buildSandboxUrl,
  CONFIG_ELEMENT_ID,
  readLinkedTab,
  ROOT_ELEMENT_ID,
  SANDBOX_LINK_ID,
  type ExplorerConfig,
} from '../explorer-config.ts';
import { findElement, openLocalStorage, readPageOrigin, readPageSearch } from './browser-page.ts';
import { createNamespacedStorage } from './namespaced-storage.ts';
import { createSameOriginFetcher } from './post-graphql.ts';

function readConfig(): ExplorerConfig {
  return JSON.parse(findElement(CONFIG_ELEMENT_ID).textContent ?? '{}') as ExplorerConfig;
}

function renderExplorer(config: ExplorerConfig): void {
  const graphqlUrl = new URL(config.graphqlPath, readPageOrigin()).href;
  // The server wrote the link from its Host header; the browser knows the origin it really uses
  // (behind a TLS proxy, say).
  findElement(SANDBOX_LINK_ID).setAttribute('href', buildSandboxUrl(graphqlUrl));

  const backing = openLocalStorage();
  const examples = config.tabs.map((tab) => ({ query: tab.query, variables: tab.variables }));
  // A link from another page (the insights dashboard's "Open in explorer") carries one operation:
  // it opens first on a fresh browser, and as a new or matching tab over saved ones.
  const linked = readLinkedTab(readPageSearch());
  const tabs = linked ? [linked, ...examples] : examples;
  const props: ComponentProps<typeof GraphiQL> = {
    fetcher: createSameOriginFetcher(config.graphqlPath),
    defaultTabs: tabs.length > 0 ? tabs : undefined,
    ...(linked ? { query: linked.query, variables: linked.variables ?? '' } : {}),
    defaultEditorToolsVisibility: tabs.some((tab) => tab.variables !== null) ? 'variables' : false,
    ...(backing ? { storage: createNamespacedStorage(backing, config.storageNamespace) } : {}),
  };
  // An empty logo: the page header names the project, and GraphiQL's default logo links to GitHub.
  const logo = createElement(GraphiQL.Logo, null, null);
  createRoot(findElement(ROOT_ELEMENT_ID)).render(createElement(GraphiQL, props, logo));
}

renderExplorer(readConfig());
