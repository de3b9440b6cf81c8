/**
 * Apollo's schema objects read by shape (their toStringTag and methods), not with graphql's
 * `is…Type` and TypeInfo, which test `instanceof`: under the test runner graphql is loaded twice
 * (the ESM build here, the CommonJS one inside Apollo) and each has its own classes.
 */
import type {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLType,
} from 'graphql';

function tagOf(type: unknown): string {
  return Object.prototype.toString.call(type).slice('[object '.length, -1);
}

export function isListShape(type: GraphQLType): boolean {
  return tagOf(type) === 'GraphQLList';
}

/** The type without its non-null wrapper. */
export function nullableOf<T extends GraphQLType>(type: T): T {
  return tagOf(type) === 'GraphQLNonNull' ? ((type as { ofType: GraphQLType }).ofType as T) : type;
}

/** The type inside every list and non-null wrapper. */
export function namedOf(type: GraphQLType): GraphQLNamedType {
  let inner: GraphQLType = type;
  while ('ofType' in inner && inner.ofType) inner = inner.ofType as GraphQLType;
  return inner as GraphQLNamedType;
}

/** A list's item type (a value given where a list is expected stands for one item). */
export function itemOf(type: GraphQLInputType): GraphQLInputType {
  const nullable = nullableOf(type);
  return isListShape(nullable) ? (nullable as { ofType: GraphQLInputType }).ofType : nullable;
}

/** Fields of an object or interface type; undefined for scalars, enums and unions. */
export function outputFieldsOf(
  type: GraphQLNamedType | null | undefined,
): Record<string, GraphQLField<unknown, unknown>> | undefined {
  const tag = tagOf(type);
  return tag === 'GraphQLObjectType' || tag === 'GraphQLInterfaceType'
    ? (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()
    : undefined;
}

/** Fields of an input object type; undefined for anything else. */
export function inputFieldsOf(type: GraphQLType): Record<string, GraphQLInputField> | undefined {
  const nullable = nullableOf(type);
  return tagOf(nullable) === 'GraphQLInputObjectType'
    ? (nullable as { getFields(): Record<string, GraphQLInputField> }).getFields()
    : undefined;
}

/** True for a type whose fields are selected (object, interface, union). */
export function isSelectable(type: GraphQLNamedType | null | undefined): boolean {
  return ['GraphQLObjectType', 'GraphQLInterfaceType', 'GraphQLUnionType'].includes(tagOf(type));
}

export function findArgument(
  args: readonly GraphQLArgument[],
  name: string,
): GraphQLArgument | undefined {
  return args.find((a) => a.name === name);
}
