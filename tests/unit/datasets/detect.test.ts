/** Which data file a file is, from its name and first 4 KB. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDataFile } from '../../../src/ingest/datasets/detect.ts';
import { ingestDataFile } from '../../../src/load/ingest-data-file.ts';
import { FIXTURES } from './support.ts';

function head(file: string): string {
  return readFileSync(file).subarray(0, 4096).toString('utf8');
}

const EXPECTED: Record<string, string | null> = {
  'ofsted_sc_inspections_in_year_2017-18_slice.csv': 'ofsted-sc-inspections',
  'ofsted_sc_inspections_seed_urn.csv': 'ofsted-sc-inspections',
  'ofsted_sc_inspections_bad_rows.csv': 'ofsted-sc-inspections',
  'ofsted_sc_providers_as_at_2018-03-31_slice.csv': 'ofsted-sc-providers',
  'ofsted_childrens_homes_private_ownership_buzzfeed_2018_slice.csv': 'ofsted-ch-ownership',
  'cqc_care_directory_head_slice.csv': 'cqc-care-directory',
  'cqc_adult_social_care_locations_market_characteristics_slice.csv': 'cqc-asc-market',
  'cqc_api_locations_devon_carehomes_2021_slice.csv': 'cqc-api-locations-csv',
  'ofsted_la_urn_lookup_slice.csv': 'ofsted-la-urn-lookup',
  'ofsted_la_ilacs_judgements_2023_slice.csv': 'ofsted-la-ilacs-judgements',
  'ofsted_csc_ilacs_history_slice.csv': 'ofsted-ilacs-history',
  'cqc_api_oldham_2025/providers.json': 'cqc-api-provider-listing',
  'cqc_api_oldham_2025/provider_details.jsonl': 'cqc-api-provider-details',
  'cqc_api_oldham_2025/locations_slice.json': 'cqc-api-location-listing',
};

describe('detectDataFile', () => {
  it('recognises every data fixture', () => {
    for (const [name, kind] of Object.entries(EXPECTED))
      expect([name, detectDataFile(path.basename(name), head(path.join(FIXTURES, name)))]).toEqual([
        name,
        kind,
      ]);
  });

  it('leaves reports to the report parsers, CQC API location records included', () => {
    const reports = [
      'tests/fixtures/corpus/cqc',
      'tests/fixtures/reports',
      'tests/fixtures/corpus/text',
    ];
    for (const dir of reports) {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isFile())
          expect([name, detectDataFile(name, head(file))]).toEqual([name, null]);
      }
    }
    const jsonl = readFileSync(
      'tests/fixtures/corpus/cqc/cqc_1-119142905_api-location.json',
      'utf8',
    );
    expect(detectDataFile('location_details.jsonl', JSON.stringify(JSON.parse(jsonl)))).toBeNull();
  });

  it('recognises a CQC API JSON Schema by its opening', () => {
    expect(
      detectDataFile(
        'cqc_api_syndication_provider_schema.json',
        '{\n  "$schema": "http://json-schema.org/draft-04/schema#",\n  "type": "object",\n  "properties": {\n',
      ),
    ).toBe('cqc-api-schema');
    expect(
      detectDataFile(
        'schema.json',
        '{\n  "type": "object",\n  "properties": {\n    "locationId": {',
      ),
    ).toBe('cqc-api-schema');
  });
});

describe('files not loaded', () => {
  it('are skipped on purpose with a one-line reason saying why', async () => {
    const history = await ingestDataFile(
      path.join(FIXTURES, 'ofsted_csc_ilacs_history_slice.csv'),
      'ofsted-ilacs-history',
      { db: null, force: false },
    );
    expect(history).toEqual({
      file: path.join(FIXTURES, 'ofsted_csc_ilacs_history_slice.csv'),
      status: 'skipped',
      message:
        'evaluation dataset (an independent extraction of the ILACS reports), not loaded into the graph: use npm run eval',
      rows: 0,
      rowProblems: [],
      rowWarnings: [],
    });
    const schema = await ingestDataFile('any.json', 'cqc-api-schema', { db: null, force: false });
    expect(schema.status).toBe('skipped');
    expect(schema.message).toBe('a JSON Schema of the CQC API, not data: nothing to load');
  });

  it('fail with the missing columns when a file is not what its kind needs', async () => {
    const result = await ingestDataFile(
      path.join(FIXTURES, 'ofsted_la_urn_lookup_slice.csv'),
      'cqc-care-directory',
      { db: null, force: false },
    );
    expect(result.status).toBe('failed');
    expect(result.message).toBe(
      'cqc-care-directory: missing columns "Name", "CQC Provider ID (for office use only)", "CQC Location ID (for office use only)", "Provider name" (line 1)',
    );
  });

  it('in a dry run, report rows, nodes and skipped rows in one line', async () => {
    const result = await ingestDataFile(
      path.join(FIXTURES, 'ofsted_sc_inspections_bad_rows.csv'),
      'ofsted-sc-inspections',
      { db: null, force: false },
    );
    expect(result.status).toBe('parsed');
    expect(result.message).toBe(
      'ofsted-sc-inspections, 8 rows, 5 locations, 0 providers, 5 inspections, 3 rows skipped',
    );
    expect(result.rowProblems.map((p) => p.row)).toEqual([6, 7, 8]);
  });

  it('reads a row short of cells with a warning naming its line and the cells read as empty', async () => {
    // The first three data rows of the real LA lookup: the second loses its last two cells, the
    // third gains a non-empty one (values shifted: skipped, as before).
    const [header, first, second, third] = readFileSync(
      path.join(FIXTURES, 'ofsted_la_urn_lookup_slice.csv'),
      'utf8',
    ).split(/\r?\n/);
    const dir = mkdtempSync(path.join(tmpdir(), 'short-rows-'));
    const file = path.join(dir, 'ofsted_la_urn_lookup.csv');
    const short = second!.replace(/,[^,]*,[^,]*$/, '');
    writeFileSync(file, [header, first, short, `${third},extra`, ''].join('\n'));
    try {
      const result = await ingestDataFile(file, 'ofsted-la-urn-lookup', { db: null, force: false });
      expect(result.status).toBe('parsed');
      expect(result.rows).toBe(3);
      expect(result.rowWarnings).toEqual([
        {
          row: 3,
          message:
            '18 cells for 20 columns: short of 2, read as empty ("ons_population_0-25", "ons_la_type")',
        },
      ]);
      expect(result.rowProblems).toEqual([
        { row: 4, message: '21 cells for 20 columns (a stray comma or quote?)' },
      ]);
      expect(result.message).toMatch(/, 1 rows skipped, 1 rows with warnings$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
