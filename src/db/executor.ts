/**
 * The one way the project talks to Neo4j: every call picks read or write access, runs named
 * queries inside a managed transaction (retried by the driver on transient errors, so writes
 * must be idempotent), converts values at the boundary, maps failures to DatabaseError and
 * closes its session in `finally`.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { toDatabaseError } from './errors.ts';
import type { QueryRecorder, ReplaysInFlight } from './first-queries.ts';
import type { NamedQuery } from './query.ts';
import { toPlainOwned } from './values.ts';
import { isUnavailable, type OutageWaiter } from './wait-for-database.ts';

export interface QueryRunner {
  /** Inside a transaction, several runs may be started before the first is awaited: they are sent pipelined and run in call order. */
  run<Params extends object, Row>(query: NamedQuery<Params, Row>, params: Params): Promise<Row[]>;
}

/** Told of every query sent; used to count round trips per request. */
export type QueryObserver = (queryName: string) => void;

/**
 * Wraps each transaction of one caller (a GraphQL request): it may make `work` wait for a free
 * session, refuse it, or give it a shorter timeout than the configured one (what is left of a
 * deadline). Given the configured timeout; `work` runs with the timeout to use.
 */
export type SessionGate = <T>(
  timeoutMs: number,
  work: (timeoutMs: number) => Promise<T>,
) => Promise<T>;

const openGate: SessionGate = (timeoutMs, work) => work(timeoutMs);

/** JS numbers that are whole become Neo4j integers (the driver would send floats). */
export function toNeo4jParam(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParam);
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toNeo4jParam(item);
    return out;
  }
  return value;
}

/** What a Database adds around each call; each `with…` method returns a copy with one changed. */
interface CallWrappers {
  observer: QueryObserver | null;
  gate: SessionGate;
  outage: OutageWaiter | null;
  /** Told of each read query with its parameters and duration (first-queries.ts). */
  recorder: QueryRecorder | null;
  /** The start's replay of the last run's first queries, which a same text waits for. */
  replays: ReplaysInFlight | null;
}

export class Database {
  constructor(
    private readonly driver: Driver,
    readonly databaseName: string,
    private readonly timeoutMs: number,
    private readonly wrappers: CallWrappers = {
      observer: null,
      gate: openGate,
      outage: null,
      recorder: null,
      replays: null,
    },
  ) {}

  private get observer(): QueryObserver | null {
    return this.wrappers.observer;
  }

  private get gate(): SessionGate {
    return this.wrappers.gate;
  }

  private withWrappers(changes: Partial<CallWrappers>, timeoutMs = this.timeoutMs): Database {
    return new Database(this.driver, this.databaseName, timeoutMs, {
      ...this.wrappers,
      ...changes,
    });
  }

  /** The same database, reporting each query to `observer` (per request, for round-trip counts). */
  withObserver(observer: QueryObserver): Database {
    return this.withWrappers({ observer });
  }

  /** The same database, telling `recorder` of each read it runs (the server's first queries). */
  withRecorder(recorder: QueryRecorder): Database {
    return this.withWrappers({ recorder });
  }

  /**
   * The same database, each query first waiting for the replay of the same text under way, if
   * any (first-queries.ts: its plan is then cached, where running beside it would plan it twice).
   */
  withReplays(replays: ReplaysInFlight): Database {
    return this.withWrappers({ replays });
  }

  /** The same database with another transaction timeout (summary rebuilds read the whole graph). */
  withTimeout(timeoutMs: number): Database {
    return this.withWrappers({}, timeoutMs);
  }

  /** The same database with every transaction passing through `gate` (per request: sessions, deadline). */
  withGate(gate: SessionGate): Database {
    return this.withWrappers({ gate });
  }

  /**
   * The same database, pausing on DATABASE_UNAVAILABLE until the database is back and then
   * repeating the call (see wait-for-database.ts); without it such a call fails at once.
   */
  withOutageWait(outage: OutageWaiter): Database {
    return this.withWrappers({ outage });
  }

