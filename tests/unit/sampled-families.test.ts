import { describe, expect, it } from 'vitest';
import { drawArgumentSets } from '../../bench/sampled-argument-sets.ts';
import {
  drawFamilySets,
  drawOffMonthWindow,
  drawOffYearWindow,
  drawOpenOffYearWindow,
  FAMILIES,
} from '../../bench/sampled-families.ts';
import type { GraphPools } from '../../bench/sampled-graph-pools.ts';
import { createRandom } from '../../bench/seeded-random.ts';

const pools: GraphPools = {
  regulations: ['CHR2015:12', 'CHR2015:13', 'HSCA2014:12'],
  legislation: ['CHR2015', 'HSCA2014'],
  regions: ['London', 'North East'],
  localAuthorities: ['Camden', 'Leeds'],
  providers: ['P1', 'P2'],
  providerGroups: ['G1'],
  themes: ['safeguarding', 'staffing', 'medicines'],
  firstDate: '2016-01-04',
  lastDate: '2025-12-19',
  findingIds: ['f1', 'f2'],
  phrases: ['staff training'],
  describe: () => 'test pools',
};

const years = (window: Record<string, unknown>) => ({
  from: window.from as string | undefined,
  to: window.to as string | undefined,
});

describe('the shape families of the sampled-arguments bench', () => {
  it('draws windows off year boundaries that span a new year', () => {
    const random = createRandom(7);
    for (let k = 0; k < 500; k += 1) {
      const { from, to } = years(drawOffYearWindow(random, pools));
      expect(from).not.toMatch(/-01-01$/);
      expect(to).not.toMatch(/-12-31$/);
      expect(Number(to!.slice(0, 4))).toBeGreaterThan(Number(from!.slice(0, 4)));
    }
  });

  it('draws open windows whose closed end is off a year boundary, and month windows off month starts', () => {
    const random = createRandom(8);
    for (let k = 0; k < 500; k += 1) {
      const open = years(drawOpenOffYearWindow(random, pools));
      expect((open.from === undefined) !== (open.to === undefined)).toBe(true);
      expect(open.from ?? '').not.toMatch(/-01-01$/);
      expect(open.to ?? '').not.toMatch(/-12-31$/);
      const month = years(drawOffMonthWindow(random, pools));
      expect(month.from).not.toMatch(/-01$/);
      expect(month.to! > month.from!).toBe(true);
    }
  });

  it('gives the same sets for a seed, other sets for another, and leaves the general draw alone', () => {
    const first = drawFamilySets(pools, 1, 3);
    expect(drawFamilySets(pools, 1, 3)).toEqual(first);
    expect(drawFamilySets(pools, 2, 3)).not.toEqual(first);
    const families = Object.values(FAMILIES).reduce((n, list) => n + list.length, 0);
    expect(first).toHaveLength(families * 3);
    expect(new Set(first.map((set) => `${set.question}: ${set.family}`)).size).toBe(families);
    // The general sets of a seed are what earlier sessions measured: no family draws from their streams.
    const general = drawArgumentSets(pools, 1, 10);
    expect(general.every((set) => set.family === undefined)).toBe(true);
    expect(drawArgumentSets(pools, 1, 10)).toEqual(general);
  });

  it('asks breachCounts split by year over a window off year boundaries, and rates', () => {
    const sets = drawFamilySets(pools, 1, 3).filter((set) => set.question === 'breachCounts');
    const yearSplit = sets.filter((set) => set.family?.startsWith('regulation key+YEAR'));
    expect(yearSplit).toHaveLength(3);
    for (const set of yearSplit) {
      expect(set.graphql).toMatch(
        /groupBy: \[(REGULATION|LEGISLATION|YEAR), (REGULATION|LEGISLATION|YEAR)\]/,
      );
      expect(set.graphql).toMatch(/from: "\d{4}-\d{2}-\d{2}", to: "\d{4}-\d{2}-\d{2}"/);
    }
    expect(sets.some((set) => set.graphql.includes('requirementsPer100Inspections'))).toBe(true);
  });
});
