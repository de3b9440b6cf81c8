/**
 * Query depth and cost limits (graphql-armor validation rules). A refused operation gets a
 * clear message and its own error code instead of Apollo's generic validation code.
 */
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../model/error-codes.ts';

/** Deep enough for every example operation (6 levels) with room to explore. */
export const MAX_DEPTH = 10;
/**
 * graphql-armor's cost model grows with depth and with the page sizes asked for: the five-level
 * nested read of 1 location costs about 6,400, 20 locations with 100 inspections each about
 * 154,000. The limit lets that read through and refuses twice as much in one request.
 */
export const MAX_COST = 250_000;

function reportAs(code: ErrorCode) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }),
    );
  };
}

export function buildLimitRules(): ValidationRule[] {
  return [
    maxDepthRule({
      n: MAX_DEPTH,
      exposeLimits: true,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportAs(ErrorCode.QueryTooDeep)],
    }) as unknown as ValidationRule,
    costLimitRule({
      maxCost: MAX_COST,
      exposeLimits: true,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reportAs(ErrorCode.QueryTooCostly)],
    }) as unknown as ValidationRule,
  ];
}
