/**
 * The argument sets of bench/sampled-arguments.ts: for each question, set 0 unfiltered, then
 * sets of none, one or two filters drawn with a seeded generator from the graph's own values
 * (GraphPools). A date window counts as one filter: whole years, whole months, any days, or open
 * at one end. Paged questions ask for `totalCount` in about a third of the sets, as a client
 * showing "n results" would.
 */
import { fromDay, toDay, type GraphPools } from './sampled-graph-pools.ts';
import { createRandom, pick, pickSome, type Random } from './seeded-random.ts';

export const QUESTIONS = [
  'repeatedBreaches',
  'breachCounts',
  'themeTrends',
  'themeCooccurrence',
  'ratingChanges',
  'enforcementActions',
  'relatedFindings',
  'search',
] as const;

export type QuestionName = (typeof QUESTIONS)[number];

export interface ArgumentSet {
  question: QuestionName;
  /** The shape family (bench/sampled-families.ts) it was drawn from; absent for the general draw. */
  family?: string;
  /** The field with its arguments, as a user would write it (and `{ totalCount }` when asked). */
  label: string;
  graphql: string;
}

/** A GraphQL enum value, written bare. */
export class EnumValue {
  constructor(readonly name: string) {}
}

type Arg = string | number | boolean | EnumValue | readonly Arg[] | { [key: string]: Arg };
export type Args = Record<string, Arg>;

export const e = (name: string) => new EnumValue(name);

function formatValue(value: Arg): string {
  if (value instanceof EnumValue) return value.name;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return `{ ${formatArgs(value as Args)} }`;
}

export function formatArgs(args: Args): string {
  return Object.entries(args)
    .map(([key, value]) => `${key}: ${formatValue(value)}`)
    .join(', ');
}

