/**
 * The Cypher of every named query the project sends, against a snapshot
 * (`__snapshots__/cypher-snapshots.test.ts.snap`): a change to a query shows in review as a diff
 * of its text, and one nobody meant fails here. Accept an intended change with
 * `npx vitest run --project unit -u tests/unit/cypher-snapshots.test.ts`.
 *
 * The queries are found, not listed: every module under src/ that defines queries is imported and
 * each exported NamedQuery taken (also inside exported objects and arrays), then the queries
 * built per name (a list per sort, a traversal, a child page, a node kind's lookup, the schema
 * statements). A query defined under a literal name but not exported fails the first test.
 * What runs them against a real Neo4j is the integration suite's business.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import type { NamedQuery } from '../../src/db/query.ts';
import { schemaStatements } from '../../src/graph/schema/migrations.ts';
import { CHILD_PAGES, childPageQuery, type ChildPageName } from '../../src/graph/child-pages.ts';
import { LISTS, listQuery, type ListName } from '../../src/graph/lists.ts';
import { NODE_KINDS, type NodeKind } from '../../src/graph/node-kinds.ts';
import {
  TRAVERSALS,
  traversalQuery,
  nodesByKeyQuery,
  type TraversalName,
} from '../../src/graph/traversals.ts';

type AnyQuery = NamedQuery<object, unknown>;

function isNamedQuery(value: unknown): value is AnyQuery {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AnyQuery).name === 'string' &&
    typeof (value as AnyQuery).cypher === 'string'
  );
}

/** NamedQueries in an exported value: itself, or one level inside an object or array. */
function queriesIn(value: unknown): AnyQuery[] {
  if (isNamedQuery(value)) return [value];
  if (Array.isArray(value)) return value.filter(isNamedQuery);
  if (typeof value === 'object' && value !== null) return Object.values(value).filter(isNamedQuery);
  return [];
}

function listSourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return listSourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** Modules that call defineQuery or defineStatement (the entry points under src/cli and src/app/main.ts define none). */
const DEFINING_MODULES = listSourceFiles(path.join(PROJECT_ROOT, 'src')).filter((file) =>
  /\bdefine(?:Query|Statement)\s*[<(]/.test(readFileSync(file, 'utf8')),
);

async function collectStaticQueries(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const file of DEFINING_MODULES) {
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      for (const query of queriesIn(value)) found.set(query.name, query.cypher);
    }
  }
  return found;
}

function collectBuiltQueries(): Map<string, string> {
  const built: AnyQuery[] = [
    ...(Object.keys(LISTS) as ListName[]).flatMap((name) =>
      Object.keys(LISTS[name].sorts).flatMap((sort) => [
        listQuery(name, sort, 'ASC').query as AnyQuery,
        listQuery(name, sort, 'DESC', false).query as AnyQuery,
      ]),
    ),
    ...(Object.keys(TRAVERSALS) as TraversalName[]).map((name) => traversalQuery(name) as AnyQuery),
    ...(Object.keys(CHILD_PAGES) as ChildPageName[]).map(
      (name) => childPageQuery(name) as AnyQuery,
    ),
    ...(Object.keys(NODE_KINDS) as NodeKind[]).map((kind) => nodesByKeyQuery(kind) as AnyQuery),
    ...schemaStatements(),
  ];
  return new Map(built.map((query) => [query.name, query.cypher]));
}

/** The names written as string literals where queries are defined: every one must be found. */
function readLiteralNames(): string[] {
  const literal = /define(?:Query|Statement)\s*(?:<[^()]*?>)?\(\s*(?:\{\s*name:\s*)?'([^']+)'/g;
  return DEFINING_MODULES.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(literal)].map((match) => match[1]!),
  );
}

const staticQueries = await collectStaticQueries();
const builtQueries = collectBuiltQueries();

describe('Cypher snapshots', () => {
  it('finds every query defined under a literal name (a query must be exported to be snapshotted)', () => {
    const names = readLiteralNames();
    expect(names.length).toBeGreaterThan(60);
    expect(names.filter((name) => !staticQueries.has(name) && !builtQueries.has(name))).toEqual([]);
    expect(builtQueries.size).toBeGreaterThan(20);
  });

  it.each([...staticQueries.keys()].sort())('%s', (name) => {
    expect(staticQueries.get(name)).toMatchSnapshot();
  });

  it.each([...builtQueries.keys()].sort())('built: %s', (name) => {
    expect(builtQueries.get(name)).toMatchSnapshot();
  });
});
