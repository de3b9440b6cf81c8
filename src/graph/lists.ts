/**
 * Top-level lists with filters and sorting. The ORDER BY text comes from closed sort enums and
 * each (list, sort) pair is its own named query; filters are parameters.
 */
import { defineQuery, read, type NamedQuery, type PlainRecord } from '../db/query.ts';
import type { Database } from '../db/executor.ts';
import type { EnforcementType } from '../model/document.ts';
import {
  FINDING_PREDICATE,
  SCOPE_PREDICATE,
  toFindingParams,
  toPlaceParams,
  toScopeParams,
  type FindingFilterInput,
  type ScopeFilterInput,
} from './filters.ts';
import type { Loaders } from './loaders.ts';
import { type NodeKind, type RowOf } from './node-kinds.ts';
import { buildIndexOrderedPage } from './index-ordered-page.ts';
import { buildNewestEnforcementPage } from './newest-enforcement-page.ts';
import { ENFORCEMENT_SUMMARY_READ } from './questions/enforcement-actions/index.ts';
import { chooseScopeSeek, nameWithSeek, seekScope, type ScopeSeek } from './scope-seek.ts';
import { toPage, type Page, type PageRequest } from './page.ts';
import {
  attachNested,
  buildNestedCypher,
  describePlan,
  describeProjection,
  parseProjected,
  projectNode,
  type PrefetchStep,
  type Projection,
} from './prefetch.ts';

const GRADE_RANK = `CASE m.overallGrade WHEN 'OUTSTANDING' THEN 1 WHEN 'GOOD' THEN 2 WHEN 'ADEQUATE' THEN 3
  WHEN 'REQUIRES_IMPROVEMENT' THEN 4 WHEN 'INADEQUATE' THEN 5 WHEN 'IMPROVED_EFFECTIVENESS' THEN 2
  WHEN 'SUSTAINED_EFFECTIVENESS' THEN 3 WHEN 'DECLINED_IN_EFFECTIVENESS' THEN 4 ELSE 6 END`;

interface ListSpec {
  kind: NodeKind;
  /** Binds `m`, the listed node. */
  match: string;
  /** The predicate always applied (null-safe on each of its parameters), or `true`. */
  where: string;
  /**
   * One condition per filter field, each in the query only when `$f.<field>` is set. A
   * condition written `$f.x IS NULL OR ...` costs its test on every candidate row even when
   * unset, which slowed a large list's read noticeably. Which filters are set is part of
   * a query's shape and name; their values stay parameters.
   */
  filters: Readonly<Record<string, string>>;
  sorts: Readonly<Record<string, string>>;
  /**
   * Sorts read through indexes instead of ORDER BY over every match: given the list's full
   * predicate, the sort direction and the filters set, Cypher binding `m` in page order with
   * SKIP $skip LIMIT $limit applied, or null where the plain sort serves better. Each must
   * order exactly as its `sorts` entry.
   */
  pages?: Readonly<Record<string, (page: PageShape) => string | null>>;
  /**
   * The total when no filter is set, from Neo4j's count store (O(1)) instead of matching every
   * item; it must equal the filtered count with every filter null.
   */
  countAll?: string;
  /**
   * True when `where` holds SCOPE_PREDICATE: the count and the sorted page then start from the
   * scope filter's seek (graph/scope-seek.ts), part of the query's shape and name.
   */
  seeksScope?: boolean;
  /**
   * A summary read at the start of the query, in the same transaction, whose variables the
   * count and the page import: the count is taken from it when `usable` holds.
   */
  summary?: ListSummary;
}

interface ListSummary {
  /** Cypher binding `vars` from the filter `$f`. */
  read: string;
  /** The variables it binds, comma-separated. */
  vars: string;
  /** True when the summary's total is the filtered count. */
  usable: string;
  total: string;
}

interface PageShape {
  where: string;
  /** The opening clauses of the request's seek and a space, or '' (see ListSpec.seeksScope). */
  seek: string;
  direction: 'ASC' | 'DESC';
  filters: readonly string[];
  /** The variables of the list's summary read (ListSpec.summary), or ''. */
  imports: string;
}

/** The index's order serves an ascending, unfiltered page; otherwise the plain sort does (see index-ordered-page.ts). */
function pageByIndexWhenPlain(label: string, property: string): (page: PageShape) => string | null {
  return ({ direction, filters }) =>
    direction === 'ASC' && filters.length === 0 ? buildIndexOrderedPage(label, property) : null;
}

