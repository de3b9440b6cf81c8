/**
 * The judgement narrative of a synthetic Ofsted report: one concern paragraph for every
 * requirement (on the regulation's theme, with a repeat statement when the home was required
 * to meet the same regulation at an inspection the history table shows), then further concern
 * and strength paragraphs in proportion to the grades, on the home's usual themes.
 */
import { findRegulation } from '../reference/index.ts';
import { formatMonthYear } from './calendar.ts';
import { OFSTED_SENTENCES } from './data/ofsted-narrative-sentences.ts';
import {
  OFSTED_AREA_OF_THEME,
  OFSTED_AREAS,
  type OfstedArea,
  type ThemeId,
} from './data/themes.ts';
import type {
  PastOfstedInspection,
  PlannedParagraph,
  PlannedRepeat,
  PlannedRequirement,
  SentencePolarity,
} from './ofsted-plan.ts';
import type { Random, Weighted } from './random.ts';
import type { Rating } from './rating-trajectory.ts';

export interface NarrativeInput {
  requirements: readonly PlannedRequirement[];
  /** Earlier inspections in the history table, latest first. */
  history: readonly PastOfstedInspection[];
  ratings: Readonly<Record<OfstedArea, Rating>>;
  themeWeights: readonly Weighted<ThemeId>[];
}

/** Extra paragraphs beyond the requirements, by overall rating: [concerns min, max, strengths min, max]. */
const EXTRA_PARAGRAPHS: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 4, 6],
  [0, 1, 3, 5],
  [0, 2, 2, 3],
  [1, 2, 1, 2],
];

export const PREVIOUS_INSPECTION_REPEAT =
  'This was a breach in regulation at the previous inspection.';

export function buildMonthRepeat(earlier: PastOfstedInspection): string {
  return `This is a repeated shortfall from the ${earlier.kind} inspection in ${formatMonthYear(earlier.start)}.`;
}

/**
 * A dated repeat that names the regulation, by number or by its quality standard's name ("the
 * protection of children standard"): the only kind repeatedBreaches may count as evidence of it.
 */
export function buildRegulationRepeat(
  regulation: string,
  earlier: PastOfstedInspection,
  byStandard = false,
): string {
  const named = (byStandard ? readStandardName(regulation) : null) ?? `regulation ${regulation}`;
  return `This is a repeated breach of ${named} from the ${earlier.kind} inspection in ${formatMonthYear(earlier.start)}.`;
}

/** "the protection of children standard" for regulation 12, or null for a regulation that is no quality standard. */
function readStandardName(regulation: string): string | null {
  const heading = findRegulation('CHR2015', regulation)?.heading ?? '';
  return /^the .+ standard$/i.test(heading) ? heading.replace(/^The /, 'the ') : null;
}

/**
 * A dated repeat that names no regulation gets the regulation named in a sentence of its own
 * before it: the finding then cites the regulation, but its repeat statement does not, so it is
 * no evidence of a breach of it (the hard case for a reader that takes a finding's citations as
 * its repeat statement's).
 */
function citeOutsideRepeat(regulation: string, repeat: PlannedRepeat): string[] {
  if (repeat.regulation !== null || repeat.statement === PREVIOUS_INSPECTION_REPEAT) return [];
  return [`This does not meet the requirements of regulation ${regulation}.`];
}

/** Sentences already used in this report, so no two paragraphs say the same thing. */
class SentencePool {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  remaining(theme: ThemeId, polarity: SentencePolarity): string[] {
    return (OFSTED_SENTENCES[theme]?.[polarity] ?? []).filter((s) => !this.used.has(s));
  }

  take(theme: ThemeId, polarity: SentencePolarity, count: number): string[] {
    const chosen = this.random.sample(this.remaining(theme, polarity), count);
    for (const s of chosen) this.used.add(s);
    return chosen;
  }
}

/**
 * Share of new breaches (no earlier requirement under the regulation) that the report still
 * calls a repeat of a shortfall the previous inspection noted without making a requirement, so
 * the stated repeat is the only evidence that inspection breached it (repeatedBreaches with
 * STATED_REPEAT then counts an inspection the documented evidence does not).
 */
const UNRECORDED_REPEAT_CHANCE = 0.15;

/** Share of repeats naming a regulation that name it by its quality standard. */
const BY_STANDARD_CHANCE = 0.4;

function findRepeat(
  random: Random,
  regulation: string,
  history: readonly PastOfstedInspection[],
): PlannedRepeat | null {
  const named = `CHR2015:${regulation}`;
  const earlier = history.find((h) => h.requirementNumbers.has(regulation));
  if (!earlier) {
    const previous = history[0];
    if (!previous || !random.chance(UNRECORDED_REPEAT_CHANCE)) return null;
    return {
      statement: buildRegulationRepeat(regulation, previous, random.chance(BY_STANDARD_CHANCE)),
      refersTo: previous.id,
      regulation: named,
    };
  }
  const isPrevious = earlier === history[0];
  if (isPrevious && random.chance(0.4))
    return { statement: PREVIOUS_INSPECTION_REPEAT, refersTo: earlier.id, regulation: null };
  return random.chance(0.5)
    ? {
        statement: buildRegulationRepeat(regulation, earlier, random.chance(BY_STANDARD_CHANCE)),
        refersTo: earlier.id,
        regulation: named,
      }
    : { statement: buildMonthRepeat(earlier), refersTo: earlier.id, regulation: null };
}

