/** The progress lines printed off a terminal: while the walk finds files, while a data file or a multi-record file loads, and after. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressReporter } from '../../../src/load/bulk/progress-reporter.ts';
import type { ReportResult } from '../../../src/load/bulk/work-items.ts';

function captureStream(): { stream: NodeJS.WriteStream; lines: () => string[] } {
  let text = '';
  const stream = {
    write: (chunk: string) => ((text += chunk), true),
  } as unknown as NodeJS.WriteStream;
  return { stream, lines: () => text.split('\n').filter((line) => line !== '') };
}

describe('ProgressReporter (lines)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('follows a loading data file in its line until the file has a result', () => {
    const { stream, lines } = captureStream();
    const reporter = new ProgressReporter({
      mode: 'lines',
      intervalMs: 1000,
      stream,
      say: () => {},
    });
    reporter.setTotal(2);
    reporter.dataFileProgress('/data/providers.csv', {
      rows: 500,
      bytesRead: 250,
      bytesTotal: 1000,
    });
    vi.advanceTimersByTime(1000);
    reporter.dataFileProgress('/data/providers.csv', {
      rows: 1000,
      bytesRead: 500,
      bytesTotal: 1000,
    });
    vi.advanceTimersByTime(1000);
    reporter.record({
      kind: 'data-file',
      file: '/data/providers.csv',
      status: 'loaded',
      message: 'rows',
      rows: 2000,
      rowProblems: [],
      rowWarnings: [],
    });
    vi.advanceTimersByTime(1000);
    reporter.stop();

    const printed = lines();
    expect(printed).toHaveLength(3);
    expect(printed[0]).toContain('; data file providers.csv: 500 rows, 25% read');
    expect(printed[1]).toContain('; data file providers.csv: 1000 rows, 50% read');
    expect(printed[2]).toMatch(/^ingest: 1\/2 files, .*, 1 loaded, 0 failed, ETA \S+$/);
  });

  it('has no data file in its line when none is loading', () => {
    const { stream, lines } = captureStream();
    const reporter = new ProgressReporter({
      mode: 'lines',
      intervalMs: 500,
      stream,
      say: () => {},
    });
    vi.advanceTimersByTime(500);
    reporter.stop();
    expect(lines()).toEqual([expect.not.stringContaining('data file')]);
  });

  function report(file: string, recordOf?: string): ReportResult {
    const result: ReportResult = {
      kind: 'report',
      file,
      status: 'loaded',
      message: 'ok',
      tally: null,
      document: null,
    };
    if (recordOf) result.recordOf = recordOf;
    return result;
  }

  function linesReporter() {
    const { stream, lines } = captureStream();
    const reporter = new ProgressReporter({
      mode: 'lines',
      intervalMs: 1000,
      stream,
      say: () => {},
    });
    const tick = () => {
      vi.advanceTimersByTime(1000);
      return lines().at(-1)!;
    };
    return { reporter, tick };
  }

  it('counts the files the walk finds, with no ETA until it has found them all', () => {
    const { reporter, tick } = linesReporter();
    for (let i = 0; i < 3; i++) reporter.countFile();
    reporter.record(report('/in/a.txt'));
    expect(tick()).toMatch(
      /^ingest: 1 files done, 3 found so far…, \S+ reports\/s, 1 loaded, 0 failed$/,
    );
    reporter.countFile();
    expect(tick()).toContain('1 files done, 4 found so far…');
    reporter.setTotal(4);
    expect(tick()).toMatch(/^ingest: 1\/4 files, .*, 1 loaded, 0 failed, ETA \S+$/);
    reporter.stop();
  });

  it('counts a file of many records as one file, done when a result of another file comes', () => {
    const { reporter, tick } = linesReporter();
    reporter.setTotal(4);
    for (const line of [1, 2, 3]) reporter.record(report(`/in/a.jsonl#L${line}`, '/in/a.jsonl'));
    expect(tick()).toMatch(/^ingest: 0\/4 files, .*, 3 loaded, .*; a\.jsonl: 3 records so far$/);
    reporter.record(report('/in/b.jsonl#L1', '/in/b.jsonl'));
    expect(tick()).toMatch(/^ingest: 1\/4 files, .*, 4 loaded, .*; b\.jsonl: 1 records so far$/);
    reporter.record(report('/in/c.txt'));
    expect(tick()).toMatch(/^ingest: 3\/4 files, .*, 5 loaded, 0 failed, ETA \S+$/);
    reporter.record({ ...report('/in/d.jsonl#L1', '/in/d.jsonl'), status: 'skipped' });
    reporter.finish();
    expect(tick()).toMatch(/^ingest: 4\/4 files, .*, 5 loaded, 0 failed, 1 skipped, ETA \S+$/);
    reporter.stop();
  });
});
