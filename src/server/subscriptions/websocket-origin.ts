/**
 * Browsers apply no CORS to WebSockets, so any web page could open a subscription from a
 * visitor's browser: an upgrade is accepted only without an `Origin` (not a browser), from the
 * server's own page (its origin's host is the request's `Host`) or from the one cross-origin
 * caller the HTTP API allows (Apollo Sandbox). The same rule as the local Neo4j's guard on Bolt
 * over WebSocket (README, "The local Neo4j").
 */
import type { IncomingMessage } from 'node:http';

export function isAllowedWebSocketOrigin(req: IncomingMessage, allowedOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin === allowedOrigin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
