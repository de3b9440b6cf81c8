/**
 * A request's selection under a list → the nested levels to read with the list in one query.
 * Only a closed set of fields is read ahead (the table below); a field whose arguments the plan
 * does not cover (a filter, aliases with different pages, a bad cursor) is left to its resolver
 * and the DataLoaders, which also report any argument error. Each level also names the row
 * fields its selection reads, so only their properties are fetched.
 */
import type { FieldNode, GraphQLField, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { CHILD_PAGES, type ChildPageName } from '../graph/child-pages.ts';
import { LISTS, type ListName, type ListReadOptions } from '../graph/lists.ts';
import type { Loaders } from '../graph/loaders.ts';
import type { PageRequest } from '../graph/page.ts';
import { toPageRequest } from './connection.ts';
import { NODE_KINDS, type NodeKind } from '../graph/node-kinds.ts';
import type { PrefetchStep, Projection } from '../graph/prefetch.ts';
import { ROW_READERS } from '../graph/rows.ts';
import { TRAVERSALS, type TraversalName } from '../graph/traversals.ts';
import {
  collectSubfields,
  objectTypeOf,
  readArgument,
  type SelectionContext,
} from './selection.ts';

type Source = { traversal: TraversalName } | { page: ChildPageName };

/** The fields read ahead, by GraphQL type; each names the traversal or page its resolver loads. */
const PREFETCHABLE: Readonly<Record<string, Readonly<Record<string, Source>>>> = {
  Provider: { locations: { page: 'providerLocations' } },
  Location: {
    provider: { traversal: 'locationProvider' },
    regulators: { traversal: 'locationRegulators' },
    inspections: { page: 'locationInspections' },
  },
  Inspection: {
    regulator: { traversal: 'inspectionRegulator' },
    location: { traversal: 'inspectionLocation' },
    previous: { traversal: 'inspectionPrevious' },
    judgements: { traversal: 'inspectionJudgements' },
    requirements: { traversal: 'inspectionRequirements' },
    recommendations: { traversal: 'inspectionRecommendations' },
    enforcementActions: { traversal: 'inspectionEnforcement' },
    findings: { page: 'inspectionFindings' },
  },
  Requirement: {
    regulation: { traversal: 'requirementRegulation' },
    inspection: { traversal: 'requirementInspection' },
    enforcementAction: { traversal: 'requirementEnforcement' },
  },
  EnforcementAction: {
    regulation: { traversal: 'enforcementRegulation' },
    inspection: { traversal: 'enforcementInspection' },
  },
  Regulation: {
    legislation: { traversal: 'regulationLegislation' },
    themes: { traversal: 'regulationThemes' },
  },
  Finding: {
    themes: { traversal: 'findingThemes' },
    citations: { traversal: 'findingCitations' },
    repeatCitations: { traversal: 'findingRepeatCitations' },
    inspection: { traversal: 'findingInspection' },
  },
};

/**
 * Fields resolved from the row's key alone (through loaders or attached levels), by GraphQL
 * type: selecting them reads no property. A field in neither this table nor the row's own
 * fields makes the whole node be read, so a field added later is never served half-read.
 */
const KEY_ONLY: Readonly<Record<string, ReadonlySet<string>>> = {
  Provider: new Set(['locations', 'companiesHouseNumber', 'sameAs', 'group']),
  Location: new Set(['regulators', 'provider', 'inspections', 'providerGroup']),
  Inspection: new Set([
    'regulator',
    'location',
    'previous',
    'judgements',
    'requirements',
    'recommendations',
    'enforcementActions',
    'reports',
    'findings',
  ]),
  Judgement: new Set(['inspection']),
  Requirement: new Set(['regulation', 'inspection', 'enforcementAction']),
  Recommendation: new Set(['inspection']),
  Finding: new Set(['themes', 'citations', 'repeatCitations', 'repeats', 'inspection']),
  EnforcementAction: new Set(['regulation', 'inspection']),
  Legislation: new Set(['regulations']),
  Regulation: new Set(['legislation', 'themes', 'requirements']),
  Theme: new Set(['regulations', 'findings']),
};

/** GraphQL fields served from a row field of another name (`source` from the row's position). */
const ROW_FIELD_OF: Readonly<Record<string, string>> = { source: 'position' };

/** The row fields of `kind` that the selection on `type` reads, or null when it needs the whole node. */
function readProjection(
  context: SelectionContext,
  type: GraphQLObjectType,
  kind: NodeKind,
  nodes: readonly FieldNode[],
): Projection {
  const readers = (ROW_READERS as Readonly<Record<string, Readonly<Record<string, unknown>>>>)[
    kind
  ];
  const keyOnly = KEY_ONLY[type.name];
  if (!readers || !keyOnly) return null;
  const fields = new Set<string>([NODE_KINDS[kind].key]);
  for (const name of collectSubfields(context, nodes).keys()) {
    if (name === '__typename' || keyOnly.has(name)) continue;
    const field = ROW_FIELD_OF[name] ?? name;
    if (!(field in readers)) return null;
    fields.add(field);
  }
  return [...fields].sort();
}

/** The page every alias of a connection field asks for, or null when they differ or use a filter. */
function readPageRequest(
  context: SelectionContext,
  field: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
): PageRequest | null {
  const requests = new Set<string>();
  let request: PageRequest | null = null;
  for (const node of nodes) {
    const filter = readArgument(context, field, node, 'filter');
    const first = readArgument(context, field, node, 'first');
    const after = readArgument(context, field, node, 'after');
    if (filter !== undefined && filter !== null) return null;
    // A default that applies only when first is null lives in the resolver: leave that to it.
    if (
      typeof first !== 'number' ||
      (after !== undefined && after !== null && typeof after !== 'string')
    )
      return null;
    try {
      request = toPageRequest(first, after);
    } catch {
      return null;
    }
    requests.add(`${request.skip}|${request.limit}`);
  }
  return requests.size === 1 ? request : null;
}

/** Field nodes of the items of a connection: under `nodes` and under `edges { node }`. */
function readConnection(
  context: SelectionContext,
  nodes: readonly FieldNode[],
): { count: boolean; items: FieldNode[] } {
  const fields = collectSubfields(context, nodes);
  const edgeNodes = collectSubfields(context, fields.get('edges') ?? []).get('node') ?? [];
  return { count: fields.has('totalCount'), items: [...(fields.get('nodes') ?? []), ...edgeNodes] };
}

/** Steps for the selection `nodes` on objects of `type`. */
function planLevel(
  context: SelectionContext,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
): PrefetchStep[] {
  const table = PREFETCHABLE[type.name];
  if (!table || nodes.length === 0) return [];
  const steps: PrefetchStep[] = [];
  for (const [name, fieldNodes] of collectSubfields(context, nodes)) {
    const source = table[name];
    const field = type.getFields()[name];
    if (!source || !field) continue;
    const childType = objectTypeOf(field.type);
    if ('traversal' in source) {
      const to = TRAVERSALS[source.traversal].to;
      steps.push({
        kind: 'related',
        traversal: source.traversal,
        fields: childType ? readProjection(context, childType, to, fieldNodes) : null,
        children: childType ? planLevel(context, childType, fieldNodes) : [],
      });
      continue;
    }
    const request = readPageRequest(context, field, fieldNodes);
    if (!request || !childType) continue;
    const connection = readConnection(context, fieldNodes);
    const itemType = objectTypeOf(childType.getFields().nodes!.type);
    steps.push({
      kind: 'page',
      page: source.page,
      request,
      count: connection.count,
      fields: itemType
        ? readProjection(context, itemType, CHILD_PAGES[source.page].to, connection.items)
        : null,
      children: itemType ? planLevel(context, itemType, connection.items) : [],
    });
  }
  return steps;
}

export interface ListPlan {
  /** Whether the list's own totalCount was selected. */
  count: boolean;
  /** The row fields the list's items need. */
  fields: Projection;
  steps: PrefetchStep[];
}

/** The plan for a list field returning a connection, from its resolver's info. */
export function planListPrefetch(info: GraphQLResolveInfo, list: ListName): ListPlan {
  const connectionType = objectTypeOf(info.returnType);
  const connection = readConnection(info, info.fieldNodes);
  const itemType = connectionType ? objectTypeOf(connectionType.getFields().nodes!.type) : null;
  return {
    count: connection.count,
    fields: itemType ? readProjection(info, itemType, LISTS[list].kind, connection.items) : null,
    steps: itemType ? planLevel(info, itemType, connection.items) : [],
  };
}

/** List read options for a list resolver: count only if selected, nested levels read ahead. */
export function readAhead(
  info: GraphQLResolveInfo,
  loaders: Loaders,
  list: ListName,
): ListReadOptions {
  const plan = planListPrefetch(info, list);
  return {
    count: plan.count,
    prefetch: loaders.readAhead ? { fields: plan.fields, steps: plan.steps, loaders } : null,
  };
}
