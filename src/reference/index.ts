/**
 * Reference catalogues from seed/reference: legislation and regulations, the theme taxonomy and
 * the CQC quality-statement mapping. Migrations create nodes from these arrays one to one.
 */
export {
  findLegislation,
  findRegulation,
  normaliseRegulationNumber,
  parseLegislationCatalogue,
  readLegislationCatalogue,
  toRegulationRef,
} from './legislation-catalogue.ts';
export { PATTERN_PREFIX, parseThemeTaxonomy, readThemeTaxonomy } from './theme-taxonomy.ts';
export { parseBoilerplateTexts, readBoilerplateTexts } from './boilerplate.ts';
export { parseThemeModel, readThemeModel } from './theme-model.ts';
export { parseCqcQualityStatements, readCqcQualityStatements } from './cqc-quality-statements.ts';
export { LEGISLATION_IDS } from './legislation-ids.ts';
export { findProjectRoot } from './project-root.ts';
export { ReferenceDataError } from './validate.ts';
export type {
  BoilerplateExtent,
  BoilerplateText,
  CqcQualityStatement,
  HeadingStatus,
  Legislation,
  LegislationCatalogue,
  LegislationKind,
  Regulation,
  Theme,
  ThemeContext,
  ThemeCoverage,
  ThemeModel,
  ThemeModelWeights,
  ThemeDecision,
  ThemeTaxonomy,
} from './types.ts';
