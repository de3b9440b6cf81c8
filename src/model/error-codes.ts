/** Every `extensions.code` the API can return. Clients switch on these; keep them stable. */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  /** The HTTP request itself could not be read (body not JSON, too large); Apollo uses the same code. */
  BadRequest: 'BAD_REQUEST',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  QueryTimeout: 'QUERY_TIMEOUT',
  QueryTooDeep: 'QUERY_TOO_DEEP',
  QueryTooCostly: 'QUERY_TOO_COSTLY',
  /** The document itself is too big: too many tokens, aliases or directives. */
  QueryTooLarge: 'QUERY_TOO_LARGE',
  /** The request ran past its total deadline (REQUEST_TIMEOUT_MS); what was left was stopped. */
  RequestTimeout: 'REQUEST_TIMEOUT',
  /** The client sent more requests than RATE_LIMIT_PER_MINUTE allows; retry after the Retry-After header. */
  RateLimited: 'RATE_LIMITED',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
