/** The HTML of an insights page: its config, its bundle's JS and CSS from this server, a header. */
import { embedJson, escapeHtml } from '../html-text.ts';
import {
  INSIGHTS_CONFIG_ELEMENT_ID,
  INSIGHTS_ROOT_ELEMENT_ID,
  type InsightsPageConfig,
} from './insights-config.ts';

export interface InsightsPage {
  title: string;
  config: InsightsPageConfig;
  scriptPath: string;
  stylePath: string;
}

export function renderInsightsPage(page: InsightsPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(page.title)} · Inspection Graph</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(page.stylePath)}">
</head>
<body>
<header class="site-header">
  <strong>Inspection Graph</strong>
  <span>${escapeHtml(page.title)}</span>
  <nav><a href="/insights">Insights</a><a href="/">Explorer</a></nav>
</header>
<div id="${INSIGHTS_ROOT_ELEMENT_ID}" data-state="loading"><noscript>This page needs JavaScript. GraphQL answers POST requests at /graphql.</noscript></div>
<script type="application/json" id="${INSIGHTS_CONFIG_ELEMENT_ID}">${embedJson(page.config)}</script>
<script src="${escapeHtml(page.scriptPath)}" defer></script>
</body>
</html>
`;
}
