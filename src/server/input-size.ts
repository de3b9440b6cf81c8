/**
 * Oversized strings in an operation's arguments and variables, found before anything runs, so
 * they are refused with BAD_USER_INPUT and a message that gives their length, never their text:
 * a 1 MB cursor used to come back whole in its error, search text of over 1,024 words failed
 * inside Lucene as INTERNAL_SERVER_ERROR, and graphql-js quotes a bad value in its own errors.
 */
import {
  GraphQLError,
  Kind,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ErrorCode } from '../model/error-codes.ts';
import type { Variables } from './query-cost.ts';
import {
  findArgument,
  inputFieldsOf,
  isSelectable,
  itemOf,
  namedOf,
  outputFieldsOf,
} from './schema-shape.ts';

/** Longest id (ids in the graph are a few dozen characters). */
export const MAX_ID_CHARS = 256;
/** Longest cursor (`after`); the server's own are about 20. */
export const MAX_CURSOR_CHARS = 64;
/** Longest other string (search text, names, filters): well under Lucene's 1,024 search terms. */
export const MAX_TEXT_CHARS = 1_000;
/** Input fields whose size the resolver checks itself against MAX_UPLOAD_BYTES. */
const UPLOAD_FIELDS = new Set(['IngestReportInput.content', 'IngestReportInput.contentBase64']);

interface Place {
  /** Said in the error: `argument "after" of locations`, `variable $text`. */
  label: string;
  /** `Type.field` of the input field the value fills, or the argument's name. */
  coordinate: string;
}

function limitFor(type: GraphQLInputType, place: Place): number | null {
  if (UPLOAD_FIELDS.has(place.coordinate)) return null;
  if (namedOf(type).name === 'String')
    return place.coordinate === 'after' ? MAX_CURSOR_CHARS : MAX_TEXT_CHARS;
  // IDs, enums, dates, numbers and booleans given as strings: all short when they are right.
  return MAX_ID_CHARS;
}

function tooLong(place: Place, length: number, limit: number): GraphQLError {
  return new GraphQLError(
    `${place.label} is ${length} characters long; at most ${limit} are accepted.`,
    { extensions: { code: ErrorCode.BadUserInput, http: { status: 400 } } },
  );
}

function checkString(value: string, type: GraphQLInputType, place: Place): GraphQLError | null {
  const limit = limitFor(type, place);
  return limit !== null && value.length > limit ? tooLong(place, value.length, limit) : null;
}

function fieldPlace(place: Place, type: GraphQLInputType, field: string): Place {
  return {
    label: `${place.label}, field ${field},`,
    coordinate: `${namedOf(type).name}.${field}`,
  };
}

/** Checks a variable's JSON value against the type where it is used. */
function checkValue(value: unknown, type: GraphQLInputType, place: Place): GraphQLError | null {
  if (typeof value === 'string') return checkString(value, type, place);
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const element of value) {
      const error = checkValue(element, itemOf(type), place);
      if (error) return error;
    }
    return null;
  }
  const fields = inputFieldsOf(type);
  for (const [key, inner] of Object.entries(value)) {
    const field = fields?.[key];
    const error = field && checkValue(inner, field.type, fieldPlace(place, type, key));
    if (error) return error;
  }
  return null;
}

/**
 * Checks a value written in the query; a variable in it is checked where it is used, so a
 * String variable given as an upload's content is held to the upload's limit, not a name's.
 */
function checkLiteral(
  node: ValueNode,
  type: GraphQLInputType,
  place: Place,
  variables: Variables,
): GraphQLError | null {
  switch (node.kind) {
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (!Object.hasOwn(variables, name)) return null;
      return checkValue(variables[name], type, { ...place, label: `variable $${name}` });
    }
    case Kind.STRING:
    case Kind.ENUM:
      return checkString(node.value, type, place);
    case Kind.LIST:
      for (const value of node.values) {
        const error = checkLiteral(value, itemOf(type), place, variables);
        if (error) return error;
      }
      return null;
    case Kind.OBJECT: {
      const fields = inputFieldsOf(type);
      for (const entry of node.fields) {
        const field = fields?.[entry.name.value];
        const error =
          field &&
          checkLiteral(
            entry.value,
            field.type,
            fieldPlace(place, type, entry.name.value),
            variables,
          );
        if (error) return error;
      }
      return null;
    }
    default:
      return null;
  }
}

interface InputWalk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Fragments already checked: each is checked once, as written. */
  seen: Set<string>;
  variables: Variables;
}

function checkArguments(
  walk: InputWalk,
  nodes: readonly ArgumentNode[] | undefined,
  definitions: readonly GraphQLArgument[],
  owner: string,
): GraphQLError | null {
  for (const node of nodes ?? []) {
    const argument = findArgument(definitions, node.name.value);
    const error =
      argument &&
      checkLiteral(
        node.value,
        argument.type,
        { label: `argument "${node.name.value}" of ${owner}`, coordinate: node.name.value },
        walk.variables,
      );
    if (error) return error;
  }
  return null;
}

function checkDirectives(
  walk: InputWalk,
  directives: readonly DirectiveNode[] | undefined,
): GraphQLError | null {
  for (const directive of directives ?? []) {
    const definition = walk.schema.getDirective(directive.name.value);
    const error =
      definition &&
      checkArguments(walk, directive.arguments, definition.args, `@${directive.name.value}`);
    if (error) return error;
  }
  return null;
}

function checkSelections(
  walk: InputWalk,
  selections: SelectionSetNode,
  parent: GraphQLNamedType | null | undefined,
): GraphQLError | null {
  for (const selection of selections.selections) {
    let error = checkDirectives(walk, selection.directives);
    if (error) return error;
    switch (selection.kind) {
      case Kind.FIELD: {
        const field = outputFieldsOf(parent)?.[selection.name.value];
        if (!field) break;
        error = checkArguments(walk, selection.arguments, field.args, field.name);
        if (!error && selection.selectionSet) {
          const type = namedOf(field.type);
          if (isSelectable(type)) error = checkSelections(walk, selection.selectionSet, type);
        }
        break;
      }
      case Kind.INLINE_FRAGMENT: {
        const type = selection.typeCondition
          ? walk.schema.getType(selection.typeCondition.name.value)
          : parent;
        error = checkSelections(walk, selection.selectionSet, type);
        break;
      }
      case Kind.FRAGMENT_SPREAD: {
        const fragment = walk.fragments.get(selection.name.value);
        if (!fragment || walk.seen.has(fragment.name.value)) break;
        walk.seen.add(fragment.name.value);
        error =
          checkDirectives(walk, fragment.directives) ??
          checkSelections(
            walk,
            fragment.selectionSet,
            walk.schema.getType(fragment.typeCondition.name.value),
          );
        break;
      }
    }
    if (error) return error;
  }
  return null;
}

/** The first string in the operation's arguments or variables that is too long, as an error. */
export function findOversizedInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): GraphQLError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  const walk: InputWalk = { schema, fragments, seen: new Set(), variables };
  return (
    checkDirectives(walk, operation.directives) ??
    checkSelections(walk, operation.selectionSet, schema.getRootType(operation.operation))
  );
}
