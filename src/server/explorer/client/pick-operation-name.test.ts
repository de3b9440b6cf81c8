import { describe, expect, it } from 'vitest';
import { pickOperationName } from './pick-operation-name.ts';

describe('pickOperationName', () => {
  it("uses a single operation's own name over a stale selection", () => {
    expect(pickOperationName('query Health { health { neo4j } }', 'BreachCounts')).toBe('Health');
  });

  it('sends no name for a single anonymous operation', () => {
    expect(pickOperationName('{ health { neo4j } }', 'BreachCounts')).toBeUndefined();
  });

  it('keeps the selection when the document holds several operations', () => {
    expect(pickOperationName('query A { a } query B { b }', 'B')).toBe('B');
  });

  it('keeps the selection when the document does not parse', () => {
    expect(pickOperationName('query Broken {', 'Broken')).toBe('Broken');
    expect(pickOperationName('query Broken {', null)).toBeUndefined();
  });
});
