import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseError } from '../db/errors.ts';
import { formatError, MAX_MESSAGE_CHARS } from './format-error.ts';

const at = { message: 'raw', path: ['search'], locations: [{ line: 1, column: 3 }] };

describe('formatError', () => {
  it('masks unknown errors and logs them in full on the server', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const formatted = formatError(
      { ...at, message: 'Cannot read properties of undefined (reading secret)' },
      new TypeError('secret'),
    );
    expect(formatted).toEqual({
      message: 'Internal server error.',
      path: ['search'],
      locations: at.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('internal error at search'),
      expect.any(TypeError),
    );
    log.mockRestore();
  });

  it('turns database failures into typed codes without driver text', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const timeout = formatError(
      at,
      new DatabaseError(
        'TIMEOUT',
        'TIMEOUT in query x: Neo.ClientError.Transaction...',
        'x',
        'Neo.ClientError.Transaction.TransactionTimedOut',
      ),
    );
    expect(timeout.extensions).toEqual({ code: 'QUERY_TIMEOUT' });
    expect(timeout.message).not.toMatch(/Neo\./);
    const down = formatError(
      at,
      new DatabaseError('UNAVAILABLE', 'connect ECONNREFUSED', null, 'ServiceUnavailable'),
    );
    expect(down.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    const invalid = formatError(
      at,
      new DatabaseError(
        'INVALID_QUERY',
        'Invalid input ( at line 1',
        'x',
        'Neo.ClientError.Statement.SyntaxError',
      ),
    );
    expect(invalid).toMatchObject({
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    log.mockRestore();
  });

  it('logs an unavailable database in one line, other database errors with their stack', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    formatError(
      at,
      new DatabaseError(
        'UNAVAILABLE',
        'UNAVAILABLE in query x: Failed to connect to server.\nCaused by: connect ECONNREFUSED',
        'x',
        'ServiceUnavailable',
      ),
    );
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]).toEqual([
      '[graphql] database unavailable at search: UNAVAILABLE in query x: Failed to connect to server.',
    ]);
    log.mockClear();
    const unknown = new DatabaseError('UNKNOWN', 'UNKNOWN in query x: odd', 'x', 'Neo.Odd');
    formatError(at, unknown);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('database error at search'), unknown);
    log.mockRestore();
  });

  it('passes errors raised on purpose through with their code', () => {
    const error = new GraphQLError('first must be a whole number', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(
      formatError({ ...at, message: error.message, extensions: { code: 'BAD_USER_INPUT' } }, error),
    ).toMatchObject({
      message: 'first must be a whole number',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('never throws, whatever it is given', () => {
    expect(() => formatError({ message: 'x' }, undefined)).not.toThrow();
    expect(() =>
      formatError({ message: 'x', extensions: { code: 42 } }, Object.create(null)),
    ).not.toThrow();
  });
});

describe('formatError with validation errors', () => {
  it('keeps the code of our own validation rules that Apollo wrapped as GRAPHQL_VALIDATION_FAILED', () => {
    const ours = new GraphQLError('Query depth limit of 10 exceeded, found 12.', {
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
    const wrapped = new GraphQLError(ours.message, {
      originalError: ours,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(
      formatError(
        { message: ours.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        wrapped,
      ),
    ).toEqual({
      message: ours.message,
      locations: undefined,
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
  });
});

describe('formatError with a long message', () => {
  it('cuts it, so a value graphql-js quotes back is not echoed whole', () => {
    const value = 'v'.repeat(100_000);
    const message = `Variable "$t" got invalid value "${value}"; Int cannot represent it.`;
    const formatted = formatError(
      { message, extensions: { code: 'BAD_USER_INPUT' } },
      new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } }),
    );
    expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
    expect(formatted.message.length).toBeLessThan(MAX_MESSAGE_CHARS + 100);
    expect(formatted.message).toBe(
      `${message.slice(0, MAX_MESSAGE_CHARS)}… (cut at 500 of ${message.length} characters)`,
    );
  });
});
