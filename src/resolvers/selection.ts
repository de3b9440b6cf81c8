/**
 * Reading ahead in a request's selection: which fields a client asked for below the field being
 * resolved, with fragments merged and @skip/@include applied, so a resolver can read nested
 * levels in its own query and skip work nobody selected (totalCount).
 */
/*
 * Only the AST's `kind` strings are used, never graphql-js type predicates: Apollo runs the
 * CommonJS build of graphql while this code is loaded as ES modules, and the predicates'
 * instanceof checks refuse types from the other build.
 */
import {
  Kind,
  type ArgumentNode,
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { unreachable } from '../model/unreachable.ts';

/** What reading a selection needs from a resolver's info. */
export type SelectionContext = Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>;

/** The value of `if` on @skip or @include, when that directive is there. */
function readDirectiveIf(
  context: SelectionContext,
  node: FieldNode | FragmentSpreadNode | InlineFragmentNode,
  name: string,
): boolean | null {
  const directive = node.directives?.find((d) => d.name.value === name);
  const value = directive?.arguments?.find((a) => a.name.value === 'if')?.value;
  if (!value) return null;
  if (value.kind === Kind.BOOLEAN) return value.value;
  return value.kind === Kind.VARIABLE ? context.variableValues[value.name.value] === true : null;
}

function isIncluded(
  context: SelectionContext,
  node: FieldNode | FragmentSpreadNode | InlineFragmentNode,
): boolean {
  return (
    readDirectiveIf(context, node, 'skip') !== true &&
    readDirectiveIf(context, node, 'include') !== false
  );
}

function collectInto(
  context: SelectionContext,
  set: SelectionSetNode,
  out: Map<string, FieldNode[]>,
  seen: Set<string>,
): void {
  for (const selection of set.selections) {
    if (!isIncluded(context, selection)) continue;
    switch (selection.kind) {
      case Kind.FIELD: {
        const name = selection.name.value;
        out.set(name, [...(out.get(name) ?? []), selection]);
        break;
      }
      // The schema has no interfaces or unions, so a fragment valid here is on this very type.
      case Kind.INLINE_FRAGMENT:
        collectInto(context, selection.selectionSet, out, seen);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const fragment = context.fragments[selection.name.value];
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          collectInto(context, fragment.selectionSet, out, seen);
        }
        break;
      }
      default:
        unreachable(selection, 'selection kind');
    }
  }
}

/** Fields selected under these field nodes, by field name (every alias of a field together). */
export function collectSubfields(
  context: SelectionContext,
  fieldNodes: readonly FieldNode[],
): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const seen = new Set<string>();
  for (const node of fieldNodes)
    if (node.selectionSet) collectInto(context, node.selectionSet, out, seen);
  return out;
}

/** The object type a field returns (through lists and non-null), or null for scalars and enums. */
export function objectTypeOf(type: GraphQLOutputType): GraphQLObjectType | null {
  let named: GraphQLOutputType = type;
  while ('ofType' in named) named = named.ofType;
  return named.astNode?.kind === Kind.OBJECT_TYPE_DEFINITION ? (named as GraphQLObjectType) : null;
}

/** A plain argument value: literals, variables and null; a list or input object as `true` (it is set). */
function readValue(context: SelectionContext, value: ValueNode): unknown {
  switch (value.kind) {
    case Kind.VARIABLE:
      return context.variableValues[value.name.value];
    case Kind.INT:
      return Number(value.value);
    case Kind.FLOAT:
      return Number(value.value);
    case Kind.STRING:
    case Kind.ENUM:
      return value.value;
    case Kind.BOOLEAN:
      return value.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
    case Kind.OBJECT:
      return true;
    default:
      return unreachable(value, 'value kind');
  }
}

/**
 * An argument as its resolver will see it: the value given (or its variable's), else the
 * schema default, else undefined. Lists and input objects read as `true`: set, not read.
 */
export function readArgument(
  context: SelectionContext,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  name: string,
): unknown {
  const given: ArgumentNode | undefined = node.arguments?.find((a) => a.name.value === name);
  const fallback = field.args.find((a) => a.name === name)?.defaultValue;
  if (!given) return fallback;
  const value = readValue(context, given.value);
  return value === undefined ? fallback : value;
}

/** True when the connection being resolved has totalCount selected. */
export function selectsTotalCount(
  info: SelectionContext & Pick<GraphQLResolveInfo, 'fieldNodes'>,
): boolean {
  return collectSubfields(info, info.fieldNodes).has('totalCount');
}

/**
 * True when any of `names` is selected on the rows of the connection being resolved, under
 * `nodes` or under `edges { node }`.
 */
export function selectsNodeField(
  info: SelectionContext & Pick<GraphQLResolveInfo, 'fieldNodes'>,
  names: readonly string[],
): boolean {
  const connection = collectSubfields(info, info.fieldNodes);
  const edgeNodes = collectSubfields(info, connection.get('edges') ?? []).get('node') ?? [];
  const rows = [...(connection.get('nodes') ?? []), ...edgeNodes];
  const fields = collectSubfields(info, rows);
  return names.some((name) => fields.has(name));
}
