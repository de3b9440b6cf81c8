import { describe, expect, it } from 'vitest';
import { UsageError } from './ingest-args.ts';
import { DEFAULT_REQUESTS_PER_SECOND, parseSyncArgs } from './sync-args.ts';

const NOW = new Date('2025-06-10T08:15:30.500Z');

describe('parseSyncArgs', () => {
  it('needs a source, and takes the key, base URL and cache from the environment', () => {
    expect(() => parseSyncArgs([], {}, NOW)).toThrow(UsageError);
    const args = parseSyncArgs(
      ['--cqc'],
      {
        CQC_SUBSCRIPTION_KEY: ' abc ',
        CQC_API_BASE_URL: 'http://127.0.0.1:9/public/v1/',
        CQC_CACHE_DIR: '/tmp/c',
      },
      NOW,
    );
    expect(args.subscriptionKey).toBe('abc');
    expect(args.baseUrl).toBe('http://127.0.0.1:9/public/v1');
    expect(args.cacheDir).toBe('/tmp/c');
    expect(args.until.toISOString()).toBe('2025-06-10T08:15:30.000Z');
    expect(args.since).toBeNull();
    expect(args.requestsPerSecond).toBe(DEFAULT_REQUESTS_PER_SECOND);
    expect(args.reports).toBe(true);
  });

  it('runs without a key, and --base-url wins over the environment', () => {
    const args = parseSyncArgs(
      ['--cqc', '--base-url', 'https://example.test/v1', '--no-reports'],
      { CQC_API_BASE_URL: 'http://127.0.0.1:9' },
      NOW,
    );
    expect(args.subscriptionKey).toBeNull();
    expect(args.baseUrl).toBe('https://example.test/v1');
    expect(args.reports).toBe(false);
  });

  it('reads dates as midnight UTC and refuses bad times, rates and URLs in one line', () => {
    const args = parseSyncArgs(
      ['--cqc', '--since', '2025-06-01', '--until', '2025-06-02T06:00:00Z'],
      {},
      NOW,
    );
    expect(args.since?.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(args.until.toISOString()).toBe('2025-06-02T06:00:00.000Z');
    expect(() => parseSyncArgs(['--cqc', '--since', 'yesterday'], {}, NOW)).toThrow(
      /--since must be an ISO 8601 date/,
    );
    expect(() =>
      parseSyncArgs(['--cqc', '--since', '2025-06-03', '--until', '2025-06-02'], {}, NOW),
    ).toThrow(/must be before --until/);
    expect(() => parseSyncArgs(['--cqc', '--rate', '0'], {}, NOW)).toThrow(/--rate/);
    expect(() => parseSyncArgs(['--cqc', '--base-url', 'ftp://x'], {}, NOW)).toThrow(/--base-url/);
    expect(() => parseSyncArgs(['--cqc', '--bogus'], {}, NOW)).toThrow(UsageError);
  });
});
