import { describe, expect, it } from 'vitest';
import { buildQueryCases } from '../../bench/query-cases.ts';

/** Every `$name` a Cypher text reads (the bench passes its params by hand, beside the API's builders). */
function readParameterNames(cypher: string): string[] {
  return [...new Set([...cypher.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))].sort();
}

describe('the bench query cases', () => {
  // A summary query that gains a parameter (as repeatedBreaches' `synthetic` did) must gain it in
  // the bench's bare side too, or npm run bench and graphql-overhead stop at that question.
  it.each(buildQueryCases('finding:sample').map((c) => [c.name, c] as const))(
    '%s passes every parameter its bare Cypher reads',
    (_name, testCase) => {
      const missing = readParameterNames(testCase.bare.cypher).filter(
        (name) => !(name in testCase.bare.params),
      );
      expect(missing).toEqual([]);
    },
  );
});