/** A provider or location list's `synthetic` filter; the other lists take it from SCOPE_PREDICATE. */
const SYNTHETIC_FILTER = 'coalesce(m.synthetic, false) = $f.synthetic';

const ENFORCEMENT_MATCH =
  '(i:Inspection)-[:LED_TO]->(m:EnforcementAction), (i)-[:OF]->(l:Location) WITH i, l, m';
const ENFORCEMENT_NEWEST = 'coalesce(m.issuedOn, i.startDate) DESC, m.id';

export const LISTS = {
  providers: {
    kind: 'provider',
    match: '(m:Provider)',
    where: 'true',
    filters: {
      nameContains: 'toLower(m.name) CONTAINS toLower($f.nameContains)',
      regulator:
        'EXISTS { (m)-[:RUNS]->(:Location)-[:REGULATED_BY]->(:Regulator {code: $f.regulator}) }',
      synthetic: SYNTHETIC_FILTER,
    },
    sorts: { NAME: 'm.name', LOCATION_COUNT: 'COUNT { (m)-[:RUNS]->() }' },
    pages: { NAME: pageByIndexWhenPlain('Provider', 'name') },
  },
  locations: {
    kind: 'location',
    match: '(m:Location)',
    where: 'true',
    filters: {
      nameContains: 'toLower(m.name) CONTAINS toLower($f.nameContains)',
      regulator: 'EXISTS { (m)-[:REGULATED_BY]->(:Regulator {code: $f.regulator}) }',
      region: 'm.region = $f.region',
      localAuthority: 'm.localAuthority = $f.localAuthority',
      providerId: 'EXISTS { (m)<-[:RUNS]-(:Provider {id: $f.providerId}) }',
      synthetic: SYNTHETIC_FILTER,
    },
    sorts: { NAME: 'm.name', ID: 'm.id' },
    pages: {
      NAME: pageByIndexWhenPlain('Location', 'name'),
      ID: pageByIndexWhenPlain('Location', 'id'),
    },
  },
  inspections: {
    kind: 'inspection',
    match: '(m:Inspection)-[:OF]->(l:Location) WITH m, m AS i, l',
    where: SCOPE_PREDICATE,
    filters: {
      locationId: 'l.id = $f.locationId',
      grades: 'm.overallGrade IN $f.grades',
      type: 'm.type = $f.type',
      hasReport: 'm.hasReport = $f.hasReport',
    },
    sorts: { START_DATE: 'm.startDate', GRADE: GRADE_RANK },
  },
  findings: {
    kind: 'finding',
    match: '(i:Inspection)-[:FOUND]->(m:Finding), (i)-[:OF]->(l:Location) WITH i, l, m, m AS f',
    where: FINDING_PREDICATE,
    filters: {},
    sorts: { NEWEST: 'i.startDate DESC, m.line' },
  },
  enforcementActions: {
    kind: 'enforcement',
    match: ENFORCEMENT_MATCH,
    where: SCOPE_PREDICATE,
    filters: { type: 'm.type = $f.type' },
    sorts: { NEWEST: ENFORCEMENT_NEWEST },
    pages: {
      NEWEST: ({ where, seek, imports }) =>
        buildNewestEnforcementPage(ENFORCEMENT_MATCH, where, ENFORCEMENT_NEWEST, seek, {
          imports,
          issued: 'NOT summaryUsable OR summaryIssued > 0',
          unissued: 'NOT summaryUsable OR summaryUnissued > 0',
          firstIssued: 'summaryFirstIssued',
          lastIssued: 'summaryLastIssued',
        }),
    },
    // Each action has one LED_TO from an inspection, and each inspection one OF to its location
    // (the loader MERGEs exactly those), so with no filter the count is the LED_TO count.
    countAll: 'COUNT { ()-[:LED_TO]->(:EnforcementAction) }',
    seeksScope: true,
    summary: {
      read: ENFORCEMENT_SUMMARY_READ,
      vars: 'summaryUsable, summaryIssued, summaryUnissued, summaryFirstIssued, summaryLastIssued',
      usable: 'summaryUsable',
      total: 'summaryIssued + summaryUnissued',
    },
  },
} as const satisfies Record<string, ListSpec>;

export type ListName = keyof typeof LISTS;
type SortOf<L extends ListName> = keyof (typeof LISTS)[L]['sorts'] & string;

interface ListParams {
  skip: number;
  limit: number;
  f: Record<string, unknown>;
  [pageParam: string]: unknown;
}

