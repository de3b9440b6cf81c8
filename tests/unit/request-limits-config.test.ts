import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_REQUEST_LIMITS, readConfig } from '../../src/config.ts';

describe('the request limits in the configuration', () => {
  it('has the README defaults', () => {
    expect(readConfig({}).limits).toEqual({
      requestTimeoutMs: 30_000,
      maxSessionsPerRequest: 4,
      maxRequestBytes: 1_048_576,
      maxUploadBytes: 10_485_760,
      rateLimitPerMinute: 600,
      rateLimitLoopback: false,
      graphWatchMs: 100,
    });
    expect(readConfig({}).limits).toEqual(DEFAULT_REQUEST_LIMITS);
  });

  it('reads each from its variable', () => {
    expect(
      readConfig({
        REQUEST_TIMEOUT_MS: '5000',
        MAX_SESSIONS_PER_REQUEST: '2',
        MAX_REQUEST_BYTES: '65536',
        MAX_UPLOAD_BYTES: '2097152',
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_LOOPBACK: 'true',
        GRAPH_WATCH_MS: '50',
      }).limits,
    ).toEqual({
      requestTimeoutMs: 5000,
      maxSessionsPerRequest: 2,
      maxRequestBytes: 65536,
      maxUploadBytes: 2097152,
      rateLimitPerMinute: 0,
      rateLimitLoopback: true,
      graphWatchMs: 50,
    });
  });

  it('stops on a bad value, naming the variable', () => {
    expect(() => readConfig({ MAX_SESSIONS_PER_REQUEST: '0' })).toThrow(ConfigError);
    expect(() => readConfig({ MAX_SESSIONS_PER_REQUEST: '0' })).toThrow(/MAX_SESSIONS_PER_REQUEST/);
    expect(() => readConfig({ RATE_LIMIT_LOOPBACK: 'maybe' })).toThrow(/RATE_LIMIT_LOOPBACK/);
  });
});
