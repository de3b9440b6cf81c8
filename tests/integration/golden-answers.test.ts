/**
 * The cross-report questions against hand-checked answers (tests/golden/answers/): each golden
 * file was worked out by reading the seed and fixture reports, each row citing the lines behind
 * it, so a wrong count fails here whatever the code returned before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { askGraphQL } from '../support/http.ts';

interface GoldenAnswer {
  query: string;
  field: string;
  totalCount: number;
  rows: ({ because: string[] } & Record<string, unknown>)[];
}

const GOLDEN_DIR = path.resolve(import.meta.dirname, '../golden/answers');
const GOLDEN_FILES = readdirSync(GOLDEN_DIR).filter((name) => name.endsWith('.json'));

function readGolden(name: string): GoldenAnswer {
  return JSON.parse(readFileSync(path.join(GOLDEN_DIR, name), 'utf8')) as GoldenAnswer;
}

describe('golden answers on the seeds and fixtures', () => {
  let api: ApiFixture;

  beforeAll(async () => {
    api = await startApiFixture();
  });
  afterAll(async () => api.close());

  it('has a golden answer for each question it checks, every row justified', () => {
    expect(GOLDEN_FILES.length).toBeGreaterThanOrEqual(3);
    for (const name of GOLDEN_FILES) {
      const golden = readGolden(name);
      expect(golden.rows.length, name).toBe(golden.totalCount);
      for (const row of golden.rows) expect(row.because.length, name).toBeGreaterThan(0);
    }
  });

  it.each(GOLDEN_FILES)('%s', async (name) => {
    const golden = readGolden(name);
    const data = await askGraphQL<Record<string, { totalCount: number; nodes: unknown[] }>>(
      api.server.url,
      golden.query,
    );
    const answer = data[golden.field]!;
    expect(answer.nodes).toEqual(golden.rows.map(({ because: _because, ...row }) => row));
    expect(answer.totalCount).toBe(golden.totalCount);
  });
});
