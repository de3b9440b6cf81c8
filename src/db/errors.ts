/**
 * Database failures as typed errors: the executor maps every Neo4jError code to one of these
 * kinds, so callers switch on `kind` instead of parsing driver messages.
 */
import { Neo4jError } from 'neo4j-driver';

export type DatabaseErrorKind =
  | 'UNAVAILABLE'
  | 'AUTHENTICATION'
  | 'TIMEOUT'
  | 'CONSTRAINT_VIOLATION'
  | 'INVALID_QUERY'
  | 'TRANSIENT'
  | 'DATABASE_NOT_FOUND'
  | 'UNKNOWN';

export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    readonly kind: DatabaseErrorKind,
    message: string,
    readonly queryName: string | null,
    readonly neo4jCode: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function classifyNeo4jCode(code: string): DatabaseErrorKind {
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return 'UNAVAILABLE';
  // A database still starting (after a restart, say) answers with this one.
  if (code === 'Neo.TransientError.General.DatabaseUnavailable') return 'UNAVAILABLE';
  if (code.startsWith('Neo.ClientError.Security.')) return 'AUTHENTICATION';
  if (
    code.includes('TransactionTimedOut') ||
    code.includes('TransactionTimedOutClientConfiguration')
  )
    return 'TIMEOUT';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return 'CONSTRAINT_VIOLATION';
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return 'DATABASE_NOT_FOUND';
  if (code.startsWith('Neo.ClientError.Statement.')) return 'INVALID_QUERY';
  if (code.startsWith('Neo.TransientError.')) return 'TRANSIENT';
  return 'UNKNOWN';
}

/** Wraps anything thrown by the driver; other errors pass through unchanged. */
export function toDatabaseError(error: unknown, queryName: string | null): unknown {
  if (error instanceof DatabaseError) return error;
  if (error instanceof Neo4jError) {
    const kind = classifyNeo4jCode(error.code);
    const where = queryName ? ` in query ${queryName}` : '';
    return new DatabaseError(kind, `${kind}${where}: ${error.message}`, queryName, error.code, {
      cause: error,
    });
  }
  return error;
}
