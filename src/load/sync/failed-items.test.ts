import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../bulk/work-items.ts';
import { FailedItems } from './failed-items.ts';

function report(file: string, status: ReportResult['status'], recordOf?: string): ReportResult {
  return {
    kind: 'report',
    file,
    ...(recordOf ? { recordOf } : {}),
    status,
    message: `${status} ${file}`,
    tally: null,
    document: null,
  };
}

describe('FailedItems', () => {
  it('keeps failures by item, retries by file, and forgets an item that succeeds', () => {
    const failed = new FailedItems([{ item: 'old.pdf', file: 'old.pdf', message: 'corrupt' }]);
    failed.record(report('a.pdf', 'failed'));
    failed.record(report('p.jsonl#L1', 'failed', 'p.jsonl'));
    failed.record(report('p.jsonl#L2', 'failed', 'p.jsonl'));
    expect(failed.files()).toEqual(['old.pdf', 'a.pdf', 'p.jsonl']);
    expect(failed.size).toBe(4);

    failed.record(report('old.pdf', 'unchanged'));
    failed.record(report('p.jsonl#L1', 'loaded', 'p.jsonl'));
    expect(failed.list()).toEqual([
      { item: 'a.pdf', file: 'a.pdf', message: 'failed a.pdf' },
      { item: 'p.jsonl#L2', file: 'p.jsonl', message: 'failed p.jsonl#L2' },
    ]);
    failed.drop('a.pdf');
    expect(failed.files()).toEqual(['p.jsonl']);
  });
});
