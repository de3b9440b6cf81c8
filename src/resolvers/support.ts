/** Small checks shared by resolvers. */
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../model/error-codes.ts';
import type { PageRequest } from '../graph/page.ts';
import { toPageRequest } from './connection.ts';

/** A to-one relation the graph model guarantees; its absence is a data fault, not a client error. */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined)
    throw new Error(`Graph inconsistency: ${what} is missing`);
  return value;
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BadUserInput } });
}

export function pageArgs(
  args: { first?: number | null; after?: string | null },
  fallback = 20,
): PageRequest {
  return toPageRequest(args.first, args.after, fallback);
}

/** `first` of a plain list argument, clamped like connection pages. */
export function listLimit(first: number | null | undefined, fallback: number): number {
  return pageArgs({ first }, fallback).limit;
}

export function checkDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
): void {
  if (from && to && from > to) throw badInput(`from (${from}) is after to (${to}).`);
}
