/**
 * Parsing on the main thread (`--workers 0`) gives way to the event loop before each document,
 * so a batch written to Neo4j meanwhile leaves its socket and its answer is read while the next
 * documents parse. Without that, promise-chained parses ran to the last document first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseItems } from '../../../src/load/bulk/parse-items.ts';
import { ParseRunner } from '../../../src/load/bulk/parse-runner.ts';
import { runParseTask } from '../../../src/load/bulk/parse-task.ts';
import type { ReadItem } from '../../../src/load/bulk/work-items.ts';

const REPORTS = [
  'seed/000_573f2340e3d978e1.txt',
  'seed/002_7b99ce8a6ac40e7e.txt',
  'tests/fixtures/reports/sc999001-2022-03-08.txt',
  'tests/fixtures/reports/sc999002-2023-05-10.txt',
];

async function* reportItems(): AsyncGenerator<ReadItem> {
  for (const file of REPORTS) {
    const text = readFileSync(file, 'utf8');
    yield {
      kind: 'report',
      file,
      sha256: null,
      task: { kind: 'text', text, fileName: file, format: 'txt', meta: null },
    };
  }
}

describe('parseItems on the main thread', () => {
  it('lets I/O callbacks run between documents, and still parses every one in order', async () => {
    let parsedBeforeIo: number | null = null;
    let parsed = 0;
    setImmediate(() => (parsedBeforeIo = parsed));
    const files: string[] = [];
    const runner = new ParseRunner(0);
    for await (const item of parseItems(reportItems(), runner, 2)) {
      expect(item.kind).toBe('parsed');
      files.push(item.kind === 'parsed' ? item.file : '');
      parsed += 1;
    }
    expect(files).toEqual(REPORTS);
    expect(runner.hasWorkers).toBe(false);
    expect(parsedBeforeIo).not.toBeNull();
    expect(parsedBeforeIo).toBeLessThan(REPORTS.length - 1);
  });
});

describe('ParseRunner with no workers', () => {
  it('converts an HTML page on a worker thread, started for it, with the result the main thread gives', async () => {
    const html = new Uint8Array(
      readFileSync('tests/fixtures/corpus/html/cqc-location-summary_seed-002.html'),
    );
    const task = {
      kind: 'bytes' as const,
      bytes: html,
      fileName: 'seed-002.html',
      format: 'html' as const,
      meta: null,
    };
    const runner = new ParseRunner(0);
    try {
      const onWorker = await runner.run({ ...task, bytes: html.slice() });
      expect(runner.hasWorkers).toBe(true);
      expect(onWorker.ok).toBe(true);
      expect(onWorker).toEqual(await runParseTask(task));
    } finally {
      await runner.close();
    }
  });
});