interface ListResult {
  total: number | null;
  /** Each item's properties, with the levels read under it beside them (prefetch.ts). */
  items: PlainRecord[];
}

/** How much a list query reads beside the page: the count, and nested levels of each item. */
export interface ListReadOptions {
  /** False when totalCount was not selected: the count is the costlier half of a list query. */
  count?: boolean;
  /**
   * The row fields to read of each item (null: all), and nested levels to read in the same
   * query, attached to the rows in these loaders.
   */
  prefetch?: { fields: Projection; steps: readonly PrefetchStep[]; loaders: Loaders } | null;
}

const NO_FILTER = 'all(key IN keys($f) WHERE $f[key] IS NULL)';

/** Binds `total`: from the count store when the list has one and no filter is set, else by matching. */
function buildCount(spec: ListSpec, where: string, seek: string): string {
  if (!spec.countAll)
    return `CALL () { ${seek}MATCH ${spec.match} WHERE ${where} RETURN count(m) AS total }`;
  const summary = spec.summary;
  // The UNWIND yields no row when no filter is set (or the summary counts), so the match below it never runs.
  return `CALL (${summary?.vars ?? ''}) {
            UNWIND CASE WHEN ${NO_FILTER}${summary ? ` OR ${summary.usable}` : ''} THEN [] ELSE [true] END AS filtered
            ${seek}MATCH ${spec.match} WHERE ${where} RETURN count(m) AS matched
          }
          WITH ${summary ? `${summary.vars}, ` : ''}CASE WHEN ${NO_FILTER} THEN ${spec.countAll}${summary ? ` WHEN ${summary.usable} THEN ${summary.total}` : ''} ELSE matched END AS total`;
}

const cache = new Map<
  string,
  { query: NamedQuery<ListParams, ListResult>; params: Record<string, number> }
>();
/**
 * Query texts are built per selection shape and projection, which clients choose: past this
 * many the cache starts over rather than grow without bound (building one is cheap).
 */
const MAX_CACHED_QUERIES = 1000;

/** The filter fields of a list that are set in these parameters, in the table's order. */
function readSetFilters(name: ListName, f: Record<string, unknown>): string[] {
  const spec: ListSpec = LISTS[name];
  return Object.keys(spec.filters).filter((field) => f[field] !== null && f[field] !== undefined);
}

function buildWhere(spec: ListSpec, filters: readonly string[]): string {
  const conditions = filters.map((field) => {
    const condition = spec.filters[field];
    if (!condition) throw new Error(`Unknown filter ${field}`);
    return `(${condition})`;
  });
  return [spec.where, ...conditions].join(' AND ');
}

function buildListQuery(
  name: ListName,
  sort: string,
  direction: 'ASC' | 'DESC',
  count: boolean,
  fields: Projection,
  steps: readonly PrefetchStep[],
  filters: readonly string[],
  seek: ScopeSeek | null,
) {
  const spec: ListSpec = LISTS[name];
  const where = buildWhere(spec, filters);
  // Followed by a space when set, so a query without a seek reads as it did before seeks.
  const seekClause = seek ? `${seekScope(seek, '$f.')} ` : '';
  const order = spec.sorts[sort];
  if (!order) throw new Error(`Unknown sort ${sort} for ${name}`);
  // A sort expression that already carries its direction (NEWEST) is used as it is.
  const orderBy = /\b(ASC|DESC)\b/.test(order) ? order : `${order} ${direction}, m.id`;
  const nested = buildNestedCypher('c0', steps);
  const plan = describePlan(steps);
  const query = defineQuery<ListParams, ListResult>({
    name: nameWithSeek(
      `list.${name}.${sort}.${direction}${count ? '' : '.uncounted'}${filters.length > 0 ? `.where(${filters.join(',')})` : ''}${plan ? `.with(${plan})` : ''}${describeProjection(fields)}`,
      seek,
    ),
    cypher: `${spec.summary?.read ?? ''}${count ? buildCount(spec, where, seekClause) : ''}
             CALL (${spec.summary?.vars ?? ''}) {
               ${
                 spec.pages?.[sort]?.({
                   where,
                   seek: seekClause,
                   direction,
                   filters,
                   imports: spec.summary?.vars ?? '',
                 }) ??
                 `${seekClause}MATCH ${spec.match} WHERE ${where}
               WITH * ORDER BY ${orderBy} SKIP $skip LIMIT $limit`
               }
               WITH m AS c0
               RETURN collect(${projectNode('c0', fields, nested.entries)}) AS items
             }
             RETURN ${count ? 'total' : 'null AS total'}, items`,
    parse: (row) => ({
      total: read.optionalNumber(row, 'total'),
      items: read.list(row, 'items'),
    }),
  });
  return { query, params: nested.params };
}

