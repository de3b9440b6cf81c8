/**
 * Multi-label theme tagging of a finding, driven by seed/reference/themes.json.
 *
 * Context first: the regulator's standard text (seed/reference/boilerplate.json) is masked, and a
 * finding made only of it is boilerplate and gets no theme. The theme cues are the taxonomy's
 * own plus those of every context (themes.json `contexts`) whose report families and section
 * headings the finding belongs to; a context's `notCues` are phrases inside which its theme's
 * cues do not count ("COVID-19" in a local-authority report is not infection control).
 *
 * Rule (also written in themes.json `matching.threshold`): a theme is tagged when one of its cues
 * fires, or when two different weak cues fire in the same sentence. Weak cues must meet in one
 * sentence because a long paragraph collects generic words ("waiting", "promptly") from unrelated
 * sentences. In points: each distinct cue is 2, the distinct weak cues of the best sentence 1
 * each, and 2 tags. A cited regulation counts like a cue for each theme it covers when it covers
 * one or two themes, and like one weak cue when it covers more (HSCA RA 2014 regulation 12 covers
 * medicines, infection control, premises and harm: citing it says little about which).
 * A long text is tagged with every theme one of its sentences gives evidence for, as the labelling
 * guide labels it (tests/golden/themes/LABELLING.md, rule 4: a 14-sentence CQC commentary that
 * judges staff training in one sentence is about staffing too). Earlier versions asked long texts
 * for evidence in one sentence per six and kept only their dominant themes, tuned against the CQC
 * quality-statement mapping, which names a commentary's one or two headline themes; against the
 * guide's labels both lowered micro-F1 on the development part (rules 0.756 with them, 0.787
 * without), most of all on CQC assessment commentary (0.66 and 0.81). How much of a text a theme's
 * evidence covers still lowers its confidence (theme-confidence.ts) and is read by the model.
 * Legislation names and citations are masked before matching, so "Health and Social Care Act"
 * is no health cue. Each tag keeps the terms that fired, lower-cased as found.
 */
import type { Citation, ReportFamily, ThemeTag } from '../../model/document.ts';
import { readThemeTaxonomy, type Theme, type ThemeContext } from '../../reference/index.ts';
import type { CompiledCue } from './compiled-cue.ts';
import { compileCue, findCueMatches, maskSpans, prepareForCues, type CueMatch } from './cues.ts';
import { findBoilerplate } from './find-boilerplate.ts';
import { findLegislationNames } from './legislation-names.ts';
import { splitSentences, type Sentence } from './split-sentences.ts';
import { confidenceOf } from './theme-confidence.ts';
import { extractTextFeatures } from './theme-features.ts';
import { applyThemeModel, type ThemeFeatures } from './theme-model.ts';
import { readThemeModel } from '../../reference/index.ts';

type CueStrength = 'cue' | 'weak';

interface ThemeCue {
  theme: string;
  strength: CueStrength;
}

const THRESHOLD = 2;
/** A regulation covering more themes than this is weak evidence for each of them. */
const MAX_THEMES_FOR_STRONG_REGULATION = 2;

interface CompiledContext {
  context: ThemeContext;
  sections: RegExp[];
  cues: CompiledCue<ThemeCue>[];
  notCues: CompiledCue<string>[];
}

interface CompiledTaxonomy {
  cues: CompiledCue<ThemeCue>[];
  ignore: CompiledCue<null>[];
  themes: readonly Theme[];
  themesByRegulation: Map<string, string[]>;
  contexts: CompiledContext[];
}

/** The cue lists of one set of contexts: findCueMatches indexes a list by its identity, so each set is built once. */
interface CueLists {
  cues: CompiledCue<ThemeCue>[];
  notCues: CompiledCue<string>[];
}

let compiled: CompiledTaxonomy | null = null;
const cueListsByContexts = new Map<string, CueLists>();

function compileThemeCues(theme: string, cues: readonly string[], weakCues: readonly string[]) {
  return [
    ...cues.map((cue) => compileCue<ThemeCue>(cue, { theme, strength: 'cue' })),
    ...weakCues.map((cue) => compileCue<ThemeCue>(cue, { theme, strength: 'weak' })),
  ];
}

