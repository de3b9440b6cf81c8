/** The ingest command's size limits, parsed and checked. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_LIMITS } from '../load/report-limits.ts';
import { parseIngestArgs, UsageError } from './ingest-args.ts';

describe('parseIngestArgs limits', () => {
  it('defaults to 20 MB per report file and 5,000 findings per report', () => {
    expect(parseIngestArgs(['a.txt'], {}).limits).toEqual(DEFAULT_REPORT_LIMITS);
    expect(DEFAULT_REPORT_LIMITS).toEqual({ maxReportBytes: 20 * 1024 * 1024, maxFindings: 5000 });
  });

  it('takes --max-report-mb in MB (fractions too) and --max-findings as a whole number', () => {
    const args = parseIngestArgs(['--max-report-mb', '0.5', '--max-findings', '40', 'a.txt'], {});
    expect(args.limits).toEqual({ maxReportBytes: 524288, maxFindings: 40 });
  });

  it.each([
    [['--max-report-mb', '0'], '--max-report-mb must be a number above 0, got "0"'],
    [['--max-report-mb', 'lots'], '--max-report-mb must be a number above 0, got "lots"'],
    [['--max-findings', '2.5'], '--max-findings must be a whole number from 1, got "2.5"'],
  ])('refuses %j with one line', (flags, message) => {
    expect(() => parseIngestArgs([...flags, 'a.txt'], {})).toThrow(new UsageError(message));
  });
});
