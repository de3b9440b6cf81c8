/**
 * The explorer's HTML: a header with a link to Apollo Sandbox, the config the bundle reads, and
 * the bundle's own JS and CSS from this server. No other origin appears in it.
 */
import { embedJson, escapeHtml } from '../html-text.ts';
import {
  buildSandboxUrl,
  CONFIG_ELEMENT_ID,
  ROOT_ELEMENT_ID,
  SANDBOX_LINK_ID,
  type ExplorerConfig,
} from './explorer-config.ts';

export interface ExplorerPage {
  config: ExplorerConfig;
  /** Absolute URL of /graphql as the request reached us, for the link before the script runs. */
  graphqlUrl: string;
  scriptPath: string;
  stylePath: string;
}

export function renderExplorerPage(page: ExplorerPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>Inspection Graph explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(page.stylePath)}">
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  .explorer-header { display: flex; gap: 1rem; align-items: baseline; padding: 0.4rem 1rem; font-size: 0.9rem; border-bottom: 1px solid #ddd; }
  .explorer-header strong { font-weight: 600; }
  .explorer-header a { margin-left: auto; }
  #${ROOT_ELEMENT_ID} { flex: 1; min-height: 0; }
</style>
</head>
<body>
<header class="explorer-header">
  <strong>Inspection Graph</strong>
  <span>GraphQL explorer: each tab is a ready-to-run example; press the run button or Ctrl-Enter.</span>
  <a id="${SANDBOX_LINK_ID}" href="${escapeHtml(buildSandboxUrl(page.graphqlUrl))}" target="_blank" rel="noopener noreferrer">Open in Apollo Sandbox</a>
</header>
<main id="${ROOT_ELEMENT_ID}"><noscript>The explorer needs JavaScript. GraphQL answers POST requests at /graphql.</noscript></main>
<script type="application/json" id="${CONFIG_ELEMENT_ID}">${embedJson(page.config)}</script>
<script src="${escapeHtml(page.scriptPath)}"></script>
</body>
</html>
`;
}
