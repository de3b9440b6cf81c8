/**
 * What one operation may ask, checked before it runs, each refusal with its own error code:
 *
 * - tokens (graphql-armor's max-tokens parser), before Apollo hashes, parses or validates the
 *   text: a 25 MB query of `__typename` used to take 4.8 s and 1.4 GiB to be refused;
 * - depth, aliases and directives (graphql-armor validation rules);
 * - cost with the page sizes the resolvers will use (query-cost.ts) and the size of every string
 *   argument (input-size.ts), once the variables are known.
 *
 * The request body's size is limited before any of this (graphql-handler.ts).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../model/error-codes.ts';
import { findOversizedInput } from './input-size.ts';
import { measureQueryCost } from './query-cost.ts';

/** Deep enough for every example operation (6 levels) with room to explore. */
export const MAX_DEPTH = 10;
/**
 * graphql-armor's cost model grows with depth and with the page sizes asked for: the five-level
 * nested read of 1 location costs about 6,400, 20 locations with 100 inspections each about
 * 154,000. The limit lets that read through and refuses twice as much in one request.
 */
export const MAX_COST = 250_000;
/** The example operations have under 100 tokens, GraphiQL's introspection query about 300. */
export const MAX_TOKENS = 5_000;
/** Aliases in one operation: enough to ask a few variants of a question side by side. */
export const MAX_ALIASES = 20;
/** Directives (`@skip`, `@include`) in one operation. */
export const MAX_DIRECTIVES = 50;

function reportAs(code: ErrorCode) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }),
    );
  };
}

function refusal(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * QUERY_TOO_LARGE when `query` has more than MAX_TOKENS tokens, found by a parser that stops at
 * the first token over: the work is bounded by the limit, not by the text. A text shorter than
 * the limit cannot hold more tokens than characters, so it costs nothing. Syntax errors are left
 * for Apollo to report.
 */
export function checkQueryTokens(query: string): GraphQLError | null {
  if (query.length <= MAX_TOKENS) return null;
  let refused = false;
  try {
    new MaxTokensParserWLexer(query, {
      n: MAX_TOKENS,
      onReject: [() => (refused = true)],
      propagateOnRejection: true,
    }).parseDocument();
  } catch {
    // a syntax error, or the limit (told by `refused`)
  }
  return refused
    ? refusal(
        ErrorCode.QueryTooLarge,
        `The query has more than ${MAX_TOKENS} tokens (names, punctuation, values); ask for less in one request.`,
      )
    : null;
}

export function buildLimitRules(): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({
      ...common,
      n: MAX_DEPTH,
      flattenFragments: true,
      onReject: [reportAs(ErrorCode.QueryTooDeep)],
    }) as unknown as ValidationRule,
    maxAliasesRule({
      ...common,
      n: MAX_ALIASES,
      onReject: [reportAs(ErrorCode.QueryTooLarge)],
    }) as unknown as ValidationRule,
    maxDirectivesRule({
      ...common,
      n: MAX_DIRECTIVES,
      onReject: [reportAs(ErrorCode.QueryTooLarge)],
    }) as unknown as ValidationRule,
  ];
}

/**
 * Checks that need the variables, once the operation is validated and before any resolver runs:
 * string sizes (BAD_USER_INPUT), then cost (QUERY_TOO_COSTLY). Null when the operation passes.
 */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | null {
  const oversized = findOversizedInput(schema, document, operation, variables);
  if (oversized) return oversized;
  const cost = measureQueryCost(schema, document, operation, variables);
  return cost > MAX_COST
    ? refusal(
        ErrorCode.QueryTooCostly,
        `Query cost limit of ${MAX_COST} exceeded, found ${Math.round(cost)}: ask for smaller pages (first) or fewer levels.`,
      )
    : null;
}

/**
 * checkOperationLimits for every HTTP request, once the operation is resolved. An operation
 * that declares no variable has the same sizes and cost at every request, and Apollo's
 * document store hands back the same parsed document for the same text, so its outcome is
 * kept with the document instead of walking it again.
 */
export function limitsPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  const settled = new WeakMap<OperationDefinitionNode, GraphQLError | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // No operation to run: Apollo refuses the request itself just after this.
          if (!operation) return;
          const fixed = (operation.variableDefinitions?.length ?? 0) === 0;
          let refused = fixed ? settled.get(operation) : undefined;
          if (refused === undefined) {
            refused = checkOperationLimits(schema, document, operation, request.variables ?? {});
            if (fixed) settled.set(operation, refused);
          }
          if (refused) throw refused;
        },
      };
    },
  };
}
