/**
 * Cross-source provider identity. Each source keeps its own Provider node (an Ofsted owner, a CQC
 * provider, a local authority); `(a)-[:SAME_AS {rule, value}]->(b)` says two of them are one
 * organisation, and by which rule:
 *   - `companies-house-number`: both carry the same (normalised) Companies House number;
 *   - `normalised-name`: both have the same normalised name (see provider-identity.ts) and no
 *     conflicting Companies House numbers.
 * Only providers of different sources (key prefixes) are linked; the link points from the
 * smaller id to the larger. Everything is MERGEd and stale links are removed, so running it again
 * changes nothing.
 */
import type { Database } from '../../db/executor.ts';
import { defineQuery, defineStatement, read } from '../../db/query.ts';
import { normaliseProviderName } from '../../model/provider-identity.ts';
import { bumpLinksVersion } from '../summaries/graph-version.ts';

const NAME_BATCH = 1000;

/** Providers whose normalised name was not yet computed from their current name. */
export const findUnnormalisedProviders = defineQuery<
  { limit: number },
  { id: string; name: string }
>({
  name: 'provider-identity.find-unnormalised',
  cypher: `MATCH (p:Provider) WHERE p.name IS NOT NULL AND (p.normalisedFrom IS NULL OR p.normalisedFrom <> p.name)
           RETURN p.id AS id, p.name AS name ORDER BY p.id LIMIT $limit`,
  parse: (row) => ({ id: read.string(row, 'id'), name: read.string(row, 'name') }),
});

export const writeNormalisedNames = defineStatement<{
  rows: { id: string; name: string; normalisedName: string | null }[];
}>(
  'provider-identity.write-normalised-names',
  `UNWIND $rows AS row
   MATCH (p:Provider {id: row.id})
   SET p.normalisedName = row.normalisedName, p.normalisedFrom = row.name`,
);

export const removeStaleLinks = defineStatement<object>(
  'provider-identity.remove-stale-links',
  `MATCH (a:Provider)-[s:SAME_AS]->(b:Provider)
   WHERE (s.rule = 'companies-house-number' AND (a.companiesHouseNumber IS NULL OR a.companiesHouseNumber <> coalesce(b.companiesHouseNumber, '')))
      OR (s.rule = 'normalised-name' AND (a.normalisedName IS NULL OR a.normalisedName <> coalesce(b.normalisedName, '')
          OR coalesce(a.companiesHouseNumber <> b.companiesHouseNumber, false)))
   DELETE s`,
);

export const linkByCompaniesHouseNumber = defineStatement<object>(
  'provider-identity.link-by-companies-house-number',
  `MATCH (a:Provider) WHERE a.companiesHouseNumber IS NOT NULL
   MATCH (b:Provider {companiesHouseNumber: a.companiesHouseNumber})
   WHERE a.id < b.id AND split(a.id, ':')[0] <> split(b.id, ':')[0]
   MERGE (a)-[s:SAME_AS]->(b)
   SET s.rule = 'companies-house-number', s.value = a.companiesHouseNumber`,
);

export const linkByNormalisedName = defineStatement<object>(
  'provider-identity.link-by-normalised-name',
  `MATCH (a:Provider) WHERE a.normalisedName IS NOT NULL
   MATCH (b:Provider {normalisedName: a.normalisedName})
   WHERE a.id < b.id AND split(a.id, ':')[0] <> split(b.id, ':')[0]
     AND NOT coalesce(a.companiesHouseNumber <> b.companiesHouseNumber, false)
     AND NOT EXISTS { (a)-[:SAME_AS {rule: 'companies-house-number'}]->(b) }
   MERGE (a)-[s:SAME_AS]->(b)
   SET s.rule = 'normalised-name', s.value = a.normalisedName`,
);

export const countLinks = defineQuery<object, { links: number }>({
  name: 'provider-identity.count-links',
  cypher: 'MATCH (:Provider)-[s:SAME_AS]->(:Provider) RETURN count(s) AS links',
  parse: (row) => ({ links: read.number(row, 'links') }),
});

/** Computes `normalisedName` (in TypeScript, the one place the rule lives) for providers lacking it. */
async function normaliseProviderNames(db: Database): Promise<void> {
  for (;;) {
    const pending = await db.read(findUnnormalisedProviders, { limit: NAME_BATCH });
    if (pending.length === 0) return;
    const rows = pending.map((p) => ({
      id: p.id,
      name: p.name,
      normalisedName: normaliseProviderName(p.name),
    }));
    await db.write(writeNormalisedNames, { rows });
  }
}

/** After a batch of files: create SAME_AS links between providers of different sources. Idempotent. Returns the number of links. */
export async function linkProviders(db: Database): Promise<number> {
  await normaliseProviderNames(db);
  await db.writeTransaction(async (tx) => {
    await tx.run(removeStaleLinks, {});
    await tx.run(linkByCompaniesHouseNumber, {});
    await tx.run(linkByNormalisedName, {});
    // The links are answers (Provider.sameAs): cached answers must not outlive them.
    await tx.run(bumpLinksVersion, {});
  });
  const [row] = await db.read(countLinks, {});
  return row?.links ?? 0;
}
