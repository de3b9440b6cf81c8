/**
 * An inspection split over two visits keeps each visit in the graph and the API, read from the
 * opening page of Derbyshire's 2019 ILACS report: "Inspection dates: 8 July 2019 to 12 July 2019
 * and 7 August 2019 to 8 August 2019".
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/load/ingest-files.ts';
import { startApiFixture, type ApiFixture } from '../support/api-fixture.ts';
import { askGraphQL } from '../support/http.ts';

const SPLIT_WINDOW_REPORT = path.resolve(
  import.meta.dirname,
  '../unit/parsers/fixtures/ofsted-ilacs_80460_derbyshire_2019-09-19_head.txt',
);

describe('inspection visits', () => {
  let api: ApiFixture;

  beforeAll(async () => {
    api = await startApiFixture();
    const result = await ingestFile(SPLIT_WINDOW_REPORT, {
      db: api.graph.db,
      force: false,
      meta: null,
    });
    expect(result.status).toBe('loaded');
  });
  afterAll(async () => api.close());

  it('gives each visit of a split inspection, and none for one that ran as one visit', async () => {
    const data = await askGraphQL<Record<string, unknown>>(
      api.server.url,
      `{
        split: inspection(id: "la:80460:2019-07-08:full") { startDate endDate visits { startDate endDate } }
        single: inspection(id: "ofsted:SC999001:2022-03-08:full") { startDate endDate visits { startDate endDate } }
      }`,
    );
    expect(data.split).toEqual({
      startDate: '2019-07-08',
      endDate: '2019-08-08',
      visits: [
        { startDate: '2019-07-08', endDate: '2019-07-12' },
        { startDate: '2019-08-07', endDate: '2019-08-08' },
      ],
    });
    expect(data.single).toEqual({ startDate: '2022-03-08', endDate: '2022-03-09', visits: [] });
  });
});