/**
 * The named query of a list with this sort, with or without its count, testing the filter
 * fields named in `filters` (the others are unset), reading `fields` of each item (null: all)
 * and the nested levels of `steps`; plus the page parameters those levels take.
 */
export function listQuery(
  name: ListName,
  sort: string,
  direction: 'ASC' | 'DESC',
  count = true,
  steps: readonly PrefetchStep[] = [],
  fields: Projection = null,
  filters: readonly string[] = [],
  seek: ScopeSeek | null = null,
) {
  const cacheKey = `${name}.${sort}.${direction}.${count}.${filters.join(',')}.${seek}.${describePlan(steps)}${describeProjection(fields)}`;
  let entry = cache.get(cacheKey);
  if (!entry) {
    entry = buildListQuery(name, sort, direction, count, fields, steps, filters, seek);
    if (cache.size >= MAX_CACHED_QUERIES) cache.clear();
    cache.set(cacheKey, entry);
  }
  // The query text is fixed by the plan's shape; its page values are this request's.
  return { query: entry.query, params: buildNestedCypher('c0', steps).params };
}

export async function readList<L extends ListName>(
  db: Database,
  name: L,
  request: PageRequest,
  params: Record<string, unknown>,
  sort: { field: SortOf<L>; direction: 'ASC' | 'DESC' },
  options: ListReadOptions = {},
): Promise<Page<RowOf<(typeof LISTS)[L]['kind']>>> {
  const count = options.count ?? true;
  const steps = options.prefetch?.steps ?? [];
  const fields = options.prefetch?.fields ?? null;
  const filters = readSetFilters(name, params);
  const spec: ListSpec = LISTS[name];
  const seek = spec.seeksScope ? chooseScopeSeek(params) : null;
  const { query, params: pageParams } = listQuery(
    name,
    sort.field,
    sort.direction,
    count,
    steps,
    fields,
    filters,
    seek,
  );
  // One item past the page says whether another follows, without counting.
  const [row] = await db.read(query, {
    ...pageParams,
    skip: request.skip,
    limit: request.limit + 1,
    f: params,
  });
  const kind = LISTS[name].kind;
  const items = row?.items ?? [];
  const rows = items.map(
    (item) => parseProjected(kind, item, fields) as RowOf<(typeof LISTS)[L]['kind']>,
  );
  if (options.prefetch && steps.length > 0) {
    rows.forEach((parsed, i) => attachNested(options.prefetch!.loaders, steps, parsed, items[i]!));
  }
  return toPage(rows, request, count ? (row?.total ?? 0) : null);
}

export interface ProviderFilterInput {
  regulator?: string | null;
  nameContains?: string | null;
  synthetic?: boolean | null;
}
export interface LocationFilterInput extends ProviderFilterInput {
  region?: string | null;
  localAuthority?: string | null;
  providerId?: string | null;
}
export interface InspectionFilterInput extends ScopeFilterInput {
  locationId?: string | null;
  grades?: readonly string[] | null;
  type?: string | null;
  hasReport?: boolean | null;
}

export const listParams = {
  providers: (f: ProviderFilterInput | null | undefined) => ({
    regulator: f?.regulator ?? null,
    nameContains: f?.nameContains ?? null,
    synthetic: f?.synthetic ?? null,
  }),
  locations: (f: LocationFilterInput | null | undefined) => ({
    regulator: f?.regulator ?? null,
    nameContains: f?.nameContains ?? null,
    ...toPlaceParams(f),
    providerId: f?.providerId ?? null,
    synthetic: f?.synthetic ?? null,
  }),
  inspections: (f: InspectionFilterInput | null | undefined) => ({
    ...toScopeParams(f),
    locationId: f?.locationId ?? null,
    grades: f?.grades && f.grades.length > 0 ? [...f.grades] : null,
    type: f?.type ?? null,
    hasReport: f?.hasReport ?? null,
  }),
  findings: (f: FindingFilterInput | null | undefined) => ({ ...toFindingParams(f) }),
  enforcementActions: (
    f: (ScopeFilterInput & { type?: EnforcementType | null }) | null | undefined,
  ) => ({
    ...toScopeParams(f),
    type: f?.type ?? null,
  }),
};