function buildParagraph(
  random: Random,
  pool: SentencePool,
  theme: ThemeId,
  polarity: SentencePolarity,
  most = 3,
): PlannedParagraph | null {
  const area = OFSTED_AREA_OF_THEME[theme];
  const sentences = pool.take(theme, polarity, random.int(1, most));
  if (!area || sentences.length === 0) return null;
  return {
    area,
    theme,
    secondTheme: null,
    polarity,
    sentences,
    repeat: null,
    splitAcrossPages: random.chance(0.04),
  };
}

/** Share of further paragraphs that end on a sentence about a second theme. */
const SECOND_THEME_CHANCE = 0.2;

/**
 * The paragraph with a sentence on another of the home's themes added at its end, when one has
 * an unused sentence of the same polarity: a finding about two things ("… Staff still do not
 * follow the missing-from-home protocols.") must carry both themes.
 */
function addSecondTheme(
  random: Random,
  pool: SentencePool,
  weights: readonly Weighted<ThemeId>[],
  paragraph: PlannedParagraph,
): PlannedParagraph {
  const others = weights.filter(
    (w) => w.value !== paragraph.theme && pool.remaining(w.value, paragraph.polarity).length > 0,
  );
  if (others.length === 0) return paragraph;
  const second = random.pickWeighted(others);
  const [sentence] = pool.take(second, paragraph.polarity, 1);
  return { ...paragraph, secondTheme: second, sentences: [...paragraph.sentences, sentence!] };
}

function drawParagraphs(
  random: Random,
  pool: SentencePool,
  weights: readonly Weighted<ThemeId>[],
  polarity: SentencePolarity,
  count: number,
): PlannedParagraph[] {
  const out: PlannedParagraph[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 4; attempt += 1) {
    const paragraph = buildParagraph(random, pool, random.pickWeighted(weights), polarity);
    if (!paragraph) continue;
    out.push(
      random.chance(SECOND_THEME_CHANCE)
        ? addSecondTheme(random, pool, weights, paragraph)
        : paragraph,
    );
  }
  return out;
}

export function planOfstedNarrative(random: Random, input: NarrativeInput): PlannedParagraph[] {
  const pool = new SentencePool(random);
  const paragraphs: PlannedParagraph[] = [];
  for (const requirement of input.requirements) {
    const theme = requirement.breach.theme;
    // Short, so a second breach on the same theme still finds sentences of its own.
    const paragraph = buildParagraph(random, pool, theme, 'concern', 2);
    if (!paragraph) continue;
    const repeat = findRepeat(random, requirement.breach.number, input.history);
    paragraphs.push(
      repeat
        ? {
            ...paragraph,
            sentences: [
              ...paragraph.sentences,
              ...citeOutsideRepeat(requirement.breach.number, repeat),
              repeat.statement,
            ],
            repeat,
          }
        : paragraph,
    );
  }
  const overall = input.ratings[OFSTED_AREAS[0]!];
  const [cMin, cMax, sMin, sMax] = EXTRA_PARAGRAPHS[overall]!;
  paragraphs.push(
    ...drawParagraphs(random, pool, input.themeWeights, 'concern', random.int(cMin, cMax)),
  );
  paragraphs.push(
    ...drawParagraphs(random, pool, input.themeWeights, 'strength', random.int(sMin, sMax)),
  );

  // Every judgement area gets a narrative, as in every real report.
  for (const area of OFSTED_AREAS) {
    if (paragraphs.some((p) => p.area === area)) continue;
    const polarity: SentencePolarity = input.ratings[area] >= 2 ? 'concern' : 'strength';
    const inArea = input.themeWeights.filter(
      (w) => OFSTED_AREA_OF_THEME[w.value] === area && pool.remaining(w.value, polarity).length > 0,
    );
    if (inArea.length === 0) continue;
    const paragraph = buildParagraph(random, pool, random.pickWeighted(inArea), polarity);
    if (paragraph) paragraphs.push(paragraph);
  }

  // Grouped by area in report order; within an area, a weak area opens with its concerns.
  return OFSTED_AREAS.flatMap((area) => {
    const inArea = paragraphs.filter((p) => p.area === area);
    const concernsFirst = input.ratings[area] >= 2;
    return [
      ...inArea.filter((p) => (p.polarity === 'concern') === concernsFirst),
      ...inArea.filter((p) => (p.polarity === 'concern') !== concernsFirst),
    ];
  });
}
