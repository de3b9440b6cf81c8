/**
 * The first queries a server answers are recorded with their parameters and can be run again on
 * the real Neo4j as they were sent (what `npm start` does at its next start: db/first-queries.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FirstQueryRecorder,
  readFirstQueries,
  ReplaysInFlight,
  replayFirstQueries,
} from '../../src/db/first-queries.ts';
import { defineQuery } from '../../src/db/query.ts';
import { refreshSummaries } from '../../src/graph/summaries/refresh-summaries.ts';
import { startServer, type RunningServer } from '../../src/server/app.ts';
import { postGraphQL } from '../support/http.ts';
import { connectTestGraph, resetTestGraph, type TestGraph } from '../support/test-graph.ts';

describe('the first queries of a server, recorded and run again', () => {
  let graph: TestGraph;
  let server: RunningServer;
  let dir: string;
  let recorder: FirstQueryRecorder;
  const sent: string[] = [];
  beforeAll(async () => {
    graph = connectTestGraph();
    await resetTestGraph(graph);
    // Fresh summaries, so the questions read them (their parameters carry more types).
    await refreshSummaries(graph.db);
    dir = mkdtempSync(path.join(tmpdir(), 'first-queries-'));
    recorder = new FirstQueryRecorder(path.join(dir, 'first-queries.json'));
    server = await startServer({ host: '127.0.0.1', port: 0, ingestToken: null }, graph.db, {
      recordQueries: recorder.record,
      onRequestQueries: (names) => sent.push(...names),
    });
  });
  afterAll(async () => {
    await server.stop();
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records each read a request ran, in order, and each runs again without error', async () => {
    for (const question of [
      '{ breachCounts(groupBy: [REGULATION], first: 5) { totalCount nodes { requirementCount } } }',
      '{ ratingChanges(direction: DOWN, first: 3) { totalCount nodes { direction } } }',
      '{ search(text: "medication records", first: 2) { score } }',
      '{ breachCounts(groupBy: [REGULATION], first: 5) { totalCount } }',
    ]) {
      const response = await postGraphQL(server.url, question);
      expect(response.body.errors).toBeUndefined();
    }
    recorder.write();
    const recorded = readFirstQueries(path.join(dir, 'first-queries.json'));
    // Every distinct query the requests sent (those run together in the order they ended).
    expect(recorded.map((entry) => entry.name).sort()).toEqual([...new Set(sent)].sort());
    expect(recorded.length).toBeGreaterThanOrEqual(3);
    const replayed = await replayFirstQueries(
      (query, params) => graph.db.read(query, params),
      recorded,
    );
    // Parameters read back from JSON keep their Neo4j types: SKIP and LIMIT refuse a float.
    expect(replayed).toMatchObject({ ran: recorded.length, failed: 0 });
  });

  it('a query waits for the replay of its own text under way, and no other', async () => {
    const replays = new ReplaysInFlight();
    const db = graph.db.withReplays(replays);
    const same = defineQuery({ name: 'test.same', cypher: 'RETURN 1 AS n', parse: (row) => row.n });
    const other = defineQuery({
      name: 'test.other',
      cypher: 'RETURN 2 AS n',
      parse: (row) => row.n,
    });
    let release!: () => void;
    const replaying = replays.run(
      same.cypher,
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    const events: string[] = [];
    const sameRead = db.read(same, {}).then((rows) => events.push(`same ${rows.join()}`));
    expect(await db.read(other, {})).toEqual([2]);
    events.push('other');
    release();
    events.push('replay done');
    await Promise.all([replaying, sameRead]);
    expect(events).toEqual(['other', 'replay done', 'same 1']);
  });
});
