/**
 * Reads of provider groups (written by write/group-providers.ts): the groups, a group's providers
 * and locations, and the group of a provider or a location. A location's group is that of the
 * providers running it, one group by construction.
 */
import { defineQuery, read, type PlainRecord } from '../db/query.ts';
import type { Database } from '../db/executor.ts';
import { parsePageRecord, readAnswerPage, type PageRecord } from './read-page.ts';
import type { AnswerPage, PageArgs } from './page.ts';
import { parseRow, type LocationRow, type ProviderRow } from './rows.ts';

export interface ProviderGroupRow {
  id: string;
  name: string | null;
  providerCount: number;
  locationCount: number;
}

/** `g` bound to a ProviderGroup → its row as a map. */
const GROUP_ROW = `{id: g.id, name: g.name,
                    providerCount: COUNT { (g)<-[:IN_GROUP]-(:Provider) },
                    locationCount: COUNT { MATCH (g)<-[:IN_GROUP]-(:Provider)-[:RUNS]->(l:Location) RETURN DISTINCT l }}`;

function parseGroup(row: PlainRecord): ProviderGroupRow {
  return {
    id: read.string(row, 'id'),
    name: read.optionalString(row, 'name'),
    providerCount: read.number(row, 'providerCount'),
    locationCount: read.number(row, 'locationCount'),
  };
}

export interface ProviderGroupListArgs extends PageArgs {
  minProviders: number;
  nameContains: string | null;
}

/** Groups of at least `minProviders` providers, most locations first, then by id. */
export const providerGroupsQuery = defineQuery<ProviderGroupListArgs, PageRecord<ProviderGroupRow>>(
  {
    name: 'provider-groups.list',
    cypher: `
    MATCH (g:ProviderGroup)
    WHERE COUNT { (g)<-[:IN_GROUP]-(:Provider) } >= $minProviders
      AND ($nameContains IS NULL
           OR EXISTS { (g)<-[:IN_GROUP]-(p:Provider) WHERE toLower(p.name) CONTAINS toLower($nameContains) })
    WITH ${GROUP_ROW} AS grp
    ORDER BY grp.locationCount DESC, grp.id
    WITH collect(grp) AS groups
    RETURN size(groups) AS totalCount, groups[$skip..($skip + $first)] AS rows`,
    parse: parsePageRecord((row) => parseGroup(row)),
  },
);

export async function listProviderGroups(
  db: Database,
  args: ProviderGroupListArgs,
): Promise<AnswerPage<ProviderGroupRow>> {
  return readAnswerPage(db, providerGroupsQuery, args);
}

export const providerGroupsByIds = defineQuery<{ ids: readonly string[] }, ProviderGroupRow>({
  name: 'provider-groups.by-ids',
  cypher: `UNWIND $ids AS id MATCH (g:ProviderGroup {id: id}) WITH ${GROUP_ROW} AS grp RETURN grp`,
  parse: (row) => parseGroup(read.map(row, 'grp')),
});

/** The group of each provider, keyed by provider id. */
export const groupsOfProviders = defineQuery<
  { ids: readonly string[] },
  { key: string; group: ProviderGroupRow }
>({
  name: 'provider-groups.of-providers',
  cypher: `UNWIND $ids AS key
           MATCH (:Provider {id: key})-[:IN_GROUP]->(g:ProviderGroup)
           WITH key, ${GROUP_ROW} AS grp RETURN key, grp`,
  parse: (row) => ({ key: read.string(row, 'key'), group: parseGroup(read.map(row, 'grp')) }),
});

/** The group of each location (that of its providers), keyed by location id. */
export const groupsOfLocations = defineQuery<
  { ids: readonly string[] },
  { key: string; group: ProviderGroupRow }
>({
  name: 'provider-groups.of-locations',
  cypher: `UNWIND $ids AS key
           MATCH (:Location {id: key})<-[:RUNS]-(:Provider)-[:IN_GROUP]->(g:ProviderGroup)
           WITH key, g ORDER BY g.id
           WITH key, head(collect(g)) AS g
           WITH key, ${GROUP_ROW} AS grp RETURN key, grp`,
  parse: (row) => ({ key: read.string(row, 'key'), group: parseGroup(read.map(row, 'grp')) }),
});

/** A group's providers, by id. */
export const providersOfGroups = defineQuery<
  { ids: readonly string[] },
  { key: string; provider: ProviderRow }
>({
  name: 'provider-groups.providers',
  cypher: `UNWIND $ids AS key
           MATCH (:ProviderGroup {id: key})<-[:IN_GROUP]-(p:Provider)
           RETURN key, properties(p) AS node ORDER BY key, p.id`,
  parse: (row) => ({
    key: read.string(row, 'key'),
    provider: parseRow.provider(read.map(row, 'node')),
  }),
});

export interface GroupLocationArgs extends PageArgs {
  id: string;
}

/** A page of a group's locations, by name then id. */
export const locationsOfGroup = defineQuery<GroupLocationArgs, PageRecord<LocationRow>>({
  name: 'provider-groups.locations',
  cypher: `
    MATCH (:ProviderGroup {id: $id})<-[:IN_GROUP]-(:Provider)-[:RUNS]->(l:Location)
    WITH DISTINCT l ORDER BY l.name, l.id
    WITH collect(properties(l)) AS locations
    RETURN size(locations) AS totalCount, locations[$skip..($skip + $first)] AS rows`,
  parse: parsePageRecord((row) => parseRow.location(row)),
});

export async function listGroupLocations(
  db: Database,
  args: GroupLocationArgs,
): Promise<AnswerPage<LocationRow>> {
  return readAnswerPage(db, locationsOfGroup, args);
}

/** Rows by key in the order of `keys`, for DataLoaders. */
export async function readGroupsByKey(
  db: Database,
  query: typeof groupsOfProviders,
  keys: readonly string[],
): Promise<(ProviderGroupRow | null)[]> {
  const rows = await db.read(query, { ids: keys });
  const byKey = new Map(rows.map((r) => [r.key, r.group]));
  return keys.map((k) => byKey.get(k) ?? null);
}

export async function readGroupsById(
  db: Database,
  ids: readonly string[],
): Promise<(ProviderGroupRow | null)[]> {
  const rows = await db.read(providerGroupsByIds, { ids });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function readGroupProviders(
  db: Database,
  ids: readonly string[],
): Promise<ProviderRow[][]> {
  const rows = await db.read(providersOfGroups, { ids });
  return ids.map((id) => rows.filter((r) => r.key === id).map((r) => r.provider));
}
