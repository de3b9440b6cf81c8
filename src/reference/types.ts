/**
 * Reference data loaded at startup: legislation, its regulations, the theme taxonomy and the CQC
 * quality-statement mapping. Each array maps 1:1 to graph nodes or links, so optional values are
 * `null` rather than absent and every entry has the same properties.
 */
import type { LegislationId, ReportFamily } from '../model/document.ts';

/** How far a regulation's heading is backed by its sources (see legislation.json statusLegend). */
export type HeadingStatus = 'confirmed' | 'confirmed-secondary' | 'taken-from-text' | 'unconfirmed';

export type LegislationKind = 'act' | 'regulations';

export interface Legislation {
  id: LegislationId;
  title: string;
  shortTitle: string;
  year: number;
  kind: LegislationKind;
  url: string;
  /** Names reports cite it by ("HSCA RA Regulations 2014"); citation finding matches these. */
  aliases: string[];
  sources: string[];
}

/** A regulation of a statutory instrument, or a section of an Act. */
export interface Regulation {
  /** `<legislation>:<number>`, e.g. `CHR2015:12`, `HSCA2008:29`. */
  id: string;
  legislation: LegislationId;
  /** As printed: `12`, `20A`. */
  number: string;
  /** Null when no source shows the heading: never a guess. */
  heading: string | null;
  status: HeadingStatus;
  sources: string[];
  part: string | null;
  /** What the regulation is about when the heading is unknown, in the source's words. */
  subject: string | null;
  note: string | null;
}

export interface LegislationCatalogue {
  legislation: readonly Legislation[];
  regulations: readonly Regulation[];
}

export interface Theme {
  /** Kebab-case, e.g. `missing-from-care`. */
  id: string;
  label: string;
  definition: string;
  /** Terms that tag a finding on their own (see themes.json `matching`). */
  cues: string[];
  /** Terms that tag only together with a second cue of the same theme. */
  weakCues: string[];
  /** Regulation ids whose subject matter is this theme. */
  regulations: string[];
}

/** One `(Regulation)-[:COVERS]->(Theme)` link. */
export interface ThemeCoverage {
  regulation: string;
  theme: string;
}

/**
 * What a theme's words mean in one kind of report or section: cues that count there besides the
 * theme's own, and phrases in which the theme's cues do not count ("COVID-19" in a
 * local-authority report is about the pandemic's effect on services, not infection control).
 */
export interface ThemeContext {
  /** Kebab-case name, e.g. `la-covid-not-infection-control`. */
  id: string;
  /** Why the rule holds, for a reviewer. */
  why: string;
  theme: string;
  /** Report families it applies to; every family when empty. */
  families: ReportFamily[];
  /** Regular expressions (case-insensitive) of section headings it applies to; every section when empty. */
  sections: string[];
  cues: string[];
  weakCues: string[];
  /** Phrases inside which the theme's cues (its own and the context's) do not count. */
  notCues: string[];
}

export interface ThemeTaxonomy {
  themes: readonly Theme[];
  /** Phrases masked before any cue matches (how inspectors cite evidence: "records showed"). */
  ignore: readonly string[];
  coverage: readonly ThemeCoverage[];
  contexts: readonly ThemeContext[];
}

/**
 * A standard text the regulator prints in every report of a kind (its remit, the licence, a
 * letter's closing lines, a note on the framework): each pattern names how one of its sentences
 * begins, and from there to the end of that sentence is standard text.
 */
export interface BoilerplateText {
  /** Kebab-case name, e.g. `ofsted-remit`. */
  id: string;
  /** What the text is, for a reviewer. */
  why: string;
  /** Report families it is looked for in; every family when empty. */
  families: ReportFamily[];
  patterns: string[];
  /** `sentence`: from a match to the end of its sentence; `match`: what the pattern matches. */
  extent: BoilerplateExtent;
}

export type BoilerplateExtent = 'sentence' | 'match';

export interface CqcQualityStatement {
  /** The `qualityStatementId` of CQC API assessment records. */
  id: string;
  keyQuestion: string;
  name: string;
  themes: string[];
  why: string;
}

/** Weights of one theme's logistic model (seed/reference/theme-model.json). */
export interface ThemeModelWeights {
  bias: number;
  /** Weights of the rules' evidence for the theme (see theme-model.ts RULE_FEATURES). */
  rule: Record<string, number>;
  /** Weights of text features by name (`w:` word, `b:` word pair, `f:` family, `s:` section word). */
  features: Record<string, number>;
}

/** The learned theme model: one logistic model per theme, trained on the labelled set's development part. */
export interface ThemeModel {
  /** A theme is tagged when its probability reaches this. */
  threshold: number;
  /** `model`: the model decides alone; `union`: a theme the rules tag stays tagged too. */
  combine: 'model' | 'union';
  /**
   * Per report family, how rules and model combine there (chosen by cross-validation on the
   * development part); a family not listed uses `threshold` and `combine`.
   */
  families?: Record<string, ThemeDecision>;
  themes: Record<string, ThemeModelWeights>;
}

/**
 * How the model's probability and the rules combine: a theme is tagged when its probability
 * reaches `add`, or when the rules tag it and its probability reaches `keep` (keep 0: the rules'
 * tags all stay, union; keep = add: the model alone; add 1: no tag the rules do not give).
 */
export interface ThemeDecision {
  keep: number;
  add: number;
}
