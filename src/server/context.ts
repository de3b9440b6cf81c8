/** What every resolver receives: the request's database handle (counting round trips) and caller. */
import type { Database } from '../db/executor.ts';

export interface RequestContext {
  db: Database;
  /** Names of the queries this request sent, in order; the no-N+1 tests read it. */
  queriesSent: string[];
  /** True when the request carried the configured ingest bearer token. */
  canIngest: boolean;
}
