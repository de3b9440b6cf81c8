/**
 * The change feed against a real Neo4j: what a load stamps, read through the API page by page,
 * resumed from a stored cursor on a new server instance, after re-ingests and a changed report,
 * and with two drivers loading at once. Expected changes are computed independently, from the
 * graph's own entities before and after each load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/db/driver.ts';
import { Database } from '../../src/db/executor.ts';
import { ingestFile, ingestText } from '../../src/load/ingest-files.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { inject } from 'vitest';
import { entityKeys, expectConsecutive, keyOf, readFeed } from '../support/change-feed.ts';
import { askGraphQL } from '../support/http.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

const SEED = 'seed/000_573f2340e3d978e1.txt';
const BROOKSIDE_2022 = 'tests/fixtures/reports/sc999001-2022-03-08.txt';
const BROOKSIDE_2023 = 'tests/fixtures/reports/sc999001-2023-02-14.txt';
const ASHGROVE = 'tests/fixtures/reports/sc999002-2023-05-10.txt';

describe('change feed', () => {
  let graph: TestGraph;
  let server: RunningServer | null = null;
  const start = async () =>
    startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db);

  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
  });

  afterAll(async () => {
    await server?.stop();
    await graph.close();
  });

  let stored: string | null = null;
  let lastSeq = 0;

  it('numbers one CREATED per entity of a first load, and serves each with its entity', async () => {
    expect((await ingestFile(SEED, { db: graph.db, force: false, meta: null })).status).toBe(
      'loaded',
    );
    server = await start();
    const { changes, cursor } = await readFeed(server.url, null);
    expectConsecutive(changes, 1);
    expect(changes.every((c) => c.kind === 'CREATED')).toBe(true);
    expect(new Set(changes.map(keyOf))).toEqual(await entityKeys(graph.db));
    expect(changes.length).toBe(new Set(changes.map(keyOf)).size);
    for (const change of changes) expect(change.entity?.id).toBe(change.entityId);
    const types = new Set(changes.map((c) => c.entity!.__typename));
    expect(types).toEqual(
      new Set([
        'Inspection',
        'Finding',
        'Requirement',
        'EnforcementAction',
        'Location',
        'Provider',
      ]),
    );
    stored = cursor;
    lastSeq = changes.length;
  });

  it('gives a client that kept its cursor exactly the later changes, on a new server instance', async () => {
    await server!.stop();
    server = null;
    const before = await entityKeys(graph.db);
    for (const file of [BROOKSIDE_2022, BROOKSIDE_2023])
      expect((await ingestFile(file, { db: graph.db, force: false, meta: null })).status).toBe(
        'loaded',
      );
    const after = await entityKeys(graph.db);
    server = await start();
    const { changes, cursor } = await readFeed(server.url, stored);
    expectConsecutive(changes, lastSeq + 1);
    const created = changes.filter((c) => c.kind === 'CREATED').map(keyOf);
    expect(new Set(created)).toEqual(new Set([...after].filter((key) => !before.has(key))));
    expect(created.length).toBe(new Set(created).size);
    // Nothing else but rating directions the later inspection moved at the same home.
    for (const change of changes.filter((c) => c.kind !== 'CREATED')) {
      expect(change.kind).toBe('CHANGED');
      expect(change.entityType).toBe('INSPECTION');
      expect(change.entityId.startsWith('ofsted:SC999001:')).toBe(true);
    }
    // Resumed again from the new cursor: nothing new.
    expect((await readFeed(server.url, cursor)).changes).toEqual([]);
    stored = cursor;
    lastSeq += changes.length;
  });

  it('writes no change when an unchanged report is loaded again', async () => {
    for (const file of [SEED, BROOKSIDE_2023])
      expect((await ingestFile(file, { db: graph.db, force: true, meta: null })).status).toBe(
        'loaded',
      );
    expect((await readFeed(server!.url, stored)).changes).toEqual([]);
  });

  it('marks what a changed version of a report rewrote REPLACED and what it dropped REMOVED', async () => {
    const original = readFileSync(BROOKSIDE_2023, 'utf8');
    const requirements = (
      await askGraphQL<{ inspection: { requirements: { id: string }[] } }>(
        server!.url,
        '{ inspection(id: "ofsted:SC999001:2023-02-14:full") { requirements { id } } }',
      )
    ).inspection.requirements.map((r) => r.id);
    const childrenBefore = [...(await entityKeys(graph.db))].filter((key) =>
      key.includes('ofsted:SC999001:2023-02-14:full/'),
    );
    // A corrected version: the same inspection with one more sentence in its summary.
    const changed = original.replace(
      /(\n[^\n]*children[^\n]*\.)(\n)/,
      '$1 This sentence was added in a corrected version of the report.$2',
    );
    expect(changed).not.toBe(original);
    const result = await ingestText(
      { text: changed, fileName: path.basename(BROOKSIDE_2023), format: 'txt' },
      { db: graph.db, force: false },
    );
    expect(result.status).toBe('loaded');
    const newSha = result.document!.source.sha256;
    const childrenAfter = [...(await entityKeys(graph.db))].filter((key) =>
      key.includes('ofsted:SC999001:2023-02-14:full/'),
    );
    const { changes, cursor } = await readFeed(server!.url, stored);
    expectConsecutive(changes, lastSeq + 1);
    const byKind = (kind: string) => new Set(changes.filter((c) => c.kind === kind).map(keyOf));
    const kept = childrenAfter.filter((key) => childrenBefore.includes(key));
    // Every child the old version wrote and the new one wrote again is REPLACED by the new report.
    expect(byKind('REPLACED')).toEqual(new Set(kept));
    expect(byKind('REMOVED')).toEqual(
      new Set(childrenBefore.filter((key) => !childrenAfter.includes(key))),
    );
    expect(byKind('CREATED')).toEqual(
      new Set(childrenAfter.filter((key) => !childrenBefore.includes(key))),
    );
    expect(requirements.length).toBeGreaterThan(0);
    for (const change of changes.filter((c) => c.kind === 'REPLACED'))
      expect(change.reportId).toBe(newSha);
    stored = cursor;
    lastSeq += changes.length;
  });

  it('starts at a graph version or a time given as since', async () => {
    const all = (await readFeed(server!.url, null)).changes;
    const pivot = all[Math.floor(all.length / 2)]!;
    const byVersion = (await readFeed(server!.url, null, { since: String(pivot.version - 1) }))
      .changes;
    expect(byVersion).toEqual(all.filter((c) => c.version >= pivot.version));
    const byTime = (await readFeed(server!.url, null, { since: pivot.at })).changes;
    expect(byTime).toEqual(all.filter((c) => c.at >= pivot.at));
    const findings = (await readFeed(server!.url, null, { types: ['FINDING'] })).changes;
    expect(findings).toEqual(all.filter((c) => c.entityType === 'FINDING'));
  });

  it('numbers the changes of two drivers loading at once without gaps or repeats', async () => {
    const connection = inject('neo4j');
    const drivers = [createDriver(connection), createDriver(connection)];
    try {
      const dbs = drivers.map((driver) => new Database(driver, connection.database, 60_000));
      const before = await entityKeys(graph.db);
      const corpus = 'tests/fixtures/corpus/text';
      const { readdirSync } = await import('node:fs');
      const files = readdirSync(corpus)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => path.join(corpus, name));
      const halves = [
        files.filter((_f, i) => i % 2 === 0),
        [ASHGROVE, ...files.filter((_f, i) => i % 2 === 1)],
      ];
      await Promise.all(
        halves.map(async (half, k) => {
          for (const file of half)
            expect((await ingestFile(file, { db: dbs[k]!, force: false, meta: null })).status).toBe(
              'loaded',
            );
        }),
      );
      const after = await entityKeys(graph.db);
      const { changes } = await readFeed(server!.url, stored);
      expectConsecutive(changes, lastSeq + 1);
      const created = changes.filter((c) => c.kind === 'CREATED').map(keyOf);
      expect(new Set(created)).toEqual(new Set([...after].filter((key) => !before.has(key))));
      expect(created.length).toBe(new Set(created).size);
      // Commit order: versions and times never go back as seq grows.
      for (let i = 1; i < changes.length; i += 1) {
        expect(changes[i]!.version).toBeGreaterThanOrEqual(changes[i - 1]!.version);
        expect(changes[i]!.at >= changes[i - 1]!.at).toBe(true);
      }
    } finally {
      await Promise.all(drivers.map((driver) => driver.close()));
    }
  });
});
