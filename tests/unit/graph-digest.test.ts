import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  compareContent,
  describeContent,
  digestEntries,
  type NodeRow,
  type RelationshipRow,
} from '../../bench/graph-digest.ts';

const location = (elementId: string, props: NodeRow['properties']): NodeRow => ({
  elementId,
  labels: ['Location'],
  properties: props,
});

describe('graph digest (bench/graph-digest.ts)', () => {
  it('writes values with sorted keys and leaves load times out at the top level only', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }] })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
    expect(canonicalJson({ id: 'r1', ingestedAt: '2026-01-01T00:00:00Z' }, true)).toBe(
      '{"id":"r1"}',
    );
    expect(canonicalJson({ id: 'r1', ingestedAt: 'then' })).toBe('{"id":"r1","ingestedAt":"then"}');
  });

  it('sees the same graph whatever the internal ids, load order and load times', () => {
    const a = describeContent(
      [
        location('4:a:1', { id: 'L1', name: 'One' }),
        location('4:a:2', { id: 'L2', name: 'Two', ingestedAt: 'monday' }),
      ],
      [{ from: '4:a:1', type: 'NEAR', to: '4:a:2', properties: {} }],
    );
    const b = describeContent(
      [
        location('9', { id: 'L2', ingestedAt: 'tuesday', name: 'Two' }),
        location('7', { name: 'One', id: 'L1' }),
      ],
      [{ from: '7', type: 'NEAR', to: '9', properties: {} }],
    );
    expect(compareContent(a, b)).toEqual([]);
    expect(digestEntries(a.get(':Location')!)).toBe(digestEntries(b.get(':Location')!));
  });

  it('counts every differing entry both ways, duplicates included, per label and type', () => {
    const nodes = [location('1', { id: 'L1' }), location('2', { id: 'L2' })];
    const edge = (from: string, to: string): RelationshipRow => ({
      from,
      type: 'NEAR',
      to,
      properties: { km: 1 },
    });
    const a = describeContent(nodes, [edge('1', '2'), edge('1', '2')]);
    const b = describeContent(
      [...nodes, location('3', { id: 'L3' })],
      [edge('1', '2'), edge('2', '1')],
    );
    const differences = compareContent(a, b, 1);
    expect(
      differences.map(({ kind, countA, countB, differing }) => [kind, countA, countB, differing]),
    ).toEqual([
      ['-[:NEAR]->', 2, 2, 2],
      [':Location', 2, 3, 1],
    ]);
    expect(differences[1]!.examples).toEqual(['only in B: Location {"id":"L3"}']);
    expect(differences[0]!.examples).toEqual([
      'only in A: (Location "L1")-[{"km":1}]->(Location "L2")',
      'only in B: (Location "L2")-[{"km":1}]->(Location "L1")',
    ]);
  });

  it('compares summary stamps and post-load steps by whether they caught up with the graph version', () => {
    const graph = (version: number, stamp: number, step: number) =>
      describeContent(
        [
          { elementId: '1', labels: ['GraphState'], properties: { id: 'graph', version } },
          { elementId: '2', labels: ['SummaryStamp'], properties: { kind: 'k', version: stamp } },
          {
            elementId: '3',
            labels: ['PostLoadStep'],
            properties: { name: 'link', doneAtVersion: step },
          },
        ],
        [],
      );
    // Forty batches in three runs against four in one: the same graph, nothing pending.
    expect(compareContent(graph(40, 40, 40), graph(4, 4, 4))).toEqual([]);
    // A step left behind by a crash is a difference.
    expect(compareContent(graph(40, 40, 39), graph(4, 4, 4))).toMatchObject([
      { kind: ':PostLoadStep', differing: 2 },
    ]);
    expect(graph(9, 8, 9).get(':SummaryStamp')).toEqual([
      'SummaryStamp {"kind":"k","version":"pending"}',
    ]);
  });

  it('names a node without an id by what it holds', () => {
    const a = describeContent(
      [
        { elementId: '1', labels: ['Stamp'], properties: { kind: 'k', builtAt: 'x' } },
        location('2', { id: 'L1' }),
      ],
      [{ from: '1', type: 'FOR', to: '2', properties: {} }],
    );
    expect(a.get('-[:FOR]->')).toEqual(['(Stamp {"kind":"k"})-[{}]->(Location "L1")']);
  });
});
