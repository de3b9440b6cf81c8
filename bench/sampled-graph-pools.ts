/**
 * What bench/sampled-arguments.ts draws its arguments from, read from the graph itself: every
 * regulation and legislation something is required or enforced under, the regions, local
 * authorities, providers running a location, provider groups, themes, the first and last
 * inspection dates, and (by seeded random dates, each the nearest inspection on or after it)
 * finding ids and two-word phrases of finding text. Every list is sorted, so a seed and a graph
 * give the same pools.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { createRandom, type Random } from './seeded-random.ts';

export interface GraphPools {
  regulations: string[];
  legislation: string[];
  regions: string[];
  localAuthorities: string[];
  providers: string[];
  providerGroups: string[];
  themes: string[];
  /** ISO dates of the first and last inspection. */
  firstDate: string;
  lastDate: string;
  findingIds: string[];
  phrases: string[];
  describe(): string;
}

async function readColumn(driver: Driver, cypher: string, params = {}): Promise<string[]> {
  const result = await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });
  return result.records.map((record) => String(record.get(0)));
}

/** Days since 1970-01-01 of an ISO date, and back. */
export function toDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

export function fromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Up to `count` findings, each of the first inspection on or after a random date, and phrases of their text. */
async function drawFindings(
  driver: Driver,
  random: Random,
  firstDay: number,
  lastDay: number,
  count: number,
): Promise<{ ids: string[]; phrases: string[] }> {
  const ids: string[] = [];
  const phrases: string[] = [];
  for (let k = 0; k < count; k += 1) {
    const day = fromDay(firstDay + Math.floor(random() * (lastDay - firstDay + 1)));
    const result = await driver.executeQuery(
      `MATCH (i:Inspection) WHERE i.startDate >= date($day)
       WITH i ORDER BY i.startDate LIMIT 20
       MATCH (i)-[:FOUND]->(f:Finding) WHERE EXISTS { (f)-[:ABOUT]->() }
       WITH f ORDER BY f.id LIMIT 1
       RETURN f.id AS id, f.text AS text`,
      { day },
      { routing: neo4j.routing.READ },
    );
    const record = result.records[0];
    if (!record) continue;
    ids.push(String(record.get('id')));
    const words = String(record.get('text'))
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length >= 5);
    if (words.length >= 2) {
      const at = Math.floor(random() * (words.length - 1));
      phrases.push(`${words[at]} ${words[at + 1]}`);
    }
  }
  return { ids, phrases };
}

export async function readGraphPools(driver: Driver, seed: number): Promise<GraphPools> {
  const regulations = await readColumn(
    driver,
    'MATCH (g:Regulation) WHERE EXISTS { (g)<-[:UNDER]-() } RETURN g.id ORDER BY g.id',
  );
  const legislation = await readColumn(
    driver,
    'MATCH (leg:Legislation) WHERE EXISTS { (leg)<-[:PART_OF]-(:Regulation)<-[:UNDER]-() } RETURN leg.id ORDER BY leg.id',
  );
  const regions = await readColumn(
    driver,
    'MATCH (l:Location) WHERE l.region IS NOT NULL RETURN DISTINCT l.region AS r ORDER BY r',
  );
  const localAuthorities = await readColumn(
    driver,
    'MATCH (l:Location) WHERE l.localAuthority IS NOT NULL RETURN DISTINCT l.localAuthority AS a ORDER BY a',
  );
  const providers = await readColumn(
    driver,
    'MATCH (p:Provider) WHERE EXISTS { (p)-[:RUNS]->() } RETURN p.id ORDER BY p.id',
  );
  const providerGroups = await readColumn(
    driver,
    'MATCH (g:ProviderGroup) RETURN g.id ORDER BY g.id',
  );
  const themes = await readColumn(driver, 'MATCH (t:Theme) RETURN t.id ORDER BY t.id');
  const [firstDate, lastDate] = await Promise.all(
    ['ASC', 'DESC'].map(
      async (direction) =>
        (
          await readColumn(
            driver,
            `MATCH (i:Inspection) WHERE i.startDate IS NOT NULL RETURN toString(i.startDate) ORDER BY i.startDate ${direction} LIMIT 1`,
          )
        )[0]!,
    ),
  );
  // Its own stream of the seed, so the argument sets do not move when this draws more or fewer.
  const found = await drawFindings(
    driver,
    createRandom(seed * 7919 + 17),
    toDay(firstDate!),
    toDay(lastDate!),
    60,
  );
  const pools = {
    regulations,
    legislation,
    regions,
    localAuthorities,
    providers,
    providerGroups,
    themes,
    firstDate: firstDate!,
    lastDate: lastDate!,
    findingIds: found.ids,
    phrases: found.phrases,
  };
  for (const [name, list] of Object.entries(pools))
    if (Array.isArray(list) && list.length === 0 && name !== 'providerGroups')
      throw new Error(`the graph has no ${name} to draw arguments from: is it loaded?`);
  return {
    ...pools,
    describe: () =>
      `${regulations.length} regulations, ${legislation.length} legislation, ${regions.length} regions, ${localAuthorities.length} local authorities, ${providers.length} providers, ${providerGroups.length} provider groups, ${themes.length} themes, inspections ${firstDate} to ${lastDate}`,
  };
}