/** `{from, to}` or one of them: a window of random start and length inside the graph's dates. */
export function drawWindow(random: Random, pools: GraphPools): Args {
  const first = toDay(pools.firstDate);
  const last = toDay(pools.lastDate);
  const startDay = first + Math.floor(random() * (last - first + 1));
  const start = fromDay(startDay);
  const shape = random();
  if (shape < 0.25) {
    const year = Number(start.slice(0, 4));
    const years = 1 + Math.floor(random() * 3);
    return { from: `${year}-01-01`, to: `${year + years - 1}-12-31` };
  }
  if (shape < 0.5) {
    const months = 1 + Math.floor(random() * 24);
    const from = `${start.slice(0, 7)}-01`;
    const end = new Date(`${from}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + months);
    end.setUTCDate(0);
    return { from, to: end.toISOString().slice(0, 10) };
  }
  if (shape < 0.9) {
    const days = 7 + Math.floor(random() * 1500);
    return { from: start, to: fromDay(startDay + days) };
  }
  return random() < 0.5 ? { from: start } : { to: start };
}

/** Each filter a question takes, drawn as the arguments it adds. */
export type FilterDrawers = Record<string, (random: Random, pools: GraphPools) => Args>;

export const regulator = (random: Random) => ({ regulator: e(pick(random, ['OFSTED', 'CQC'])) });
export const synthetic = (random: Random) => ({ synthetic: random() < 0.8 });

/** None (10%), one (45%) or two (45%) of the drawers' filters, merged. */
export function drawFilters(random: Random, pools: GraphPools, drawers: FilterDrawers): Args {
  const roll = random();
  const count = roll < 0.1 ? 0 : roll < 0.55 ? 1 : 2;
  const names = pickSome(random, Object.keys(drawers), count);
  return Object.assign({}, ...names.map((name) => drawers[name]!(random, pools))) as Args;
}

/** Provider groups exist once the ingest's post-load steps ran; a graph without them is asked without. */
function providerGroupFilter(pools: GraphPools): FilterDrawers {
  return pools.providerGroups.length === 0
    ? {}
    : { providerGroupId: (r, p) => ({ providerGroupId: pick(r, p.providerGroups) }) };
}

export const PLACE_AND_PROVIDER: FilterDrawers = {
  window: drawWindow,
  regulator,
  region: (random, pools) => ({ region: pick(random, pools.regions) }),
  localAuthority: (random, pools) => ({ localAuthority: pick(random, pools.localAuthorities) }),
  providerId: (random, pools) => ({ providerId: pick(random, pools.providers) }),
};

export const BREACH_GROUPS: Record<string, string> = {
  REGULATION: 'regulation { id }',
  LEGISLATION: 'legislation { id }',
  REGULATOR: 'regulator',
  YEAR: 'year',
  REGION: 'region',
  LOCAL_AUTHORITY: 'localAuthority',
  PROVIDER: 'provider { id name }',
  PROVIDER_GROUP: 'providerGroup { id }',
};

export interface Drawn {
  args: Args;
  selection: string;
  /** For paged questions: whether `totalCount` is selected. */
  paged: boolean;
}

const DRAW: Record<
  QuestionName,
  (random: Random, pools: GraphPools, unfiltered: boolean) => Drawn
> = {
  repeatedBreaches: (random, pools, unfiltered) => ({
    args: unfiltered
      ? {}
      : drawFilters(random, pools, {
          window: drawWindow,
          regulator,
          regulation: (r, p) => ({ regulation: pick(r, p.regulations) }),
          legislation: (r, p) => ({ legislation: pick(r, p.legislation) }),
          ...providerGroupFilter(pools),
          evidence: () => ({ evidence: [e('DOCUMENTED'), e('STATED_REPEAT')] }),
          minInspections: (r) => ({ minInspections: 3 + Math.floor(r() * 2) }),
          synthetic,
        }),
    selection: 'nodes { location { id name } regulation { id } inspectionCount }',
    paged: true,
  }),
  breachCounts: (random, pools, unfiltered) => {
    const groupBy = unfiltered
      ? ['REGULATION', 'YEAR']
      : pickSome(random, Object.keys(BREACH_GROUPS), 1 + Math.floor(random() * 2));
    const filter = unfiltered
      ? {}
      : drawFilters(random, pools, {
          ...PLACE_AND_PROVIDER,
          legislation: (r, p) => ({ legislation: pick(r, p.legislation) }),
          regulation: (r, p) => ({ regulation: pick(r, p.regulations) }),
          ...providerGroupFilter(pools),
        });
    return {
      args: {
        groupBy: groupBy.map(e),
        ...(Object.keys(filter).length > 0 ? { filter } : {}),
      },
      selection: `nodes { ${groupBy.map((g) => BREACH_GROUPS[g]).join(' ')} requirementCount locationCount inspectionCount }`,
      paged: true,
    };
  },
  themeTrends: (random, pools, unfiltered) => ({
    args: {
      interval: e(unfiltered ? 'YEAR' : pick(random, ['YEAR', 'QUARTER', 'MONTH'])),
      ...(unfiltered
        ? {}
        : drawFilters(random, pools, {
            window: drawWindow,
            themes: (r, p) => ({ themes: pickSome(r, p.themes, 1 + Math.floor(r() * 3)) }),
            polarity: (r) => ({ polarity: e(pick(r, ['CONCERN', 'STRENGTH', 'NEUTRAL'])) }),
            synthetic,
          })),
    },
    selection: 'theme { id } period findingCount inspectionCount',
    paged: false,
  }),
  themeCooccurrence: (random, pools, unfiltered) => {
    const filter = unfiltered
      ? {}
      : drawFilters(random, pools, {
          ...PLACE_AND_PROVIDER,
          themes: (r, p) => ({ themes: pickSome(r, p.themes, 1 + Math.floor(r() * 2)) }),
          regulation: (r, p) => ({ regulation: pick(r, p.regulations) }),
          polarity: (r) => ({ polarity: e(pick(r, ['CONCERN', 'STRENGTH', 'NEUTRAL'])) }),
          synthetic,
        });
    return {
      args: Object.keys(filter).length > 0 ? { filter } : ({} as Args),
      selection: 'nodes { first { id } second { id } findingCount jaccard }',
      paged: true,
    };
  },
  ratingChanges: (random, pools, unfiltered) => ({
    args: unfiltered
      ? {}
      : drawFilters(random, pools, {
          direction: (r) => ({ direction: e(pick(r, ['UP', 'DOWN', 'SAME'])) }),
          regulator,
          window: drawWindow,
          synthetic,
        }),
    selection: 'nodes { location { id } before { id } after { id } direction }',
    paged: true,
  }),
  enforcementActions: (random, pools, unfiltered) => ({
    args: unfiltered
      ? {}
      : drawFilters(random, pools, {
          type: (r) => ({
            type: e(
              pick(r, [
                'COMPLIANCE_NOTICE',
                'WARNING_NOTICE',
                'REQUIREMENT_NOTICE',
                'RESTRICTION',
                'SUSPENSION',
                'CANCELLATION',
              ]),
            ),
          }),
          regulator,
          window: drawWindow,
          synthetic,
        }),
    selection: 'nodes { id type }',
    paged: true,
  }),
  relatedFindings: (random, pools) => ({
    args: { findingId: pick(random, pools.findingIds) },
    selection: 'score finding { id }',
    paged: false,
  }),
  search: (random, pools) => ({
    args: { text: pick(random, pools.phrases) },
    selection: 'kind score snippet',
    paged: false,
  }),
};

/** `perQuestion` sets for every question, in question order; the same seed and pools, the same sets. */
export function drawArgumentSets(
  pools: GraphPools,
  seed: number,
  perQuestion: number,
): ArgumentSet[] {
  const sets: ArgumentSet[] = [];
  for (const [index, question] of QUESTIONS.entries()) {
    // A stream per question, so asking fewer questions or sets leaves the others' draws alone.
    const random = createRandom(seed * 1000 + index);
    for (let k = 0; k < perQuestion; k += 1) {
      const drawn = DRAW[question](random, pools, k === 0);
      sets.push(toArgumentSet(question, drawn, drawn.paged && random() < 1 / 3));
    }
  }
  return sets;
}

/** The request of a drawn set: its field, arguments and selection (with `totalCount` when asked). */
export function toArgumentSet(
  question: QuestionName,
  drawn: Drawn,
  withTotal: boolean,
  family?: string,
): ArgumentSet {
  const argText = formatArgs(drawn.args);
  const field = argText ? `${question}(${argText})` : question;
  const selection = withTotal ? `totalCount ${drawn.selection}` : drawn.selection;
  return {
    question,
    ...(family === undefined ? {} : { family }),
    label: withTotal ? `${field} { totalCount }` : field,
    graphql: `{ ${field} { ${selection} } }`,
  };
}
