/**
 * Reading the change feed through the API, and the graph's own entities as the independent side
 * of each check (tests/integration/change-feed.test.ts, two-servers.test.ts).
 */
import { expect } from 'vitest';
import type { Database } from '../../src/db/executor.ts';
import { defineQuery, read } from '../../src/db/query.ts';
import { askGraphQL } from './http.ts';

/** Every entity the feed follows, as `TYPE id`. */
export const readEntities = defineQuery<object, { key: string }>({
  name: 'test.feed-entities',
  cypher: `
    MATCH (n) WHERE n:Inspection OR n:Finding OR n:Requirement OR n:EnforcementAction OR n:Location OR n:Provider
    RETURN CASE WHEN n:Inspection THEN 'INSPECTION' WHEN n:Finding THEN 'FINDING'
      WHEN n:Requirement THEN 'REQUIREMENT' WHEN n:EnforcementAction THEN 'ENFORCEMENT'
      WHEN n:Location THEN 'LOCATION' ELSE 'PROVIDER' END + ' ' + n.id AS key`,
  parse: (row) => ({ key: read.string(row, 'key') }),
});

export async function entityKeys(db: Database): Promise<Set<string>> {
  return new Set((await db.read(readEntities, {})).map((row) => row.key));
}

export interface FeedChange {
  seq: string;
  version: number;
  at: string;
  kind: string;
  entityType: string;
  entityId: string;
  reportId: string | null;
  entity: { __typename: string; id: string } | null;
}

const CHANGES = `query Feed($after: String, $since: String, $types: [ChangeEntityType!], $first: Int) {
  changes(first: $first, after: $after, since: $since, types: $types) {
    edges { cursor node { seq version at kind entityType entityId reportId
      entity { __typename ... on Inspection { id } ... on Finding { id } ... on Requirement { id }
        ... on EnforcementAction { id } ... on Location { id } ... on Provider { id } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface FeedPage {
  changes: FeedChange[];
  cursor: string | null;
  hasNextPage: boolean;
}

/** One page of the feed after `cursor` from the server at `url`. */
export async function readFeedPage(
  url: string,
  cursor: string | null,
  extra: { since?: string; types?: string[]; first?: number } = {},
): Promise<FeedPage> {
  const data = await askGraphQL<{
    changes: {
      edges: { cursor: string; node: FeedChange }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  }>(url, CHANGES, { after: cursor, first: 100, ...extra });
  return {
    changes: data.changes.edges.map((edge) => edge.node),
    cursor: data.changes.pageInfo.endCursor,
    hasNextPage: data.changes.pageInfo.hasNextPage,
  };
}

/** Every change after `cursor`, page by page, and the cursor to keep. */
export async function readFeed(
  url: string,
  cursor: string | null,
  extra: { since?: string; types?: string[] } = {},
): Promise<{ changes: FeedChange[]; cursor: string | null }> {
  const changes: FeedChange[] = [];
  for (;;) {
    const page = await readFeedPage(url, cursor, extra);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasNextPage) return { changes, cursor };
  }
}

export const keyOf = (change: FeedChange) => `${change.entityType} ${change.entityId}`;

/** Seqs are whole numbers from `from`, one after the other. */
export function expectConsecutive(changes: FeedChange[], from: number): void {
  expect(changes.map((c) => Number(c.seq))).toEqual(changes.map((_c, i) => from + i));
}
