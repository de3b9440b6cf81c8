/**
 * Browser bundle of the dashboard at /insights (with Observable Plot). Built by
 * ../build-insights-bundle.ts; everything it needs is served by this server.
 */
import './insights.css';
import {
  INSIGHTS_CONFIG_ELEMENT_ID,
  INSIGHTS_ROOT_ELEMENT_ID,
  type InsightsPageConfig,
} from '../insights-config.ts';
import { renderDashboard } from './dashboard.ts';
import { readPageConfig, showError } from './dom.ts';
import { createPagePost } from './post.ts';
import { showSyntheticBanner } from './synthetic-banner.ts';

const config = readPageConfig<InsightsPageConfig>(INSIGHTS_CONFIG_ELEMENT_ID);
const root = document.getElementById(INSIGHTS_ROOT_ELEMENT_ID)!;
const post = createPagePost(config.graphqlPath);
void showSyntheticBanner(root, post);
renderDashboard(root, post).catch((error) => showError(root, error));
