/**
 * Lists read in a range index's order (locations by name or id, providers by name, ascending) page exactly as sorting
 * every node: ties on the name broken by id, and locations without a name (a report may name
 * none) after every named one, at every offset, through the list reader and over GraphQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineQuery, defineStatement, read } from '../../src/db/query.ts';
import { listParams, readList } from '../../src/graph/lists.ts';
import { startApiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { askGraphQL } from '../support/http.ts';

/** The reference order: every node sorted by the property (nulls last ascending, first descending), ties by id. */
function sortedIdsQuery(label: 'Location' | 'Provider', property: 'name' | 'id') {
  return defineQuery<{ descending: boolean }, { id: string }>({
    name: `test.${label}-sorted-by-${property}`,
    cypher: `
      MATCH (m:${label})
      WITH m ORDER BY CASE WHEN $descending THEN m.${property} END DESC, CASE WHEN $descending THEN null ELSE m.${property} END ASC, m.id
      RETURN m.id AS id`,
    parse: (row) => ({ id: read.string(row, 'id') }),
  });
}
const sortedLocationIds = sortedIdsQuery('Location', 'name');

/**
 * The fixture reports name no location (only ids), as some real reports do; these add named
 * ones, two of them with the same name, whose ids sort either side of a nameless one's.
 */
const addNamedLocations = defineStatement<{ locations: { id: string; name: string }[] }>(
  'test.add-named-locations',
  'UNWIND $locations AS location MERGE (m:Location {id: location.id}) SET m.name = location.name',
);

/** Providers, named alike twice and once not at all, beside the fixture's two. */
const addProviders = defineStatement<{ providers: { id: string; name: string | null }[] }>(
  'test.add-providers',
  'UNWIND $providers AS provider MERGE (m:Provider {id: provider.id}) SET m.name = provider.name',
);

describe('index-ordered list pages', () => {
  let api: ApiFixture;

  beforeAll(async () => {
    api = await startApiFixture();
    await api.graph.db.write(addNamedLocations, {
      locations: [
        { id: 'ofsted:SC999903', name: 'Meadowbank House' },
        { id: 'cqc:1-999999904', name: 'Meadowbank House' },
        { id: 'ofsted:SC999905', name: 'Ashdown Lodge' },
      ],
    });
    await api.graph.db.write(addProviders, {
      providers: [
        { id: 'test:provider-b', name: 'Kinsley Care Ltd' },
        { id: 'test:provider-a', name: 'Kinsley Care Ltd' },
        { id: 'test:provider-c', name: null },
      ],
    });
  });
  afterAll(async () => api.close());

  it('pages locations by name exactly as sorting them all, in both directions', async () => {
    for (const direction of ['ASC', 'DESC'] as const) {
      const all = (
        await api.graph.db.read(sortedLocationIds, { descending: direction === 'DESC' })
      ).map((row) => row.id);
      // Named and nameless locations both, so pages end in the index, across it and past it.
      expect(all.length).toBe(7);
      const requests = [1, 2, 3, 4].flatMap((limit) =>
        Array.from({ length: all.length + 1 }, (_, skip) => ({ skip, limit })),
      );
      for (const request of [...requests, { skip: 0, limit: 100 }]) {
        const page = await readList(
          api.graph.db,
          'locations',
          request,
          listParams.locations(null),
          { field: 'NAME', direction },
          { count: false },
        );
        const label = `${direction} ${JSON.stringify(request)}`;
        expect(
          page.items.map((item) => item.id),
          label,
        ).toEqual(all.slice(request.skip, request.skip + request.limit));
        expect(page.hasNextPage, label).toBe(all.length > request.skip + request.limit);
      }
    }
  });

  it('pages locations by id and providers by name exactly as sorting them all', async () => {
    const lists = [
      { list: 'locations', field: 'ID', reference: sortedIdsQuery('Location', 'id') },
      { list: 'providers', field: 'NAME', reference: sortedIdsQuery('Provider', 'name') },
    ] as const;
    for (const { list, field, reference } of lists) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const all = (await api.graph.db.read(reference, { descending: direction === 'DESC' })).map(
          (row) => row.id,
        );
        expect(all.length, list).toBeGreaterThan(2);
        for (const request of [1, 2, 3].flatMap((limit) =>
          Array.from({ length: all.length + 1 }, (_, skip) => ({ skip, limit })),
        )) {
          const page =
            list === 'locations'
              ? await readList(
                  api.graph.db,
                  'locations',
                  request,
                  listParams.locations(null),
                  { field, direction },
                  { count: false },
                )
              : await readList(
                  api.graph.db,
                  'providers',
                  request,
                  listParams.providers(null),
                  { field, direction },
                  { count: false },
                );
          const label = `${list} ${field} ${direction} ${JSON.stringify(request)}`;
          expect(
            page.items.map((item) => item.id),
            label,
          ).toEqual(all.slice(request.skip, request.skip + request.limit));
        }
      }
    }
  });

  it('walks the same order with cursors over GraphQL, counting every location', async () => {
    const all = (await api.graph.db.read(sortedLocationIds, { descending: false })).map(
      (row) => row.id,
    );
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: {
        locations: {
          totalCount: number;
          nodes: { id: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await askGraphQL(
        api.server.url,
        'query ($after: String) { locations(first: 2, after: $after, sort: { field: NAME, direction: ASC }) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expect(data.locations.totalCount).toBe(all.length);
      ids.push(...data.locations.nodes.map((node) => node.id));
      if (!data.locations.pageInfo.hasNextPage) break;
      after = data.locations.pageInfo.endCursor;
    }
    expect(ids).toEqual(all);
  });
});
