/**
 * Apollo Server executes with graphql-js, which walks the operation's selection anew for every
 * object of every answer: for the bench's nested read (107 KiB: 20 locations, their inspections
 * and requirements) executing it took 10.6-12.2 ms of CPU per request, resolvers and driver
 * included, and 9.0-10.3 ms compiled (bench/RESULTS.md, session 19). graphql-jit compiles each
 * operation once into a function that builds the answer, with the same resolvers, scalars and
 * errors.
 *
 * Apollo Server 5 takes no executor of its own, but a gateway (`GatewayInterface`) hands it a
 * schema and an executor, and Apollo then still parses, validates (with our limit rules), runs
 * every plugin and formats errors as before: only the execution step is ours. The compiled form
 * is kept per parsed document, which Apollo itself keeps per query text (its document store),
 * so a repeated query is compiled once and dropped when Apollo drops its document.
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  execute,
  getVariableValues,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Compiled = CompiledQuery | ExecutionResult;
type Variables = Record<string, unknown>;
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/**
 * A compiled query's result in graphql-js's shape, so Apollo formats and sends the same body:
 * `errors` before `data`, and only when there are any (graphql-jit puts them after); and every
 * error with `extensions`. graphql-jit leaves that undefined when the thrown error had none (a
 * DatabaseError, a null in a non-null field), where graphql-js gives `{}`, and Apollo reads
 * `extensions.code` of every error: such an error is seen through an object that adds the empty
 * `extensions` and inherits the rest (message, locations, path, originalError, stack, and its
 * being a GraphQLError).
 */
function asGraphqlJsResult(result: ExecutionResult<Variables>): ExecutionResult<Variables> {
  const { errors, data, extensions } = result;
  const shaped: ExecutionResult<Variables> = {};
  if (errors && errors.length > 0)
    shaped.errors = errors.map((error) =>
      error.extensions
        ? error
        : (Object.create(error, { extensions: { value: {} } }) as typeof error),
    );
  if ('data' in result) shaped.data = data;
  if (extensions !== undefined) shaped.extensions = extensions;
  return shaped;
}

/**
 * The request's variables as graphql-js reads them, or its errors as graphql-js gives them, so
 * a bad variable is answered word for word as before. What the compiled query is then given is
 * the request's own values with each default written in, as the client could have sent it:
 * graphql-jit refuses a non-null variable left to its default (`$text: String! = "x"`), which
 * graphql-js, and the explorer's examples, allow.
 */
function readVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  given: Variables,
): { errors: ExecutionResult['errors'] } | { variables: Variables } {
  const definitions = operation.variableDefinitions ?? [];
  // As graphql-js's execute asks it, error cap included.
  const coerced = getVariableValues(schema, definitions, given, { maxErrors: 50 });
  if (coerced.errors) return { errors: coerced.errors };
  const variables = { ...given };
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    if (definition.defaultValue && !(name in variables))
      variables[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return { variables };
}

/** The gateway Apollo is given in place of `schema`: the schema, and the compiled executor. */
export function compiledExecutorGateway(schema: GraphQLSchema): GatewayInterface {
  // Per document, per operation name (a document may hold several operations).
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const compile = (document: DocumentNode, operationName: string | undefined): Compiled => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (!entry) {
      entry = compileQuery(schema, document, operationName, {
        // Errors thrown by resolvers keep their own stack; jit's own need none.
        disablingCapturingStackErrors: true,
      });
      byName.set(key, entry);
    }
    return entry;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({
      executor: async (requestContext) => {
        const { document, operation, operationName } = requestContext;
        const given = requestContext.request.variables ?? {};
        // No such operation in the document: graphql-js words the error, as before.
        if (!operation)
          return execute({
            schema,
            document,
            operationName,
            variableValues: given,
          }) as ExecutionResult<Variables>;
        const read = readVariables(schema, operation, given);
        if ('errors' in read) return { errors: read.errors };
        const entry = compile(document, operationName ?? undefined);
        if (!isCompiledQuery(entry)) return asGraphqlJsResult(entry as ExecutionResult<Variables>);
        return asGraphqlJsResult(
          (await entry.query(
            undefined,
            requestContext.context,
            read.variables,
          )) as ExecutionResult<Variables>,
        );
      },
    }),
    stop: async () => {},
  };
}
