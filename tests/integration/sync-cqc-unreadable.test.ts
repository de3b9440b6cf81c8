/**
 * `npm run sync -- --cqc` when a report the API serves cannot be read: one of Ordinary
 * Lifestyles' reports is served as the real CQC PDF of tests/fixtures/corpus/cqc cut off after
 * 30,000 of its 90,637 bytes (a download broken midway: the PDF's cross-reference table and most
 * pages are missing). The run goes on, the checkpoint moves past the window, the report is one
 * failed line, counted, kept on the checkpoint and retried by the next run, and the exit code (3)
 * tells this apart from a run that stopped (1) or completed cleanly (0).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSyncCheckpoint, readSyncFailures } from '../../src/graph/sync-checkpoint.ts';
import {
  ARRETA_PDF,
  ORDINARY_REPORTS,
  ROSE_REPORT,
  RUN_TIMEOUT_MS,
  startSync,
  SYNC_ARGS,
  useSyncSuite,
  W2,
} from '../support/sync-cqc-run.ts';

const BROKEN_REPORT = ORDINARY_REPORTS[0];
const BROKEN_PDF = ARRETA_PDF.subarray(0, 30_000);

const suite = useSyncSuite(
  new Map([
    [ROSE_REPORT, ARRETA_PDF],
    [BROKEN_REPORT, BROKEN_PDF],
  ]),
);

describe('npm run sync -- --cqc with a report the parsers cannot read', () => {
  it(
    'completes with exit code 3, moves the checkpoint, keeps the report and retries it next run',
    async () => {
      const { graph, server, cacheDir } = suite;
      const brokenFile = path.join(cacheDir, 'reports', `${BROKEN_REPORT}.pdf`);
      const run = await startSync(SYNC_ARGS, suite.env()).done;
      expect(run.stderr).not.toMatch(/Error|at /);
      expect(run.code, run.stdout).toBe(3);

      const failedLines = run.stdout.split('\n').filter((line) => line.startsWith('FAILED'));
      expect(failedLines).toEqual([
        `FAILED    ${brokenFile}: not a readable PDF (corrupt or truncated): Invalid PDF structure.`,
      ]);
      expect(run.stdout).toMatch(/^files: 5 loaded, 0 unchanged, 1 failed, 0 skipped$/m);
      expect(run.stdout).toContain(
        'sync cqc: completed with 1 item(s) not read or loaded; the checkpoint moved past them and the next run retries them',
      );
      const [checkpoint] = await graph.db.read(readSyncCheckpoint, { source: 'cqc' });
      expect(checkpoint?.completedUntil).toBe(W2.end);
      expect(await graph.db.read(readSyncFailures, { source: 'cqc' })).toEqual([
        {
          item: brokenFile,
          file: brokenFile,
          message: 'not a readable PDF (corrupt or truncated): Invalid PDF structure.',
        },
      ]);

      // The next run has no window to fetch; it reads the report again from the cache only.
      const before = server.requests.length;
      const again = await startSync(
        ['--cqc', '--until', W2.end, '--no-progress', '--workers', '0'],
        suite.env(),
      ).done;
      expect(again.code, again.stdout).toBe(3);
      expect(server.requests.length).toBe(before);
      expect(again.stdout).toContain('sync: retrying 1 item(s) that failed in earlier runs');
      expect(again.stdout).toContain(
        `sync cqc: failed, kept for retry: ${brokenFile}: not a readable PDF`,
      );
      expect(await graph.db.read(readSyncFailures, { source: 'cqc' })).toHaveLength(1);

      // Once the file reads (here: the whole PDF in its place), the retry clears it: exit 0.
      writeFileSync(brokenFile, ARRETA_PDF);
      const fixed = await startSync(
        ['--cqc', '--until', W2.end, '--no-progress', '--workers', '0'],
        suite.env(),
      ).done;
      expect(fixed.code, fixed.stdout).toBe(0);
      expect(fixed.stdout).not.toMatch(/^FAILED/m);
      expect(await graph.db.read(readSyncFailures, { source: 'cqc' })).toEqual([]);
      expect(server.requests.length).toBe(before);
    },
    3 * RUN_TIMEOUT_MS,
  );
});
