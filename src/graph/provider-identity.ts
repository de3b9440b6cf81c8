/**
 * Reads of cross-source provider identity (see src/graph/write/link-providers.ts): each
 * provider's Companies House number and its SAME_AS matches in either direction, for many
 * providers in one query.
 */
import type { Database } from '../db/executor.ts';
import { defineQuery, read } from '../db/query.ts';
import type { ProviderRow } from './rows.ts';

export type ProviderMatchRuleName = 'companies-house-number' | 'normalised-name';

export interface ProviderMatchRow {
  provider: ProviderRow;
  rule: ProviderMatchRuleName;
  value: string;
}

export interface ProviderIdentity {
  companiesHouseNumber: string | null;
  sameAs: ProviderMatchRow[];
}

function readRule(value: string): ProviderMatchRuleName {
  if (value === 'companies-house-number' || value === 'normalised-name') return value;
  throw new TypeError(`SAME_AS rule "${value}" is not known`);
}

export const providerIdentities = defineQuery<
  { ids: readonly string[] },
  { id: string } & ProviderIdentity
>({
  name: 'provider-identity.by-ids',
  cypher: `UNWIND $ids AS id
           MATCH (p:Provider {id: id})
           OPTIONAL MATCH (p)-[s:SAME_AS]-(o:Provider)
           WITH p, s, o ORDER BY o.id
           RETURN p.id AS id, p.companiesHouseNumber AS companiesHouseNumber,
                  [x IN collect(CASE WHEN o IS NULL THEN null ELSE {id: o.id, name: o.name, address: o.address, synthetic: coalesce(o.synthetic, false), rule: s.rule, value: s.value} END) WHERE x IS NOT NULL] AS sameAs`,
  parse: (row) => ({
    id: read.string(row, 'id'),
    companiesHouseNumber: read.optionalString(row, 'companiesHouseNumber'),
    sameAs: read.list(row, 'sameAs').map((m) => ({
      provider: {
        id: read.string(m, 'id'),
        name: read.optionalString(m, 'name'),
        address: read.optionalString(m, 'address'),
        synthetic: m.synthetic === true,
      },
      rule: readRule(read.string(m, 'rule')),
      value: read.string(m, 'value'),
    })),
  }),
});

/** Identity of each provider id, in the order asked; a provider not in the graph has none. */
export async function readProviderIdentities(
  db: Database,
  ids: readonly string[],
): Promise<ProviderIdentity[]> {
  const rows = await db.read(providerIdentities, { ids });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? { companiesHouseNumber: null, sameAs: [] });
}