  /** Runs `attempt`, and again after each outage the waiter sees through. */
  private async surviveOutages<T>(attempt: () => Promise<T>): Promise<T> {
    const { outage } = this.wrappers;
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        if (!outage || !isUnavailable(error)) throw error;
        await outage.waitUntilBack();
      }
    }
  }

  read<Params extends object, Row>(query: NamedQuery<Params, Row>, params: Params): Promise<Row[]> {
    return this.surviveOutages(() => this.runAlone('READ', query, params));
  }

  write<Params extends object, Row>(
    query: NamedQuery<Params, Row>,
    params: Params,
  ): Promise<Row[]> {
    return this.surviveOutages(() => this.runAlone('WRITE', query, params));
  }

  /**
   * One query in its own managed transaction through `driver.executeQuery`, which sends BEGIN
   * pipelined with RUN; through `session.executeRead` a query returning more than a trivial
   * result was markedly slower.
   */
  private runAlone<Params extends object, Row>(
    mode: 'READ' | 'WRITE',
    query: NamedQuery<Params, Row>,
    params: Params,
  ): Promise<Row[]> {
    return this.gate(this.timeoutMs, (timeout) =>
      this.runAloneWithin(mode, timeout, query, params),
    );
  }

  private async runAloneWithin<Params extends object, Row>(
    mode: 'READ' | 'WRITE',
    timeoutMs: number,
    query: NamedQuery<Params, Row>,
    params: Params,
  ): Promise<Row[]> {
    this.observer?.(query.name);
    await this.wrappers.replays?.finished(query.cypher);
    const started = performance.now();
    try {
      const result = await this.driver.executeQuery(
        query.cypher,
        toNeo4jParam(params) as Record<string, unknown>,
        {
          database: this.databaseName,
          routing: mode === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
          transactionConfig: { timeout: timeoutMs },
        },
      );
      if (mode === 'READ') this.wrappers.recorder?.(query, params, performance.now() - started);
      return result.records.map((record) =>
        query.parse(toPlainOwned(record.toObject()) as Record<string, never>),
      );
    } catch (error) {
      throw toDatabaseError(error, query.name);
    }
  }

  readTransaction<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.surviveOutages(() => this.transact('READ', work));
  }

  writeTransaction<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.surviveOutages(() => this.transact('WRITE', work));
  }

  private transact<T>(mode: 'READ' | 'WRITE', work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.gate(this.timeoutMs, (timeout) => this.transactWithin(mode, timeout, work));
  }

  private async transactWithin<T>(
    mode: 'READ' | 'WRITE',
    timeoutMs: number,
    work: (tx: QueryRunner) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.databaseName,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    // Queries may be run without awaiting the one before (the driver pipelines them on the
    // connection). Once one fails, those sent after it fail too, and their rejections can arrive
    // first, so a failure is named after the earliest-sent query that failed.
    let sent: string[] = [];
    let firstFailed = Infinity;
    const config = { timeout: timeoutMs };
    const body = (tx: ManagedTransaction) => {
      sent = [];
      firstFailed = Infinity;
      return work({
        run: async (query, params) => {
          const position = sent.push(query.name) - 1;
          this.observer?.(query.name);
          await this.wrappers.replays?.finished(query.cypher);
          const started = performance.now();
          try {
            const result = await tx.run(
              query.cypher,
              toNeo4jParam(params) as Record<string, unknown>,
            );
            if (mode === 'READ')
              this.wrappers.recorder?.(query, params, performance.now() - started);
            return result.records.map((record) =>
              query.parse(toPlainOwned(record.toObject()) as Record<string, never>),
            );
          } catch (error) {
            firstFailed = Math.min(firstFailed, position);
            throw error;
          }
        },
      });
    };
    try {
      return mode === 'READ'
        ? await session.executeRead(body, config)
        : await session.executeWrite(body, config);
    } catch (error) {
      throw toDatabaseError(error, sent[firstFailed] ?? sent.at(-1) ?? null);
    } finally {
      await session.close();
    }
  }
}
