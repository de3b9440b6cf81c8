/**
 * Progress of one data file's load (a dry run: rows are read and mapped, nothing is written):
 * reported after every batch of rows, with bytes read growing to the file's size by the end.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataFileKind } from '../../../src/ingest/datasets/detect.ts';
import { ingestDataFile } from '../../../src/load/ingest-data-file.ts';
import type { DataFileProgress } from '../../../src/ingest/datasets/read-progress.ts';
import { FIXTURES } from './support.ts';

const CASES: [DataFileKind, string][] = [
  ['ofsted-sc-providers', 'ofsted_sc_providers_as_at_2018-03-31_slice.csv'],
  ['cqc-api-provider-details', 'cqc_api_oldham_2025/provider_details.jsonl'],
  ['cqc-api-provider-listing', 'cqc_api_oldham_2025/providers.json'],
];

describe('ingestDataFile progress', () => {
  it.each(CASES)(
    '%s: from the start, rows and bytes after each batch, the whole file by the end',
    async (kind, name) => {
      const file = path.join(FIXTURES, name);
      const seen: DataFileProgress[] = [];
      const result = await ingestDataFile(file, kind, {
        db: null,
        force: false,
        batchRows: 5,
        onProgress: (progress) => seen.push(progress),
      });

      expect(result.status).toBe('parsed');
      expect(result.rows).toBeGreaterThan(5);
      // One report at the start, one per full batch of mapped rows, and one at the end.
      expect(seen.length).toBeGreaterThanOrEqual(3);
      expect(seen[0]).toEqual({ rows: 0, bytesRead: 0, bytesTotal: statSync(file).size });
      const size = statSync(file).size;
      for (const [i, progress] of seen.entries()) {
        expect(progress.bytesTotal).toBe(size);
        expect(progress.bytesRead).toBeLessThanOrEqual(size);
        if (i > 0) {
          expect(progress.rows).toBeGreaterThanOrEqual(seen[i - 1]!.rows);
          expect(progress.bytesRead).toBeGreaterThanOrEqual(seen[i - 1]!.bytesRead);
        }
      }
      expect(seen[1]!.bytesRead).toBeGreaterThan(0);
      expect(seen.at(-1)).toEqual({ rows: result.rows, bytesRead: size, bytesTotal: size });
    },
  );
});
