/** Pure parts of the change feed: a batch's scope, `since`, cursors and the WebSocket origin rule. */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { scopeOfReports } from '../../src/graph/changes/change-scope.ts';
import type { LoadParams } from '../../src/graph/write/load-rows.ts';
import { decodeChangeCursor, encodeChangeCursor, parseSince } from '../../src/resolvers/changes.ts';
import { isAllowedWebSocketOrigin } from '../../src/server/subscriptions/websocket-origin.ts';

function report(sha: string, inspection: string, location: string, provider: string | null) {
  return {
    report: { sha256: sha, family: 'ofsted-childrens-home' },
    inspection: { id: inspection },
    location: { id: location },
    provider: provider === null ? null : { id: provider },
  } as unknown as LoadParams;
}

describe('scopeOfReports', () => {
  it('names each inspection with its own report, and a shared location or provider by the first', () => {
    const scope = scopeOfReports([
      report('a', 'ofsted:1:2020-01-01:full', 'ofsted:1', 'p1'),
      report('b', 'ofsted:1:2021-01-01:full', 'ofsted:1', 'p1'),
      report('c', 'ofsted:2:2021-01-01:full', 'ofsted:2', null),
    ]);
    expect(scope).toEqual({
      inspections: [
        { id: 'ofsted:1:2020-01-01:full', family: 'ofsted-childrens-home', sha: 'a' },
        { id: 'ofsted:1:2021-01-01:full', family: 'ofsted-childrens-home', sha: 'b' },
        { id: 'ofsted:2:2021-01-01:full', family: 'ofsted-childrens-home', sha: 'c' },
      ],
      locations: [
        { id: 'ofsted:1', sha: 'a' },
        { id: 'ofsted:2', sha: 'c' },
      ],
      providers: [{ id: 'p1', sha: 'a' }],
    });
  });
});

describe('since and cursors', () => {
  it('reads a whole number as a graph version and an ISO time as a time', () => {
    expect(parseSince('42')).toEqual({ version: 42, at: null });
    expect(parseSince('2026-12-07T08:00:00+01:00')).toEqual({
      version: null,
      at: '2026-12-07T07:00:00.000Z',
    });
    expect(() => parseSince('yesterday')).toThrow(/graph version/);
    expect(() => parseSince('2026-13-45')).toThrow(/graph version/);
  });

  it('round-trips a seq through a cursor and refuses an offset cursor', () => {
    expect(decodeChangeCursor(encodeChangeCursor(123456))).toBe(123456);
    const offsetCursor = Buffer.from('offset:3', 'utf8').toString('base64url');
    expect(() => decodeChangeCursor(offsetCursor)).toThrow(/Invalid cursor/);
  });
});

describe('isAllowedWebSocketOrigin', () => {
  const request = (origin: string | undefined) =>
    ({ headers: { host: '127.0.0.1:4000', origin } }) as unknown as IncomingMessage;
  const sandbox = 'https://studio.apollographql.com';

  it('allows no Origin, the server own origin and Apollo Sandbox, and nothing else', () => {
    expect(isAllowedWebSocketOrigin(request(undefined), sandbox)).toBe(true);
    expect(isAllowedWebSocketOrigin(request('http://127.0.0.1:4000'), sandbox)).toBe(true);
    expect(isAllowedWebSocketOrigin(request(sandbox), sandbox)).toBe(true);
    expect(isAllowedWebSocketOrigin(request('http://127.0.0.1:4001'), sandbox)).toBe(false);
    expect(isAllowedWebSocketOrigin(request('https://elsewhere.example'), sandbox)).toBe(false);
    expect(isAllowedWebSocketOrigin(request('null'), sandbox)).toBe(false);
  });
});