function compileTaxonomy(): CompiledTaxonomy {
  if (!compiled) {
    const { themes, coverage, ignore, contexts } = readThemeTaxonomy();
    const themesByRegulation = new Map<string, string[]>();
    for (const { regulation, theme } of coverage) {
      themesByRegulation.set(regulation, [...(themesByRegulation.get(regulation) ?? []), theme]);
    }
    compiled = {
      cues: themes.flatMap((theme) => compileThemeCues(theme.id, theme.cues, theme.weakCues)),
      ignore: ignore.map((phrase) => compileCue(phrase, null)),
      themes,
      themesByRegulation,
      contexts: contexts.map((context) => ({
        context,
        sections: context.sections.map((pattern) => new RegExp(pattern, 'i')),
        cues: compileThemeCues(context.theme, context.cues, context.weakCues),
        notCues: context.notCues.map((cue) => compileCue(cue, context.theme)),
      })),
    };
  }
  return compiled;
}

/** Whether a context applies to a finding of this family under this section heading. */
function appliesTo(
  { context, sections }: CompiledContext,
  family: ReportFamily | null,
  section: string | null,
): boolean {
  if (context.families.length > 0 && (family === null || !context.families.includes(family)))
    return false;
  return sections.length === 0 || (section !== null && sections.some((re) => re.test(section)));
}

function cueListsFor(taxonomy: CompiledTaxonomy, active: readonly CompiledContext[]): CueLists {
  const key = active.map((c) => c.context.id).join(' ');
  let lists = cueListsByContexts.get(key);
  if (!lists) {
    lists = {
      cues: [...taxonomy.cues, ...active.flatMap((c) => c.cues)],
      notCues: active.flatMap((c) => c.notCues),
    };
    cueListsByContexts.set(key, lists);
  }
  return lists;
}

/** Whether a theme's cue match lies inside one of that theme's not-cue matches. */
function isNegated(match: CueMatch<ThemeCue>, negations: readonly CueMatch<string>[]): boolean {
  for (const n of negations)
    if (n.payload === match.payload.theme && n.start <= match.start && match.end <= n.end)
      return true;
  return false;
}

function points(strength: CueStrength): number {
  switch (strength) {
    case 'cue':
      return 2;
    case 'weak':
      return 1;
    default:
      return unreachableStrength(strength);
  }
}

function unreachableStrength(strength: never): never {
  throw new Error(`Unknown cue strength ${String(strength)}`);
}

interface Evidence {
  /** Distinct cues (and cited regulations) with their points. */
  strong: Map<string, number>;
  /** Distinct weak cues per sentence index. */
  weakBySentence: Map<number, Set<string>>;
  /** Cited regulations that are weak evidence: they add to the best sentence. */
  weakRegulations: Set<string>;
  /** Sentences with any evidence (-1 stands for cited regulations). */
  sentences: Set<number>;
  /** Sentences with a cue (or a cited regulation counting as one). */
  cueSentences: Set<number>;
  terms: string[];
}

function evidenceFor(byTheme: Map<string, Evidence>, theme: string): Evidence {
  let evidence = byTheme.get(theme);
  if (!evidence) {
    evidence = {
      strong: new Map(),
      weakBySentence: new Map(),
      weakRegulations: new Set(),
      sentences: new Set(),
      cueSentences: new Set(),
      terms: [],
    };
    byTheme.set(theme, evidence);
  }
  return evidence;
}

/** `sentence` is the index of the sentence a cue fired in, or null for a cited regulation. */
function addEvidence(
  evidence: Evidence,
  key: string,
  term: string,
  strength: CueStrength,
  sentence: number | null,
): void {
  switch (strength) {
    case 'cue':
      evidence.strong.set(key, points(strength));
      evidence.cueSentences.add(sentence ?? -1);
      break;
    case 'weak':
      if (sentence === null) {
        evidence.weakRegulations.add(key);
      } else {
        const keys = evidence.weakBySentence.get(sentence) ?? new Set<string>();
        keys.add(key);
        evidence.weakBySentence.set(sentence, keys);
      }
      break;
    default:
      unreachableStrength(strength);
  }
  evidence.sentences.add(sentence ?? -1);
  if (!evidence.terms.includes(term)) evidence.terms.push(term);
}

