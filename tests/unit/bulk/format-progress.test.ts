/** ETA, durations and the progress line printed off a terminal. */
import { describe, expect, it } from 'vitest';
import {
  dataFilePercent,
  formatDataFileProgress,
  formatDuration,
  formatEta,
  formatProgressLine,
} from '../../../src/load/bulk/format-progress.ts';

describe('formatDuration', () => {
  it.each([
    [0.4, '<1s'],
    [45, '45s'],
    [59.6, '1m 00s'],
    [315, '5m 15s'],
    [7380, '2h 03m'],
    [Number.POSITIVE_INFINITY, '?'],
    [-3, '?'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatEta', () => {
  it('is the time left at the current rate', () => {
    expect(formatEta(1200, 28144, 85.3)).toBe('5m 16s');
  });

  it('is unknown until the total is known and something has been done', () => {
    expect(formatEta(10, null, 5)).toBe('?');
    expect(formatEta(0, 100, 0)).toBe('?');
  });
});

describe('formatProgressLine', () => {
  it('gives done/total, rate, loaded, failed and ETA on one line', () => {
    const line = formatProgressLine({
      done: 1200,
      total: 28144,
      found: 28144,
      results: 1200,
      loaded: 1150,
      failed: 3,
      skipped: 0,
      elapsedSeconds: 1200 / 85.3,
    });
    expect(line).toBe(
      'ingest: 1200/28144 files, 85.3 reports/s, 1150 loaded, 3 failed, ETA 5m 16s',
    );
  });

  it('says how many files the walk has found so far, and gives no ETA until it is done', () => {
    const line = formatProgressLine({
      done: 10,
      total: null,
      found: 300,
      results: 10,
      loaded: 10,
      failed: 0,
      skipped: 0,
      elapsedSeconds: 2,
    });
    expect(line).toBe(
      'ingest: 10 files done, 300 found so far…, 5.0 reports/s, 10 loaded, 0 failed',
    );
  });

  it('counts skipped files when there are any, and rates reports while its ETA goes by files', () => {
    // 2 files in 4 s, one of them a JSONL file of 38 records: 10 reports/s, 8 files left at 0.5/s.
    const line = formatProgressLine({
      done: 2,
      total: 10,
      found: 10,
      results: 40,
      loaded: 37,
      failed: 1,
      skipped: 2,
      elapsedSeconds: 4,
    });
    expect(line).toBe(
      'ingest: 2/10 files, 10.0 reports/s, 37 loaded, 1 failed, 2 skipped, ETA 16s',
    );
  });
});

describe('data file progress', () => {
  const state = {
    name: 'providers.csv',
    rows: 12500,
    bytesRead: 4_500_000,
    bytesTotal: 10_000_000,
    elapsedSeconds: 9,
  };

  it('gives rows, the share of bytes read and the time left at the byte rate so far', () => {
    expect(formatDataFileProgress(state)).toBe('providers.csv: 12500 rows, 45% read, ETA 11s');
  });

  it('is 100% for an empty file and never above it', () => {
    expect(dataFilePercent({ ...state, bytesRead: 0, bytesTotal: 0 })).toBe(100);
    expect(dataFilePercent({ ...state, bytesRead: 12, bytesTotal: 10 })).toBe(100);
  });

  it('follows the progress line while a data file loads', () => {
    const line = formatProgressLine(
      {
        done: 3,
        total: 10,
        found: 10,
        results: 3,
        loaded: 2,
        failed: 0,
        skipped: 0,
        elapsedSeconds: 3,
      },
      state,
    );
    expect(line).toBe(
      'ingest: 3/10 files, 1.0 reports/s, 2 loaded, 0 failed, ETA 7s; data file providers.csv: 12500 rows, 45% read, ETA 11s',
    );
  });
});
