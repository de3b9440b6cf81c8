/** What every resolver receives: the request's database handle, its DataLoaders and the caller. */
import type { Database } from '../db/executor.ts';
import type { Loaders } from '../graph/loaders.ts';
import type { SummaryRefresher } from '../graph/summaries/refresh-scheduler.ts';
import type { UploadParser } from './upload-parser.ts';
import type { ChangePoller } from '../graph/changes/change-poller.ts';

/** What a subscription over WebSocket has besides a request's context (server/subscriptions/). */
export interface SubscriptionSupport {
  /** The server's one reader of the change feed. */
  poller: ChangePoller;
  /** A fresh request budget and DataLoaders before each event, as each HTTP request gets. */
  renew(): void;
  /** Told once a subscription listens: every commit after it reaches the subscriber. */
  onSubscribed(field: string): void;
}

export interface RequestContext {
  /** The request's own handle: its queries observed, its sessions and time limited. */
  db: Database;
  loaders: Loaders;
  /** Names of the queries this request sent, in order; the no-N+1 tests read it. */
  queriesSent: string[];
  /** True when the request carried the configured ingest bearer token. */
  canIngest: boolean;
  /** False when the server has no ingest token configured: the mutation is refused outright. */
  ingestEnabled: boolean;
  /** Largest report ingestReport takes, in bytes once decoded (MAX_UPLOAD_BYTES). */
  maxUploadBytes: number;
  /** Parses uploads off the main thread. */
  uploads: UploadParser;
  /** Refreshes the question summaries in the background after uploads. */
  summaries: SummaryRefresher;
  /** Set for an operation over WebSocket only. */
  subscriptions?: SubscriptionSupport;
}