/** See ThemeCandidate.weight: the points of each sentence with evidence, capped at the threshold. */
function weighEvidence(evidence: Evidence): number {
  let weight = 0;
  for (const sentence of evidence.sentences) {
    const weak =
      (evidence.weakBySentence.get(sentence)?.size ?? 0) +
      (sentence === -1 ? evidence.weakRegulations.size : 0);
    const sentencePoints = evidence.cueSentences.has(sentence) ? THRESHOLD : weak * points('weak');
    weight += Math.min(sentencePoints, THRESHOLD) / THRESHOLD;
  }
  return weight;
}

function scoreOf(evidence: Evidence): number {
  let strong = 0;
  for (const p of evidence.strong.values()) strong += p;
  let bestSentence = 0;
  for (const keys of evidence.weakBySentence.values())
    bestSentence = Math.max(bestSentence, keys.size);
  return strong + (bestSentence + evidence.weakRegulations.size) * points('weak');
}

/** A theme with rule evidence: its points and how much of the text the evidence covers. */
export interface ThemeCandidate extends Omit<ThemeTag, 'confidence'> {
  score: number;
  /**
   * How much of the text is about the theme: each sentence with evidence counts as far as it
   * would go towards tagging on its own (a cue, or two weak cues: 1; one weak cue: 1/2).
   */
  weight: number;
}

export interface ThemeCandidates {
  boilerplate: boolean;
  /** Sentences of the text, after masking. */
  sentenceCount: number;
  /** Strongest first. */
  candidates: ThemeCandidate[];
  /** Every theme with any evidence, whether or not it passed the threshold, by id. */
  evidence: Map<string, ThemeCandidate>;
  /** The text with standard text, legislation names, citations and ignored phrases blanked out. */
  masked: string;
}

type LocatedCitation = Citation & { start?: number; end?: number };

/** What the tagger knows of a finding besides its text. */
export interface TagContext {
  /**
   * Regulation citations found in the same text, with their spans when known (spans are masked
   * so a citation's own words are not cues).
   */
  citations?: readonly LocatedCitation[];
  /** The report's family; null or absent: only contexts for every family apply. */
  family?: ReportFamily | null;
  /** Heading of the section the finding sits in. */
  section?: string | null;
  /** Tag with the rules alone, not the learned model (to compare the two). */
  rulesOnly?: boolean;
}

export interface ThemeReading {
  /** The finding is only the regulator's standard text: no theme. */
  boilerplate: boolean;
  themes: ThemeTag[];
}

/** Themes of one finding, and whether it is boilerplate. */
export function readThemes(text: string, context: TagContext = {}): ThemeReading {
  const found = findThemeCandidates(text, context);
  if (found.boilerplate) return { boilerplate: true, themes: [] };
  const ruleTags = found.candidates;
  const model = context.rulesOnly ? null : readThemeModel();
  if (model === null)
    return {
      boilerplate: false,
      themes: ruleTags.map((candidate) => ({
        id: candidate.id,
        terms: candidate.terms,
        confidence: confidenceOf(candidate, found.sentenceCount),
      })),
    };
  const features = {
    text: extractTextFeatures(found.masked, context.family ?? null, context.section ?? null),
    evidence: found.evidence,
    ruleTagged: new Map(ruleTags.map((t) => [t.id, confidenceOf(t, found.sentenceCount)])),
    family: context.family ?? null,
  };
  return { boilerplate: false, themes: applyThemeModel(model, features, themeOrder()) };
}

/** Theme ids in taxonomy order. */
function themeOrder(): readonly string[] {
  return compileTaxonomy().themes.map((t) => t.id);
}

/**
 * What the learned model reads of a finding, besides its text features: the rule evidence of
 * every theme and which themes the rules tag. For training (src/eval/theme-training.ts).
 */
