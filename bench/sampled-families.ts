/**
 * Shape families for bench/sampled-arguments.ts: argument shapes the general draw
 * (sampled-argument-sets.ts) gives rarely or never, each drawn `perFamily` times with the seed.
 * Some are what the summaries cannot sum directly (a window off year or month boundaries with a
 * year split, a regulation key over several years), some are arguments the general draw never
 * sends (rates and sorts, themeTrends' place, regulator and provider-group filters, windows
 * starting where the data starts). Each question's families draw from a stream of their own, so
 * the general sets of a seed stay the ones earlier sessions measured.
 */
import { fromDay, toDay, type GraphPools } from './sampled-graph-pools.ts';
import { createRandom, pick, pickSome, type Random } from './seeded-random.ts';
import {
  BREACH_GROUPS,
  drawFilters,
  drawWindow,
  e,
  PLACE_AND_PROVIDER,
  QUESTIONS,
  regulator,
  synthetic,
  toArgumentSet,
  type Args,
  type ArgumentSet,
  type Drawn,
  type QuestionName,
} from './sampled-argument-sets.ts';

interface Family {
  name: string;
  draw(random: Random, pools: GraphPools): Drawn;
  /** Chance of selecting `totalCount` (paged questions only); 1/3 as in the general draw unless set. */
  withTotal?: number;
}

const isoOf = (day: number) => fromDay(day);

/** A day in [low, high], moved off `avoid` (an `-MM-DD` ending such as year starts) by a day. */
function drawDayAvoiding(random: Random, low: number, high: number, avoid: RegExp): number {
  const day = low + Math.floor(random() * (high - low + 1));
  return avoid.test(isoOf(day)) ? day + 1 : day;
}

const YEAR_START = /-01-01$/;
const YEAR_END = /-12-31$/;
const MONTH_START = /-01$/;

/**
 * A closed window of 400 to 1,400 days (so it spans at least one new year) whose ends are on no
 * year boundary: the whole years inside it and the partial ones at both ends.
 */
export function drawOffYearWindow(random: Random, pools: GraphPools): Args {
  const first = toDay(pools.firstDate);
  const last = toDay(pools.lastDate);
  const start = drawDayAvoiding(random, first, Math.max(first, last - 400), YEAR_START);
  let end = start + 400 + Math.floor(random() * 1001);
  if (YEAR_END.test(isoOf(end))) end -= 1;
  return { from: isoOf(start), to: isoOf(end) };
}

/** A window open at one end whose other end is on no year boundary. */
export function drawOpenOffYearWindow(random: Random, pools: GraphPools): Args {
  const first = toDay(pools.firstDate);
  const last = toDay(pools.lastDate);
  if (random() < 0.5) return { from: isoOf(drawDayAvoiding(random, first, last, YEAR_START)) };
  let end = first + Math.floor(random() * (last - first + 1));
  if (YEAR_END.test(isoOf(end))) end -= 1;
  return { to: isoOf(end) };
}

/** A closed window of 30 to 900 days starting on no month's first day. */
export function drawOffMonthWindow(random: Random, pools: GraphPools): Args {
  const first = toDay(pools.firstDate);
  const last = toDay(pools.lastDate);
  const start = drawDayAvoiding(random, first, last, MONTH_START);
  return { from: isoOf(start), to: isoOf(start + 30 + Math.floor(random() * 871)) };
}

/** A window starting within 60 days of the first inspection, one to three years long. */
function drawEarlyWindow(random: Random, pools: GraphPools): Args {
  const start = toDay(pools.firstDate) + Math.floor(random() * 61);
  return { from: isoOf(start), to: isoOf(start + 365 + Math.floor(random() * 731)) };
}

const groupsOf = (names: readonly string[]) => names.map(e);

/** breachCounts' selection: the groups, the counts, and the rates when asked. */
function breachSelection(groupBy: readonly string[], rates: boolean): string {
  const keys = groupBy.map((g) => BREACH_GROUPS[g]).join(' ');
  return `nodes { ${keys} requirementCount locationCount inspectionCount${rates ? ' inspectionsInGroup requirementsPer100Inspections' : ''} }`;
}

function breachSet(
  groupBy: readonly string[],
  filter: Args,
  rates = false,
  extra: Args = {},
): Drawn {
  return {
    args: {
      groupBy: groupsOf(groupBy),
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
      ...extra,
    },
    selection: breachSelection(groupBy, rates),
    paged: true,
  };
}

const REPEATED_SELECTION = 'nodes { location { id name } regulation { id } inspectionCount }';
const TREND_SELECTION = 'theme { id } period findingCount inspectionCount';
const TREND_RATES =
  ' concernInspectionCount inspectionsInPeriod findingsPerInspection concernShare';
const PAIR_SELECTION = 'nodes { first { id } second { id } findingCount jaccard }';

const repeated = (args: Args): Drawn => ({ args, selection: REPEATED_SELECTION, paged: true });

