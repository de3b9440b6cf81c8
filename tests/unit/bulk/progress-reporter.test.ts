/** The progress lines printed off a terminal while a data file loads, and after it is done. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressReporter } from '../../../src/load/bulk/progress-reporter.ts';

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
});