export function readThemeFeatures(text: string, context: TagContext = {}): ThemeFeatures | null {
  const found = findThemeCandidates(text, context);
  if (found.boilerplate) return null;
  const ruleTags = found.candidates;
  return {
    text: extractTextFeatures(found.masked, context.family ?? null, context.section ?? null),
    evidence: found.evidence,
    ruleTagged: new Map(ruleTags.map((t) => [t.id, confidenceOf(t, found.sentenceCount)])),
    family: context.family ?? null,
  };
}

/** The themes of readThemes: none for boilerplate. */
export function tagThemes(text: string, context: TagContext = {}): ThemeTag[] {
  return readThemes(text, context).themes;
}

/** Index of the sentence an offset falls in (the sentence count past the last). */
function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  for (let i = 0; i < sentences.length; i++) if (offset < sentences[i]!.end) return i;
  return sentences.length;
}

/** Every theme whose evidence meets the threshold, strongest first. */
export function findThemeCandidates(text: string, context: TagContext = {}): ThemeCandidates {
  const citations = context.citations ?? [];
  const family = context.family ?? null;
  const taxonomy = compileTaxonomy();
  const { ignore, themes, themesByRegulation } = taxonomy;
  const prepared = prepareForCues(text);
  const standard = findBoilerplate(prepared, family);
  if (standard.boilerplate)
    return {
      boilerplate: true,
      sentenceCount: 0,
      candidates: [],
      evidence: new Map(),
      masked: '',
    };
  const spans = [
    ...standard.spans,
    ...findLegislationNames(prepared),
    ...findCueMatches(prepared, ignore),
    ...citations.flatMap((c) =>
      c.start !== undefined && c.end !== undefined ? [{ start: c.start, end: c.end }] : [],
    ),
  ];
  const masked = maskSpans(prepared, spans);
  const sentences = splitSentences(masked);
  const active = taxonomy.contexts.filter((c) => appliesTo(c, family, context.section ?? null));
  const { cues, notCues } = cueListsFor(taxonomy, active);
  const negations = notCues.length > 0 ? findCueMatches(masked, notCues) : [];
  const byTheme = new Map<string, Evidence>();
  const keyBySpan = new Map<string, string>();
  for (const match of findCueMatches(masked, cues)) {
    if (negations.length > 0 && isNegated(match, negations)) continue;
    // One piece of evidence per cue, as the rule says ("two different weak cues"): "staff"
    // twice in a sentence is one weak cue, not the two a tag needs; and per word: "risk" and
    // "risks" matching the same word are one.
    const span = `${match.payload.theme}:${match.start}:${match.end}`;
    const key = keyBySpan.get(span) ?? `cue:${match.cue}`;
    keyBySpan.set(span, key);
    addEvidence(
      evidenceFor(byTheme, match.payload.theme),
      key,
      match.term,
      match.payload.strength,
      sentenceAt(sentences, match.start),
    );
  }
  for (const citation of citations) {
    const id = `${citation.regulation.legislation}:${citation.regulation.number}`;
    const covered = themesByRegulation.get(id) ?? [];
    const strength: CueStrength =
      covered.length <= MAX_THEMES_FOR_STRONG_REGULATION ? 'cue' : 'weak';
    const term = citation.text.toLowerCase().replace(/\s+/g, ' ');
    for (const theme of covered) {
      const evidence = evidenceFor(byTheme, theme);
      addEvidence(evidence, `regulation:${id}`, term, strength, null);
    }
  }
  const order = new Map(themes.map((t, i) => [t.id, i]));
  const weighed: ThemeCandidate[] = [...byTheme.entries()].map(([id, evidence]) => ({
    id,
    terms: evidence.terms,
    score: scoreOf(evidence),
    weight: weighEvidence(evidence),
  }));
  const candidates = weighed
    .filter((c) => c.score >= THRESHOLD)
    .sort((a, b) => b.score - a.score || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const evidence = new Map(weighed.map((c) => [c.id, c]));
  return { boilerplate: false, sentenceCount: sentences.length, candidates, evidence, masked };
}
