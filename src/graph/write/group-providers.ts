/**
 * Provider groups: the providers that are one organisation, or run the same homes, seen together.
 * Two providers are in one group when a chain of these links joins them:
 *   - `SAME_AS` (link-providers.ts: the same Companies House number, or the same normalised name
 *     with no conflicting numbers, across sources);
 *   - both run the same location: a report names one as its registered provider and a data file
 *     another (the BuzzFeed ownership list's owner, a CQC listing's provider).
 * So every provider of a location is in the location's one group. Every provider is in exactly
 * one group (alone if nothing links it): `(p)-[:IN_GROUP]->(:ProviderGroup {id, name})`, the id
 * `provider-group:<the smallest member id>`, the name that of the member running most locations.
 * Recomputed whole after provider linking; MERGEd, stale groups and memberships removed, so
 * running it again changes nothing.
 */
import type { Database } from '../../db/executor.ts';
import { defineQuery, defineStatement, read } from '../../db/query.ts';
import { bumpLinksVersion } from '../summaries/graph-version.ts';

const WRITE_BATCH = 2000;

/** Every provider with its name and the number of locations it runs. */
export const readGroupMembers = defineQuery<
  object,
  { id: string; name: string | null; locations: number }
>({
  name: 'provider-groups.read-members',
  cypher: `MATCH (p:Provider)
           RETURN p.id AS id, p.name AS name, COUNT { (p)-[:RUNS]->(:Location) } AS locations
           ORDER BY id`,
  parse: (row) => ({
    id: read.string(row, 'id'),
    name: read.optionalString(row, 'name'),
    locations: read.number(row, 'locations'),
  }),
});

/** Pairs of providers a group joins: SAME_AS, and two providers of one location. */
export const readGroupLinks = defineQuery<object, { a: string; b: string }>({
  name: 'provider-groups.read-links',
  cypher: `MATCH (a:Provider)-[:SAME_AS]->(b:Provider) RETURN a.id AS a, b.id AS b
           UNION
           MATCH (a:Provider)-[:RUNS]->(:Location)<-[:RUNS]-(b:Provider) WHERE a.id < b.id
           RETURN a.id AS a, b.id AS b`,
  parse: (row) => ({ a: read.string(row, 'a'), b: read.string(row, 'b') }),
});

export const removeStaleGroups = defineStatement<{ ids: string[] }>(
  'provider-groups.remove-stale',
  `MATCH (g:ProviderGroup) WHERE NOT g.id IN $ids DETACH DELETE g`,
);

export const writeGroups = defineStatement<{
  groups: { id: string; name: string | null; members: string[] }[];
}>(
  'provider-groups.write',
  `UNWIND $groups AS grp
   MERGE (g:ProviderGroup {id: grp.id})
   SET g.name = grp.name
   WITH g, grp
   CALL (g, grp) {
     MATCH (p:Provider)-[r:IN_GROUP]->(g) WHERE NOT p.id IN grp.members DELETE r
   }
   WITH g, grp
   UNWIND grp.members AS member
   MATCH (p:Provider {id: member})
   MERGE (p)-[:IN_GROUP]->(g)
   WITH p, g
   MATCH (p)-[other:IN_GROUP]->(h:ProviderGroup) WHERE h <> g
   DELETE other`,
);

export interface ProviderGroupPlan {
  id: string;
  name: string | null;
  members: string[];
}

/** Connected components of the links over the providers (pure). */
export function planProviderGroups(
  members: readonly { id: string; name: string | null; locations: number }[],
  links: readonly { a: string; b: string }[],
): ProviderGroupPlan[] {
  const parent = new Map<string, string>(members.map((m) => [m.id, m.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const { a, b } of links) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const [ra, rb] = [find(a), find(b)];
    // The smaller id is the root, so a group's id is its smallest member's.
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, (typeof members)[number][]>();
  for (const m of members) {
    const root = find(m.id);
    groups.set(root, [...(groups.get(root) ?? []), m]);
  }
  return [...groups.entries()].map(([root, list]) => {
    const namer = [...list].sort((x, y) => y.locations - x.locations || (x.id < y.id ? -1 : 1))[0]!;
    return {
      id: `provider-group:${root}`,
      name: namer.name,
      members: list.map((m) => m.id).sort(),
    };
  });
}

/** Recomputes every group; returns how many groups have more than one provider. */
export async function groupProviders(db: Database): Promise<number> {
  const members = await db.read(readGroupMembers, {});
  const links = await db.read(readGroupLinks, {});
  const groups = planProviderGroups(members, links);
  await db.writeTransaction(async (tx) => {
    await tx.run(removeStaleGroups, { ids: groups.map((g) => g.id) });
    for (let i = 0; i < groups.length; i += WRITE_BATCH)
      await tx.run(writeGroups, { groups: groups.slice(i, i + WRITE_BATCH) });
    // Groups are answers (ProviderGroup, providerGroupId filters, repeatedBreachesByProviderGroup):
    // an answer cached between the load's commit and this step must not outlive the regrouping.
    await tx.run(bumpLinksVersion, {});
  });
  return groups.filter((g) => g.members.length > 1).length;
}
