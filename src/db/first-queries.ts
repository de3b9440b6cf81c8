/**
 * The queries a server answered first, kept for its next start. On a Neo4j just started, a
 * question's first run pays seconds that later runs do not (the seed graph's first breachCounts:
 * 2.4 s at ready on a quiet machine, 30–60 ms once planned): the JVM's Cypher planner and runtime
 * still run interpreted, and the plan is not cached. Neo4j 5 Community keeps no plan across a
 * restart, so the server records the read queries its requests ran first (text, parameters, the
 * fastest run seen), and the next start runs them again as soon as it is connected, beside the
 * migration checks. A user's question asked meanwhile waits only for the rest of a plan being
 * made (Neo4j makes one plan per text and parameter types at a time), not for a cold start of
 * its own. `EXPLAIN` alone was measured and saves less: the first run after it still took 0.8–1.2
 * s of the 3–7 s (seed graph, load 4–7), the first run after a real run 30 ms.
 *
 * The file is `<data folder>/first-queries.json` (mode 0600: parameters are the users'
 * arguments), rewritten a second after each new query is recorded, newest run's queries first.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { NamedQuery } from './query.ts';

export interface RecordedQuery {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
  /** The fastest run seen, in ms: a query slower than the replay's limit is not run again. */
  ms: number;
}

/** Told of each read query run for a request, with its parameters and duration. */
export type QueryRecorder = (
  query: NamedQuery<object, unknown>,
  params: object,
  ms: number,
) => void;

export const FIRST_QUERIES_FILE = 'first-queries.json';
/** How many queries are kept: a dashboard's first load runs about ten. */
export const FIRST_QUERIES_KEPT = 12;
/**
 * A query that took longer than this even at its fastest is not run again. Generous: a query run
 * once was run cold, and the seed graph's first breachCounts took 2.4 s on a quiet machine and
 * 6 s at load 8, planning mostly; what it guards against is an exact query over a large graph.
 */
export const REPLAY_MAX_MS = 10_000;
const WRITE_DELAY_MS = 1_000;

/** The recorded queries, or none when the file is missing or not what this code writes. */
export function readFirstQueries(file: string): RecordedQuery[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (entry): entry is RecordedQuery =>
      entry !== null &&
      typeof entry === 'object' &&
      typeof (entry as RecordedQuery).name === 'string' &&
      typeof (entry as RecordedQuery).cypher === 'string' &&
      typeof (entry as RecordedQuery).ms === 'number' &&
      (entry as RecordedQuery).params !== null &&
      typeof (entry as RecordedQuery).params === 'object',
  );
}

/**
 * Keeps the first `kept` distinct query texts run in this process (with the parameters of their
 * first run), followed by those of the previous runs not run yet, and writes them to `file`.
 * Parameters that would not survive JSON unchanged (a value the driver would type differently on
 * the way back) are not recorded: the replay must send the same types, or Neo4j plans anew.
 */
export class FirstQueryRecorder {
  private readonly recorded = new Map<string, RecordedQuery>();
  private readonly previous: RecordedQuery[];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly file: string,
    private readonly kept = FIRST_QUERIES_KEPT,
  ) {
    this.previous = readFirstQueries(file);
  }

  readonly record: QueryRecorder = (query, params, ms) => {
    const seen = this.recorded.get(query.cypher);
    if (seen) {
      seen.ms = Math.min(seen.ms, ms);
      return;
    }
    if (this.recorded.size >= this.kept) return;
    const copy = JSON.parse(JSON.stringify(params)) as Record<string, unknown>;
    if (!isDeepStrictEqual(copy, params)) return;
    this.recorded.set(query.cypher, { name: query.name, cypher: query.cypher, params: copy, ms });
    this.scheduleWrite();
  };

  /** What the file holds after the next write. */
  list(): RecordedQuery[] {
    const fresh = [...this.recorded.values()];
    const older = this.previous.filter((entry) => !this.recorded.has(entry.cypher));
    return [...fresh, ...older].slice(0, this.kept);
  }

  private scheduleWrite(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.write();
    }, WRITE_DELAY_MS);
    // A process ending meanwhile loses only this run's additions.
    this.timer.unref();
  }

  /** Writes now (written whole then renamed, so a start never reads half a list). */
  write(): void {
    const draft = `${this.file}.${process.pid}.draft`;
    try {
      writeFileSync(draft, `${JSON.stringify(this.list(), null, 1)}\n`, { mode: 0o600 });
      renameSync(draft, this.file);
    } catch {
      // Only a hint for the next start: a folder that cannot be written loses nothing else.
    }
  }
}

/**
 * The texts the replay is running now. Neo4j does not share a plan being made: two transactions
 * running one new text at once each plan it (measured: six at once took as long as six distinct
 * texts), so a request running a text the replay is running waits for the replay to finish it
 * and then finds the plan cached, instead of planning it a second time beside it on two cores.
 */
export class ReplaysInFlight {
  private readonly running = new Map<string, Promise<void>>();

  /** Runs `work` as the replay of `cypher`; requests for the same text wait for it meanwhile. */
  async run<T>(cypher: string, work: () => Promise<T>): Promise<T> {
    const result = work();
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.running.set(cypher, settled);
    try {
      return await result;
    } finally {
      this.running.delete(cypher);
    }
  }

  /** Resolves once the replay of `cypher` under way, if any, has ended (never rejects). */
  finished(cypher: string): Promise<void> | null {
    return this.running.get(cypher) ?? null;
  }
}

export interface ReplayResult {
  ran: number;
  failed: number;
  seconds: number;
}

/**
 * Runs each recorded query once, in turn, in the order they were first run (the order users
 * asked them), as a read whose rows are dropped, each only once `whenIdle(position)` resolves
 * (`position`: how many ran before it). A failure (a text this version no longer knows, a
 * timeout) is only counted. (Slowest first was tried: the recorded time is the fastest run, and
 * once a replay had planned the seed graph's breachCounts its time was 15 ms, so the next start
 * ran it last.)
 */
export async function replayFirstQueries(
  run: (query: NamedQuery<object, null>, params: Record<string, unknown>) => Promise<unknown>,
  queries: readonly RecordedQuery[],
  whenIdle: (position: number) => Promise<void> = () => Promise.resolve(),
): Promise<ReplayResult> {
  const started = performance.now();
  let ran = 0;
  let failed = 0;
  for (const entry of queries) {
    if (entry.ms > REPLAY_MAX_MS) continue;
    await whenIdle(ran);
    ran += 1;
    try {
      await run(
        { name: `replay ${entry.name}`, cypher: entry.cypher, parse: () => null },
        entry.params,
      );
    } catch {
      failed += 1;
    }
  }
  return { ran, failed, seconds: (performance.now() - started) / 1000 };
}
