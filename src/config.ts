/**
 * Environment → typed configuration. A bad value is one clear startup error naming the
 * variable, never a failure later on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ExternalNeo4j {
  kind: 'external';
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface LocalNeo4jSettings {
  kind: 'local';
  dataDir: string;
  port: number;
  heap: string;
  pageCache: string;
  database: string;
  /** Origins allowed to open Bolt over WebSocket (Neo4j Browser's, say); empty refuses all. */
  websocketOrigins: readonly string[];
}

/** How long the driver waits before it calls the database unavailable. */
export interface DriverTimeouts {
  /** Opening one connection (TCP, and TLS for +s URIs). */
  connectMs: number;
  /** Getting a connection from the pool, opening it included. */
  acquireMs: number;
  /**
   * Retrying a transaction that failed on a transient or connection error. The driver's next
   * delay is not cut to what is left (1 s, then 2 s, then 4 s, ±20%), so 2 s means a dead
   * database is reported after at most about 3.6 s; 3 s could take 8.
   */
  maxRetryMs: number;
}

export const DEFAULT_DRIVER_TIMEOUTS: DriverTimeouts = {
  connectMs: 3_000,
  acquireMs: 5_000,
  maxRetryMs: 2_000,
};

export interface Config {
  host: string;
  port: number;
  neo4j: ExternalNeo4j | LocalNeo4jSettings;
  driverTimeouts: DriverTimeouts;
  /** How long `npm run ingest` waits for a database that went away before it gives up. */
  neo4jWaitSeconds: number;
  /** Server-side limit for each Cypher transaction. */
  queryTimeoutMs: number;
  /** Bearer token that authorises the ingestReport mutation; null disables it. */
  ingestToken: string | null;
  seedDir: string;
  loadSeed: boolean;
  /** Whether the seed load takes `<seedDir>/synthetic/`, the generated sample (SEED_SYNTHETIC). */
  seedSynthetic: boolean;
  limits: RequestLimits;
  /** Bytes of GraphQL answers the server keeps in memory (RESPONSE_CACHE_BYTES); 0 keeps none. */
  responseCacheBytes: number;
}

export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function readMemory(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+[kmg]$/i.test(raw)) {
    throw new ConfigError(`${name} must be a size such as 512m or 2g, got "${raw}"`);
  }
  return raw.toLowerCase();
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/**
 * NEO4J_PASSWORD, else the first line of the file at NEO4J_PASSWORD_FILE. The variable wins so
 * a child process given the password explicitly (the bench's servers) ignores a file it inherits.
 */
function readPassword(env: Env): string {
  const file = env.NEO4J_PASSWORD_FILE?.trim();
  if (env.NEO4J_PASSWORD || !file) return env.NEO4J_PASSWORD ?? '';
  try {
    return readFileSync(path.resolve(file), 'utf8').split(/\r?\n/)[0]!;
  } catch (error) {
    throw new ConfigError(
      `NEO4J_PASSWORD_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): ${file}`,
    );
  }
}

function readOrigins(env: Env, name: string): string[] {
  const origins = (env[name] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s/,]+$/i.test(origin)) {
      throw new ConfigError(
        `${name} must be origins such as https://browser.neo4j.io, separated by commas, got "${origin}"`,
      );
    }
  }
  return origins;
}

function readNeo4j(env: Env): ExternalNeo4j | LocalNeo4jSettings {
  const database = env.NEO4J_DATABASE?.trim() || 'neo4j';
  const uri = env.NEO4J_URI?.trim();
  if (uri) {
    if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri)) {
      throw new ConfigError(
        `NEO4J_URI must look like bolt://host:7687, neo4j://host or neo4j+s://host, got "${uri}"`,
      );
    }
    return {
      kind: 'external',
      uri,
      user: env.NEO4J_USER?.trim() || 'neo4j',
      password: readPassword(env),
      database,
    };
  }
  return {
    kind: 'local',
    dataDir: path.resolve(PROJECT_ROOT, env.NEO4J_DATA_DIR?.trim() || '.neo4j-data'),
    port: readInteger(env, 'NEO4J_LOCAL_PORT', 7687, 0, 65535),
    heap: readMemory(env, 'NEO4J_HEAP', '1g'),
    pageCache: readMemory(env, 'NEO4J_PAGECACHE', '512m'),
    database,
    websocketOrigins: readOrigins(env, 'NEO4J_WEBSOCKET_ORIGINS'),
  };
}

