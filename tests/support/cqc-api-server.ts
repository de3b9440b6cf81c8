/**
 * A stand-in for the CQC Syndication API on 127.0.0.1 (node:http, port 0), serving the real
 * records of tests/fixtures/cqc-api/ in the documented shapes: `GET /changes/{type}` pages of the
 * ids changed in [startTimestamp, endTimestamp), `GET /locations/{id}`, `GET /providers/{id}`
 * and `GET /reports/{linkId}` (404 for anything it does not hold). Faults are scripted per
 * request (429 with Retry-After, 500, a malformed body, a request left hanging) and every
 * request is recorded, so a test can count what reached the network.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const CQC_API_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/cqc-api');

export interface Change {
  type: 'location' | 'provider';
  id: string;
  /** When the API says it changed (ISO 8601). */
  at: string;
}

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'malformed' }
  | { kind: 'hang' };

export interface ScriptedFault {
  /** Matched against the path and query of each request. */
  match: (url: URL) => boolean;
  fault: Fault;
  /** How many requests it spoils (Infinity: all). */
  times: number;
}

export interface ServedRequest {
  path: string;
  status: number | 'hung';
  at: number;
  key: string | null;
  accept: string | null;
}

export interface CqcApiServer {
  baseUrl: string;
  requests: ServedRequest[];
  faults: ScriptedFault[];
  /** Resolves when a request whose path and query match arrives. */
  waitFor(match: (url: URL) => boolean): Promise<void>;
  close(): Promise<void>;
}

export function readFixture(kind: 'locations' | 'providers', id: string): string {
  return readFileSync(path.join(CQC_API_FIXTURES, kind, `${id}.json`), 'utf8');
}

export async function startCqcApiServer(
  changes: readonly Change[],
  reports: ReadonlyMap<string, Buffer>,
): Promise<CqcApiServer> {
  const requests: ServedRequest[] = [];
  const faults: ScriptedFault[] = [];
  const waiters: { match: (url: URL) => boolean; resolve: () => void }[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: ServedRequest = {
      path: url.pathname + url.search,
      status: 200,
      at: Date.now(),
      key: header(req, 'ocp-apim-subscription-key'),
      accept: header(req, 'accept'),
    };
    requests.push(record);
    for (const waiter of waiters.filter((w) => w.match(url))) waiter.resolve();
    const scripted = faults.find((f) => f.times > 0 && f.match(url));
    if (scripted) {
      scripted.times -= 1;
      const { fault } = scripted;
      if (fault.kind === 'hang') {
        record.status = 'hung';
        return;
      }
      if (fault.kind === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"total": 3, "changes": ["1-1');
        return;
      }
      record.status = fault.status;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter) headers['retry-after'] = fault.retryAfter;
      res.writeHead(fault.status, headers);
      res.end(JSON.stringify({ statusCode: fault.status, message: 'scripted fault' }));
      return;
    }
    const answer = route(url, changes, reports);
    record.status = answer.status;
    res.writeHead(answer.status, { 'content-type': answer.type });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/public/v1`,
    requests,
    faults,
    waitFor: (match) => new Promise((resolve) => waiters.push({ match, resolve })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

interface Answer {
  status: number;
  type: string;
  body: string | Buffer;
}

const NOT_FOUND: Answer = {
  status: 404,
  type: 'application/json',
  body: JSON.stringify({ statusCode: 404, message: 'Resource not found' }),
};

function route(url: URL, changes: readonly Change[], reports: ReadonlyMap<string, Buffer>): Answer {
  const parts = url.pathname
    .replace(/^\/public\/v1/, '')
    .split('/')
    .filter(Boolean);
  const [resource, id] = parts;
  if (resource === 'changes' && (id === 'location' || id === 'provider'))
    return changesPage(url, id, changes);
  if ((resource === 'locations' || resource === 'providers') && id && parts.length === 2) {
    try {
      return { status: 200, type: 'application/json', body: readFixture(resource, id) };
    } catch {
      return NOT_FOUND;
    }
  }
  if (resource === 'reports' && id && reports.has(id))
    return { status: 200, type: 'application/pdf', body: reports.get(id) as Buffer };
  return NOT_FOUND;
}

/** One page of the ids changed in the window, shaped as the API's paged lists are. */
function changesPage(url: URL, type: 'location' | 'provider', changes: readonly Change[]): Answer {
  const start = url.searchParams.get('startTimestamp') ?? '';
  const end = url.searchParams.get('endTimestamp') ?? '';
  const page = Number(url.searchParams.get('page') ?? '1');
  const perPage = Number(url.searchParams.get('perPage') ?? '1000');
  const ids = changes
    .filter(
      (c) =>
        c.type === type &&
        Date.parse(c.at) >= Date.parse(start) &&
        Date.parse(c.at) < Date.parse(end),
    )
    .map((c) => c.id);
  const totalPages = Math.max(1, Math.ceil(ids.length / perPage));
  const pageUri = (n: number) =>
    `/changes/${type}?page=${n}&perPage=${perPage}&startTimestamp=${encodeURIComponent(start)}&endTimestamp=${encodeURIComponent(end)}`;
  const body = {
    total: ids.length,
    firstPageUri: pageUri(1),
    page,
    previousPageUri: page > 1 ? pageUri(page - 1) : null,
    lastPageUri: pageUri(totalPages),
    nextPageUri: page < totalPages ? pageUri(page + 1) : null,
    perPage,
    totalPages,
    startTimestamp: start,
    endTimestamp: end,
    changes: ids.slice((page - 1) * perPage, page * perPage),
  };
  return { status: 200, type: 'application/json', body: JSON.stringify(body) };
}
