/**
 * `npm run sync -- --cqc` against a stand-in CQC API on 127.0.0.1 serving real records
 * (tests/fixtures/cqc-api/README.md) through the real pipeline into the real Neo4j: paging,
 * retries on 429 (Retry-After honoured), 500 and malformed bodies (a record, a changes page), a
 * location gone (404), the checkpoint in the graph, a second run that asks the network for
 * nothing, a re-run read from the cache, a run killed midway that resumes from the checkpoint,
 * and a window that cannot be fetched reported in one line without moving the checkpoint.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineQuery, read } from '../../src/db/query.ts';
import { readSyncCheckpoint } from '../../src/graph/sync-checkpoint.ts';
import { CQC_API_FIXTURES } from '../support/cqc-api-server.ts';
import {
  ARRETA_PDF,
  GONE,
  isChangesPage,
  isPath,
  ORDINARY,
  ORDINARY_PROVIDER,
  ROSE,
  ROSE_REPORT,
  RUN_TIMEOUT_MS,
  startSync,
  SYNC_ARGS,
  useSyncSuite,
  W1,
  W2,
} from '../support/sync-cqc-run.ts';

const REPORTS = new Map([[ROSE_REPORT, ARRETA_PDF]]);

const readInspections = defineQuery<
  object,
  { location: string; id: string; startDate: string; grade: string | null }
>({
  name: 'test.sync-inspections',
  cypher: `MATCH (l:Location)<-[:OF]-(i:Inspection)
           RETURN l.id AS location, i.id AS id, toString(i.startDate) AS startDate, i.overallGrade AS grade
           ORDER BY id`,
  parse: (row) => ({
    location: read.string(row, 'location'),
    id: read.string(row, 'id'),
    startDate: read.string(row, 'startDate'),
    grade: read.optionalString(row, 'grade'),
  }),
});

const countInspections = defineQuery<object, { count: number }>({
  name: 'test.sync-inspection-count',
  cypher: 'MATCH (i:Inspection) RETURN count(i) AS count',
  parse: (row) => ({ count: read.number(row, 'count') }),
});

/**
 * The inspections the served records and report should leave, worked out from the fixture
 * files alone: a record's rated reports (the current rating's and each historic rating's
 * reportLinkId) are its inspections, dated by their reports[] firstVisitDate, all five key
 * questions rated in each here (so `full`); plus the stand-in PDF served as Rose's report,
 * whose first day of inspection activity is 19 October 2023 and overall rating Good (read by
 * hand from its text, tests/fixtures/corpus/cqc/cqc_arreta-care-limited_2023-11-14.txt).
 */
