import { describe, expect, it } from 'vitest';
import { FULLTEXT_INDEX, NODE_KEYS, RANGE_INDEXES, schemaStatements } from './migrations.ts';
import { schemaNames } from './migrations-applied.ts';

describe('the names the migration check looks for', () => {
  it('are one per schema statement, distinct, and name every key, range index and the full-text index', () => {
    const names = schemaNames();
    expect(names).toHaveLength(schemaStatements().length);
    expect(new Set(names).size).toBe(names.length);
    for (const [label, key] of NODE_KEYS)
      expect(names).toContain(`${label.toLowerCase()}_${key}_unique`);
    for (const [label, property] of RANGE_INDEXES)
      expect(names).toContain(`${label.toLowerCase()}_${property}`);
    expect(names).toContain(FULLTEXT_INDEX);
  });
});
