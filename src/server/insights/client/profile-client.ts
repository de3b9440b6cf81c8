/**
 * Browser bundle of the location profile (/locations/:id) and the report passages page
 * (/reports/:sha256): plain tables, no charting library, so these pages stay light.
 */
import './insights.css';
import {
  INSIGHTS_CONFIG_ELEMENT_ID,
  INSIGHTS_ROOT_ELEMENT_ID,
  type InsightsPageConfig,
} from '../insights-config.ts';
import { readPageConfig, showError } from './dom.ts';
import { renderLocationPage } from './location-page.ts';
import { createPagePost } from './post.ts';
import { renderReportPage } from './report-page.ts';
import { showSyntheticBanner } from './synthetic-banner.ts';

const config = readPageConfig<InsightsPageConfig>(INSIGHTS_CONFIG_ELEMENT_ID);
const root = document.getElementById(INSIGHTS_ROOT_ELEMENT_ID)!;
const post = createPagePost(config.graphqlPath);
void showSyntheticBanner(root, post);
const rendering =
  config.page === 'report'
    ? renderReportPage(root, post, config.subject ?? '')
    : renderLocationPage(root, post, config.subject ?? '');
rendering
  .then(() => root.setAttribute('data-state', 'ready'))
  .catch((error) => {
    showError(root, error);
    root.setAttribute('data-state', 'error');
  });