function expectedInspections(): {
  location: string;
  id: string;
  startDate: string;
  grade: string;
}[] {
  const rows: { location: string; id: string; startDate: string; grade: string }[] = [];
  for (const locationId of [ROSE, ORDINARY]) {
    const record = JSON.parse(
      readFileSync(path.join(CQC_API_FIXTURES, 'locations', `${locationId}.json`), 'utf8'),
    ) as {
      reports: { linkId: string; firstVisitDate: string }[];
      currentRatings: { overall: { reportLinkId: string; rating: string } };
      historicRatings?: { reportLinkId: string; overall: { rating: string } }[];
    };
    const rated = [
      {
        link: record.currentRatings.overall.reportLinkId,
        rating: record.currentRatings.overall.rating,
      },
      ...(record.historicRatings ?? []).map((h) => ({
        link: h.reportLinkId,
        rating: h.overall.rating,
      })),
    ];
    for (const { link, rating } of rated) {
      const report = record.reports.find((r) => r.linkId === link);
      if (!report) throw new Error(`fixture ${locationId}: no report ${link}`);
      rows.push({
        location: `cqc:${locationId}`,
        id: `cqc:${locationId}:${report.firstVisitDate}:full`,
        startDate: report.firstVisitDate,
        grade: rating.toUpperCase().replace(/ /g, '_'),
      });
    }
  }
  rows.push({
    location: `cqc:${ROSE}`,
    id: `cqc:${ROSE}:2023-10-19:full`,
    startDate: '2023-10-19',
    grade: 'GOOD',
  });
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

describe('npm run sync -- --cqc', () => {
  const suite = useSyncSuite(REPORTS);
  const env = () => suite.env({ CQC_SUBSCRIPTION_KEY: 'test-key' });

  it(
    'loads what changed through 429, 500, malformed JSON and a 404, then stores the checkpoint',
    async () => {
      const { graph, server } = suite;
      server.faults.push(
        {
          match: isChangesPage('location', W1, 1),
          fault: { kind: 'status', status: 429, retryAfter: '1' },
          times: 1,
        },
        {
          match: isChangesPage('location', W1, 2),
          fault: { kind: 'status', status: 500 },
          times: 1,
        },
        { match: isPath(`/locations/${ROSE}`), fault: { kind: 'malformed' }, times: 1 },
        { match: isChangesPage('provider', W2, 1), fault: { kind: 'malformed' }, times: 1 },
      );
      const run = await startSync(SYNC_ARGS, env()).done;
      expect(run.stderr).not.toMatch(/Error|at /);
      expect(run.code, run.stdout).toBe(0);

      const inspections = await graph.db.read(readInspections, {});
      expect(inspections).toEqual(expectedInspections());
      expect(inspections.some((row) => row.location === `cqc:${GONE}`)).toBe(false);

      const [checkpoint] = await graph.db.read(readSyncCheckpoint, { source: 'cqc' });
      expect(checkpoint?.completedUntil).toBe(W2.end);

      // The 429 was retried no sooner than its Retry-After; the 500 and the bad body were retried.
      const tries = (match: (url: URL) => boolean) =>
        server.requests.filter((r) => match(new URL(r.path, 'http://x')));
      const throttled = tries(isChangesPage('location', W1, 1));
      expect(throttled.map((r) => r.status)).toEqual([429, 200]);
      expect(throttled[1]!.at - throttled[0]!.at).toBeGreaterThanOrEqual(1000);
      expect(tries(isChangesPage('location', W1, 2)).map((r) => r.status)).toEqual([500, 200]);
      expect(tries(isPath(`/locations/${ROSE}`)).map((r) => r.status)).toEqual([200, 200]);
      expect(tries(isChangesPage('provider', W2, 1))).toHaveLength(2);
      const malformed = run.stdout.split('\n').filter((line) => line.includes('malformed JSON'));
      expect(malformed).toEqual([
        expect.stringMatching(
          new RegExp(`^sync: GET /locations/${ROSE}: malformed JSON \\(.*; retrying`),
        ),
        expect.stringMatching(
          /^sync: GET \/changes\/provider\?startTimestamp=2025-06-02T00%3A00%3A00Z&.*: malformed JSON \(.*; retrying/,
        ),
      ]);
      expect(run.stdout).toContain('HTTP 429 (throttled); retrying in 1.0 s');
      // Gone: one line each, the run goes on.
      const goneLines = run.stdout.split('\n').filter((line) => line.includes('is gone'));
      expect(goneLines).toEqual([
        `sync: location ${GONE} is gone (GET /locations/${GONE}: HTTP 404); skipped`,
        expect.stringContaining('sync: report 5ead0b43-da82-4a65-b79c-2a5cc4c517e5 of location'),
        expect.stringContaining('sync: report e865d96c-749b-438d-a16f-2c94a6cb1850 of location'),
      ]);
      // The key went with every request, and the reports were asked for as PDF.
      expect(server.requests.every((r) => r.key === 'test-key')).toBe(true);
      expect(tries(isPath(`/reports/${ROSE_REPORT}`)).map((r) => r.accept)).toEqual([
        'application/pdf',
      ]);
      expect(run.stdout).toContain(`sync cqc: checkpoint: completed until ${W2.end}`);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'a second run asks the network for nothing, and a re-run of the windows reads the cache',
    async () => {
      const { graph, server } = suite;
      const before = server.requests.length;
      const inspectionsBefore = await graph.db.read(countInspections, {});
      const again = await startSync(
        ['--cqc', '--until', W2.end, '--no-progress', '--workers', '0'],
        env(),
      ).done;
      expect(again.code, again.stdout).toBe(0);
      expect(again.stdout).toContain('0 of 0 windows completed');
      expect(server.requests.length).toBe(before);

      const replay = await startSync(SYNC_ARGS, env()).done;
      expect(replay.code, replay.stdout).toBe(0);
      expect(server.requests.length).toBe(before);
      expect(replay.stdout).toMatch(/files: 0 loaded, 5 unchanged/);
      expect(await graph.db.read(countInspections, {})).toEqual(inspectionsBefore);
      expect(await graph.db.read(readInspections, {})).toEqual(expectedInspections());
    },
    RUN_TIMEOUT_MS,
  );
});

describe('npm run sync -- --cqc, stopped and resumed', () => {
  const suite = useSyncSuite(REPORTS);

  it(
    'a run killed midway resumes from the checkpoint, and a window that cannot be fetched holds it',
    async () => {
      const { graph, server } = suite;
      const env = suite.env();
      // Killed while it waits for the second window's location.
      server.faults.push({
        match: isPath(`/locations/${ORDINARY}`),
        fault: { kind: 'hang' },
        times: 1,
      });
      const killed = startSync(SYNC_ARGS, { ...env, CQC_SUBSCRIPTION_KEY: 'test-key' });
      await server.waitFor(isPath(`/locations/${ORDINARY}`));
      killed.kill();
      expect((await killed.done).signal).toBe('SIGKILL');
      const [afterKill] = await graph.db.read(readSyncCheckpoint, { source: 'cqc' });
      expect(afterKill?.completedUntil).toBe(W1.end);

      // Resumed from the checkpoint, without a key; the location answers malformed JSON every time.
      server.faults.push({
        match: isPath(`/locations/${ORDINARY}`),
        fault: { kind: 'malformed' },
        times: Infinity,
      });
      const firstOfRun2 = server.requests.length;
      const stopped = await startSync(
        [
          '--cqc',
          '--until',
          W2.end,
          '--max-attempts',
          '2',
          '--rate',
          '50',
          '--no-progress',
          '--workers',
          '0',
        ],
        env,
      ).done;
      expect(stopped.code, stopped.stdout).toBe(1);
      // The killed run had listed the second window's changes: they are read from the cache.
      expect(stopped.stdout).toContain(`window 1/1 (${W1.end} → ${W2.end})`);
      expect(stopped.stdout).toContain('(the checkpoint)');
      // The location twice (its two tries), then the rest of the window all the same.
      const run2 = server.requests.slice(firstOfRun2);
      expect(run2.map((r) => r.path.split('?')[0])).toEqual([
        `/public/v1/locations/${ORDINARY}`,
        `/public/v1/locations/${ORDINARY}`,
        `/public/v1/providers/${ORDINARY_PROVIDER}`,
      ]);
      expect(run2.some((r) => r.path.includes(ROSE) || r.path.includes(GONE))).toBe(false);
      expect(run2.every((r) => r.key === null)).toBe(true);
      expect(
        stopped.stdout.split('\n').filter((l) => l.includes('CQC_SUBSCRIPTION_KEY is not set')),
      ).toHaveLength(1);
      const failed = stopped.stdout.split('\n').filter((l) => l.startsWith('sync: FAILED'));
      expect(failed).toEqual([
        expect.stringMatching(
          new RegExp(
            `^sync: FAILED GET /locations/${ORDINARY}: malformed JSON \\(.+\\) after 2 tries$`,
          ),
        ),
      ]);
      expect(stopped.stdout).toContain('the checkpoint stays where it was');
      const [afterStop] = await graph.db.read(readSyncCheckpoint, { source: 'cqc' });
      expect(afterStop?.completedUntil).toBe(W1.end);

      // Fixed: only what is missing is asked for (the pages and the provider are in the cache),
      // and what the stopped run fetched was loaded already.
      expect(stopped.stdout).toMatch(/loaded +\S+providers\/1-101644866\.jsonl/);
      server.faults.length = 0;
      const firstOfRun3 = server.requests.length;
      const resumed = await startSync(
        ['--cqc', '--until', W2.end, '--rate', '50', '--no-progress', '--workers', '0'],
        env,
      ).done;
      expect(resumed.code, resumed.stdout).toBe(0);
      expect(server.requests.slice(firstOfRun3).map((r) => r.path.split('?')[0])).toEqual([
        `/public/v1/locations/${ORDINARY}`,
        '/public/v1/reports/5ead0b43-da82-4a65-b79c-2a5cc4c517e5',
        '/public/v1/reports/e865d96c-749b-438d-a16f-2c94a6cb1850',
      ]);
      const [done] = await graph.db.read(readSyncCheckpoint, { source: 'cqc' });
      expect(done?.completedUntil).toBe(W2.end);
      expect(await graph.db.read(readInspections, {})).toEqual(expectedInspections());
    },
    3 * RUN_TIMEOUT_MS,
  );
});
