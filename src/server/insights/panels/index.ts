/** Every dashboard panel's data, in the order the page shows them. */
export { enforcementPanel } from './enforcement.ts';
export { providerGroupsPanel } from './provider-groups.ts';
export { ratingChangesPanel } from './rating-changes.ts';
export { repeatedRegulationsPanel } from './repeated-regulations.ts';
export { requirementRatesPanel } from './requirement-rates.ts';
export { themeRatesPanel } from './theme-rates.ts';
export type { PanelData } from './panel.ts';
