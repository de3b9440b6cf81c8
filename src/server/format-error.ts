/**
 * Error normaliser for Apollo's formatError: errors the API raised on purpose (with a known
 * code) go to the client as they are; database failures become a typed code with a safe
 * message; anything else is logged in full here and masked for the client. It never throws.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseError, type DatabaseErrorKind } from '../db/errors.ts';
import { ErrorCode } from '../model/error-codes.ts';
import { unreachable } from '../model/unreachable.ts';

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));
// Codes Apollo itself assigns to request-level problems; their messages are safe to show.
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Longer messages are cut: graphql-js quotes a client's bad value in its errors, whatever its size. */
export const MAX_MESSAGE_CHARS = 500;

function shorten(message: string): string {
  return message.length <= MAX_MESSAGE_CHARS
    ? message
    : `${message.slice(0, MAX_MESSAGE_CHARS)}… (cut at ${MAX_MESSAGE_CHARS} of ${message.length} characters)`;
}

function firstLine(message: string): string {
  return shorten(message.split('\n')[0]!);
}

function describeDatabaseError(kind: DatabaseErrorKind): { code: ErrorCode; message: string } {
  switch (kind) {
    case 'UNAVAILABLE':
    case 'DATABASE_NOT_FOUND':
    case 'AUTHENTICATION':
    case 'TRANSIENT':
      return {
        code: ErrorCode.DatabaseUnavailable,
        message: 'The database is not available right now; try again shortly.',
      };
    case 'TIMEOUT':
      return {
        code: ErrorCode.QueryTimeout,
        message:
          'The query took too long and was stopped; narrow it with filters or a smaller page.',
      };
    case 'CONSTRAINT_VIOLATION':
    case 'INVALID_QUERY':
    case 'UNKNOWN':
      return { code: ErrorCode.InternalServerError, message: 'Internal server error.' };
    default:
      return unreachable(kind, 'database error kind');
  }
}

/**
 * The code of the error wrapped as `originalError`, read by shape rather than instanceof: under
 * test runners graphql can be loaded twice (ESM and CJS builds), and each has its own class.
 */
function readInnerCode(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('originalError' in error)) return undefined;
  const inner = (error as { originalError: unknown }).originalError;
  if (typeof inner !== 'object' || inner === null || !('extensions' in inner)) return undefined;
  const extensions = (inner as { extensions: unknown }).extensions;
  return typeof extensions === 'object' && extensions !== null
    ? (extensions as { code?: unknown }).code
    : undefined;
}

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  try {
    const original = unwrapResolverError(error);
    if (original instanceof DatabaseError) {
      const { code, message } = describeDatabaseError(original.kind);
      const where = formatted.path?.join('.') ?? '(request)';
      // During an outage every request fails alike: one line each, not a stack trace each.
      if (code === ErrorCode.DatabaseUnavailable) {
        console.error(`[graphql] database unavailable at ${where}: ${firstLine(original.message)}`);
      } else {
        console.error(`[graphql] database error at ${where}:`, original);
      }
      return {
        message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    // Apollo re-codes every validation error GRAPHQL_VALIDATION_FAILED; one of our own rules'
    // errors (depth, cost) travels inside it as originalError and keeps its own code.
    const innerCode = readInnerCode(original);
    if (typeof innerCode === 'string' && PUBLIC_CODES.has(innerCode)) {
      return {
        message: shorten(formatted.message),
        locations: formatted.locations,
        extensions: { code: innerCode },
      };
    }
    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      (PUBLIC_CODES.has(code) || APOLLO_CODES.has(code)) &&
      code !== ErrorCode.InternalServerError
    ) {
      return {
        message: shorten(formatted.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...formatted.extensions, stacktrace: undefined },
      };
    }
    console.error(
      `[graphql] internal error at ${formatted.path?.join('.') ?? '(request)'}:`,
      original,
    );
    return {
      message: 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.InternalServerError },
    };
  } catch {
    return {
      message: 'Internal server error.',
      extensions: { code: ErrorCode.InternalServerError },
    };
  }
}
