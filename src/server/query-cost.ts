/**
 * The cost of an operation, with the page sizes it will really be answered with. graphql-armor's
 * cost model (an object 2, a scalar 1, each level down 1.5 times, a field's subtree times its
 * `first`) reads only `first` written as a number in the query, so a connection left to its
 * default page size, or given it in a variable, counted as one row: `locations { nodes {
 * inspections { nodes { findings … } } } }` passed, and returned 45 MB, while the same query
 * with its default `first`s written out was refused. Here `first` is read as the resolvers get
 * it: the number written, else the variable's value or default, else the schema's default for
 * the argument; capped at MAX_PAGE_SIZE as the resolvers cap it.
 */
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../resolvers/connection.ts';
import { findArgument, isSelectable, namedOf, outputFieldsOf } from './schema-shape.ts';

const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_COST_FACTOR = 1.5;

export type Variables = Readonly<Record<string, unknown>>;

interface CostWalk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Variables;
  operation: OperationDefinitionNode;
}

function clampPageSize(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Math.min(Math.max(Math.trunc(value), 1), MAX_PAGE_SIZE);
}

/** The value of a variable the resolver will see: given, else its declared default. */
function readVariable(walk: CostWalk, name: string): unknown {
  if (Object.hasOwn(walk.variables, name)) return walk.variables[name];
  const definition = walk.operation.variableDefinitions?.find(
    (d) => d.variable.name.value === name,
  );
  const value = definition?.defaultValue;
  if (value?.kind === Kind.INT) return Number(value.value);
  return value?.kind === Kind.NULL ? null : undefined;
}

/** How many rows a field's subtree stands for: its page size, or 1 for a field with no `first`. */
function readPageSize(
  walk: CostWalk,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
): number {
  const argument = findArgument(field.args, 'first');
  if (!argument) return 1;
  const fallback = clampPageSize(argument.defaultValue) ?? MAX_PAGE_SIZE;
  const given = node.arguments?.find((a) => a.name.value === 'first')?.value;
  if (!given) return fallback;
  if (given.kind === Kind.INT) return clampPageSize(Number(given.value)) ?? fallback;
  if (given.kind === Kind.VARIABLE) {
    const value = readVariable(walk, given.name.value);
    if (value === undefined || value === null) return fallback;
    // A value of the wrong kind fails when the operation runs; until then, the worst case.
    return clampPageSize(value) ?? MAX_PAGE_SIZE;
  }
  return fallback;
}

function costOfSelections(
  walk: CostWalk,
  selections: SelectionSetNode,
  parent: GraphQLNamedType,
): number {
  let cost = 0;
  for (const selection of selections.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        cost += DEPTH_COST_FACTOR * costOfField(walk, selection, parent);
        break;
      case Kind.INLINE_FRAGMENT: {
        const type = selection.typeCondition
          ? walk.schema.getType(selection.typeCondition.name.value)
          : parent;
        if (isSelectable(type)) cost += costOfSelections(walk, selection.selectionSet, type!);
        break;
      }
      case Kind.FRAGMENT_SPREAD: {
        const fragment = walk.fragments.get(selection.name.value);
        const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
        if (fragment && isSelectable(type))
          cost += costOfSelections(walk, fragment.selectionSet, type!);
        break;
      }
    }
  }
  return cost;
}

function costOfField(walk: CostWalk, node: FieldNode, parent: GraphQLNamedType): number {
  // Introspection is answered from the schema in memory, not the database.
  if (node.name.value === '__schema' || node.name.value === '__type') return 0;
  if (!node.selectionSet) return SCALAR_COST;
  const field = outputFieldsOf(parent)?.[node.name.value];
  if (!field) return OBJECT_COST;
  const type = namedOf(field.type);
  const children = isSelectable(type) ? costOfSelections(walk, node.selectionSet, type) : 0;
  return (OBJECT_COST + children) * readPageSize(walk, node, field);
}

/**
 * The cost of `operation` (validated against `schema`: fragments exist and do not cycle) with
 * these variables. Fragments count where they are spread, as if written out.
 */
export function measureQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const walk: CostWalk = { schema, fragments, variables, operation };
  // graphql-armor's root fields are not weighted by depth; each of their children is.
  return costOfSelections(walk, operation.selectionSet, root) / DEPTH_COST_FACTOR;
}