function readDriverTimeouts(env: Env): DriverTimeouts {
  const defaults = DEFAULT_DRIVER_TIMEOUTS;
  return {
    connectMs: readInteger(env, 'NEO4J_CONNECT_TIMEOUT_MS', defaults.connectMs, 100, 600_000),
    acquireMs: readInteger(env, 'NEO4J_ACQUIRE_TIMEOUT_MS', defaults.acquireMs, 100, 600_000),
    maxRetryMs: readInteger(env, 'NEO4J_MAX_RETRY_MS', defaults.maxRetryMs, 0, 600_000),
  };
}

export function readConfig(env: Env = process.env): Config {
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: readInteger(env, 'PORT', 4000, 0, 65535),
    neo4j: readNeo4j(env),
    driverTimeouts: readDriverTimeouts(env),
    neo4jWaitSeconds: readInteger(env, 'NEO4J_WAIT_SECONDS', 120, 0, 86_400),
    queryTimeoutMs: readInteger(env, 'QUERY_TIMEOUT_MS', 15_000, 100, 3_600_000),
    ingestToken: env.INGEST_TOKEN?.trim() || null,
    seedDir: path.resolve(PROJECT_ROOT, env.SEED_DIR?.trim() || 'seed'),
    loadSeed: readBoolean(env, 'LOAD_SEED', true),
    seedSynthetic: readBoolean(env, 'SEED_SYNTHETIC', true),
    limits: readRequestLimits(env),
    responseCacheBytes: readInteger(
      env,
      'RESPONSE_CACHE_BYTES',
      DEFAULT_RESPONSE_CACHE_BYTES,
      0,
      1024 ** 4,
    ),
  };
}

/** What one GraphQL request and one client may use of the server (README: Configuration). */
export interface RequestLimits {
  /** Total time one request may take; the database work of a later query gets only what is left. */
  requestTimeoutMs: number;
  /** Database sessions one request may hold at once, so one request cannot take the whole pool. */
  maxSessionsPerRequest: number;
  /** Largest request body, except for callers with the ingest token (see maxUploadBytes). */
  maxRequestBytes: number;
  /** Largest report the ingestReport mutation takes, in bytes once decoded. */
  maxUploadBytes: number;
  /** Requests per minute one client (by address) may send to /graphql; 0 = no limit. */
  rateLimitPerMinute: number;
  /** Whether the rate limit applies to clients on this machine (127.0.0.0/8, ::1) too. */
  rateLimitLoopback: boolean;
  /**
   * How often a server reads the graph's version and change counter while it serves cached
   * answers or subscribers (GRAPH_WATCH_MS); a cached answer lags another process's write by at
   * most twice this.
   */
  graphWatchMs: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  requestTimeoutMs: 30_000,
  maxSessionsPerRequest: 4,
  maxRequestBytes: 1024 * 1024,
  maxUploadBytes: 10 * 1024 * 1024,
  rateLimitPerMinute: 600,
  rateLimitLoopback: false,
  graphWatchMs: 100,
};

function readRequestLimits(env: Env): RequestLimits {
  const d = DEFAULT_REQUEST_LIMITS;
  return {
    requestTimeoutMs: readInteger(env, 'REQUEST_TIMEOUT_MS', d.requestTimeoutMs, 100, 3_600_000),
    maxSessionsPerRequest: readInteger(
      env,
      'MAX_SESSIONS_PER_REQUEST',
      d.maxSessionsPerRequest,
      1,
      100,
    ),
    maxRequestBytes: readInteger(env, 'MAX_REQUEST_BYTES', d.maxRequestBytes, 1024, 1024 ** 3),
    maxUploadBytes: readInteger(env, 'MAX_UPLOAD_BYTES', d.maxUploadBytes, 1024, 1024 ** 3),
    rateLimitPerMinute: readInteger(
      env,
      'RATE_LIMIT_PER_MINUTE',
      d.rateLimitPerMinute,
      0,
      1_000_000,
    ),
    rateLimitLoopback: readBoolean(env, 'RATE_LIMIT_LOOPBACK', d.rateLimitLoopback),
    graphWatchMs: readInteger(env, 'GRAPH_WATCH_MS', d.graphWatchMs, 10, 60_000),
  };
}
