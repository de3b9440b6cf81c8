/** The parse worker pool: TypeScript workers under vitest, and a crash fails one task only. */
import { describe, expect, it } from 'vitest';
import { runParseTask } from '../../../src/load/bulk/parse-task.ts';
import { WorkerPool } from '../../../src/load/bulk/worker-pool.ts';
import { readFileSync } from 'node:fs';

type Outcome = { ok: true; value: number } | { ok: false; message: string };

describe('WorkerPool', () => {
  it(
    'runs tasks on TypeScript workers and turns a crash into a failed task while the rest go on',
    { timeout: 60_000 },
    async () => {
      const pool = new WorkerPool<{ n: number; crash?: 'throw' | 'exit' }, Outcome>({
        size: 2,
        entry: new URL('./support/crash-worker.ts', import.meta.url),
        onCrash: (reason) => ({ ok: false, message: reason }),
      });
      try {
        const outcomes = await Promise.all([
          pool.run({ n: 1 }),
          pool.run({ n: 2, crash: 'throw' }),
          pool.run({ n: 3 }),
          pool.run({ n: 4, crash: 'exit' }),
          pool.run({ n: 5 }),
          pool.run({ n: 6 }),
        ]);
        expect(outcomes[0]).toEqual({ ok: true, value: 2 });
        expect(outcomes[1]).toEqual({
          ok: false,
          message: 'parse worker crashed: worker blew up on 2',
        });
        expect(outcomes[3]).toEqual({ ok: false, message: 'parse worker exited with code 7' });
        expect([outcomes[2], outcomes[4], outcomes[5]]).toEqual([
          { ok: true, value: 6 },
          { ok: true, value: 10 },
          { ok: true, value: 12 },
        ]);
      } finally {
        await pool.close();
      }
    },
  );

  it(
    'parses a real report on the parse worker exactly as on the main thread',
    { timeout: 60_000 },
    async () => {
      const text = readFileSync(
        new URL('../../fixtures/reports/sc999002-2023-05-10.txt', import.meta.url),
        'utf8',
      );
      const task = {
        kind: 'text' as const,
        text,
        fileName: 'sc999002-2023-05-10.txt',
        format: 'txt' as const,
        meta: null,
      };
      const pool = new WorkerPool({
        size: 1,
        entry: new URL('../../../src/load/bulk/parse-worker.ts', import.meta.url),
        onCrash: (reason) => ({ ok: false as const, message: reason }),
      });
      try {
        const inWorker = await pool.run(task);
        const onMain = await runParseTask(task);
        expect(inWorker.ok).toBe(true);
        expect(inWorker).toEqual(onMain);
      } finally {
        await pool.close();
      }
    },
  );
});