/** The general breachCounts filters (sampled-argument-sets.ts), for families that add to them. */
const breachFilters = (pools: GraphPools) => ({
  ...PLACE_AND_PROVIDER,
  legislation: (r: Random, p: GraphPools) => ({ legislation: pick(r, p.legislation) }),
  regulation: (r: Random, p: GraphPools) => ({ regulation: pick(r, p.regulations) }),
  ...(pools.providerGroups.length === 0
    ? {}
    : {
        providerGroupId: (r: Random, p: GraphPools) => ({
          providerGroupId: pick(r, p.providerGroups),
        }),
      }),
});

const OTHER_GROUPS = Object.keys(BREACH_GROUPS);

export const FAMILIES: Record<QuestionName, readonly Family[]> = {
  repeatedBreaches: [
    {
      name: 'regulator+window',
      withTotal: 0.5,
      draw: (r, p) => repeated({ regulator: regulator(r).regulator, ...drawWindow(r, p) }),
    },
    {
      name: 'window from the data start',
      withTotal: 0.5,
      draw: (r, p) =>
        repeated({
          ...drawEarlyWindow(r, p),
          ...(r() < 0.5 ? { evidence: [e('DOCUMENTED'), e('STATED_REPEAT')] } : {}),
        }),
    },
    {
      name: 'regulation or legislation+window',
      draw: (r, p) =>
        repeated({
          ...(r() < 0.5
            ? { regulation: pick(r, p.regulations) }
            : { legislation: pick(r, p.legislation) }),
          ...drawWindow(r, p),
        }),
    },
    {
      name: 'provider group+window',
      draw: (r, p) =>
        repeated({
          ...(p.providerGroups.length > 0 ? { providerGroupId: pick(r, p.providerGroups) } : {}),
          ...drawWindow(r, p),
        }),
    },
    {
      name: 'evidence+minInspections+window',
      draw: (r, p) =>
        repeated({
          evidence: r() < 0.5 ? [e('DOCUMENTED')] : [e('DOCUMENTED'), e('STATED_REPEAT')],
          minInspections: 2 + Math.floor(r() * 3),
          ...drawWindow(r, p),
          ...(r() < 0.5 ? synthetic(r) : {}),
        }),
    },
  ],
  breachCounts: [
    {
      name: 'regulation key+YEAR, window off year boundaries',
      draw: (r, p) =>
        breachSet(
          pickSome(r, [r() < 0.5 ? 'REGULATION' : 'LEGISLATION', 'YEAR'], 2),
          drawOffYearWindow(r, p),
        ),
    },
    {
      name: 'YEAR+another, window open at one end off a year boundary',
      draw: (r, p) =>
        breachSet(
          [
            'YEAR',
            pick(
              r,
              OTHER_GROUPS.filter((g) => g !== 'YEAR'),
            ),
          ],
          drawOpenOffYearWindow(r, p),
        ),
    },
    {
      name: 'REGULATION (no year split), window off year boundaries',
      draw: (r, p) =>
        breachSet(
          r() < 0.5 ? ['REGULATION'] : ['REGULATION', pick(r, ['REGION', 'REGULATOR', 'PROVIDER'])],
          { ...drawOffYearWindow(r, p), ...(r() < 0.3 ? regulator(r) : {}) },
        ),
    },
    {
      name: 'rates selected, sometimes sorted by one',
      draw: (r, p) => {
        const groupBy = pickSome(r, OTHER_GROUPS, 1 + Math.floor(r() * 2));
        const filter = drawFilters(r, p, breachFilters(p));
        const sort: Args =
          r() < 0.5
            ? {
                sort: {
                  field: e(pick(r, ['REQUIREMENTS_PER_100_INSPECTIONS', 'INSPECTIONS_IN_GROUP'])),
                  direction: e(pick(r, ['ASC', 'DESC'])),
                },
              }
            : {};
        return breachSet(groupBy, filter, true, sort);
      },
    },
    {
      name: 'synthetic+regulation key+YEAR',
      draw: (r, p) =>
        breachSet(['REGULATION', 'YEAR'], {
          ...synthetic(r),
          ...(r() < 0.5 ? drawOffYearWindow(r, p) : {}),
        }),
    },
  ],
  themeTrends: [
    {
      name: 'place or provider group',
      draw: (r, p) => {
        const place = pick(
          r,
          p.providerGroups.length > 0
            ? ['region', 'localAuthority', 'providerGroupId']
            : ['region', 'localAuthority'],
        );
        const value =
          place === 'region'
            ? pick(r, p.regions)
            : place === 'localAuthority'
              ? pick(r, p.localAuthorities)
              : pick(r, p.providerGroups);
        return {
          args: {
            interval: e(pick(r, ['YEAR', 'QUARTER', 'MONTH'])),
            [place]: value,
            ...(r() < 0.5 ? drawWindow(r, p) : {}),
          },
          selection: TREND_SELECTION,
          paged: false,
        };
      },
    },
    {
      name: 'regulator+window off month boundaries',
      draw: (r, p) => ({
        args: {
          interval: e(pick(r, ['YEAR', 'QUARTER', 'MONTH'])),
          ...regulator(r),
          ...drawOffMonthWindow(r, p),
          ...(r() < 0.5 ? { themes: pickSome(r, p.themes, 1 + Math.floor(r() * 3)) } : {}),
        },
        selection: TREND_SELECTION,
        paged: false,
      }),
    },
    {
      name: 'rates selected, sometimes sorted by one',
      draw: (r, p) => ({
        args: {
          interval: e(pick(r, ['YEAR', 'QUARTER', 'MONTH'])),
          ...(r() < 0.5 ? drawWindow(r, p) : {}),
          ...(r() < 0.5 ? { themes: pickSome(r, p.themes, 1 + Math.floor(r() * 3)) } : {}),
          ...(r() < 0.5
            ? {
                sort: {
                  field: e(
                    pick(r, ['FINDINGS_PER_INSPECTION', 'CONCERN_SHARE', 'INSPECTIONS_IN_PERIOD']),
                  ),
                  direction: e(pick(r, ['ASC', 'DESC'])),
                },
              }
            : {}),
        },
        selection: TREND_SELECTION + TREND_RATES,
        paged: false,
      }),
    },
  ],
  themeCooccurrence: [
    {
      name: 'window off month boundaries+themes',
      draw: (r, p) => ({
        args: {
          filter: {
            ...drawOffMonthWindow(r, p),
            themes: pickSome(r, p.themes, 1 + Math.floor(r() * 2)),
          },
        },
        selection: PAIR_SELECTION,
        paged: true,
      }),
    },
    {
      name: 'local authority, provider or region+window',
      draw: (r, p) => {
        const place = pick(r, ['localAuthority', 'providerId', 'region'] as const);
        const value =
          place === 'localAuthority'
            ? pick(r, p.localAuthorities)
            : place === 'providerId'
              ? pick(r, p.providers)
              : pick(r, p.regions);
        return {
          args: { filter: { [place]: value, ...drawWindow(r, p) } },
          selection: PAIR_SELECTION,
          paged: true,
        };
      },
    },
    {
      name: 'sorted by JACCARD or FINDING_COUNT',
      draw: (r, p) => {
        const filter = drawFilters(r, p, {
          window: drawWindow,
          regulator,
          themes: (rr, pp) => ({ themes: pickSome(rr, pp.themes, 1) }),
          polarity: (rr) => ({ polarity: e(pick(rr, ['CONCERN', 'STRENGTH', 'NEUTRAL'])) }),
        });
        return {
          args: {
            ...(Object.keys(filter).length > 0 ? { filter } : {}),
            sort: {
              field: e(pick(r, ['JACCARD', 'FINDING_COUNT'])),
              direction: e(pick(r, ['ASC', 'DESC'])),
            },
          },
          selection: PAIR_SELECTION,
          paged: true,
        };
      },
    },
  ],
  ratingChanges: [
    {
      name: 'direction+window, total',
      withTotal: 1,
      draw: (r, p) => ({
        args: {
          direction: e(pick(r, ['UP', 'DOWN', 'SAME'])),
          ...drawWindow(r, p),
          ...(r() < 0.5 ? regulator(r) : {}),
        },
        selection: 'nodes { location { id } before { id } after { id } direction }',
        paged: true,
      }),
    },
    {
      name: 'synthetic+window, total',
      withTotal: 1,
      draw: (r, p) => ({
        args: { ...synthetic(r), ...drawWindow(r, p) },
        selection: 'nodes { location { id } before { id } after { id } direction }',
        paged: true,
      }),
    },
  ],
  enforcementActions: [
    {
      name: 'type+regulator+window, total',
      withTotal: 1,
      draw: (r, p) => ({
        args: {
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
          ...regulator(r),
          ...drawWindow(r, p),
        },
        selection: 'nodes { id type }',
        paged: true,
      }),
    },
  ],
  // Their arguments are a finding id and a phrase, drawn in full by the general sets.
  relatedFindings: [],
  search: [],
};

/** `perFamily` sets of every family of every question, in question then family order. */
export function drawFamilySets(pools: GraphPools, seed: number, perFamily: number): ArgumentSet[] {
  const sets: ArgumentSet[] = [];
  for (const [index, question] of QUESTIONS.entries()) {
    // Streams apart from the general draw's (seed * 1000 + index).
    const random = createRandom(seed * 1000 + 500 + index);
    for (const family of FAMILIES[question])
      for (let k = 0; k < perFamily; k += 1) {
        const drawn = family.draw(random, pools);
        const withTotal = drawn.paged && random() < (family.withTotal ?? 1 / 3);
        sets.push(toArgumentSet(question, drawn, withTotal, family.name));
      }
  }
  return sets;
}
