/** Reads a data-file fixture through its kind's reader, as ingestDataFile does. */
import path from 'node:path';
import type { DataRecord } from '../../../src/model/data-record.ts';
import type { DataFileKind } from '../../../src/ingest/datasets/detect.ts';
import { planKind } from '../../../src/ingest/datasets/kinds.ts';

export const FIXTURES = 'tests/fixtures/corpus/datasets';

export interface ReadFixture {
  records: DataRecord[];
  problems: { row: number; message: string }[];
  fatal: string | null;
}

export async function readFixture(kind: DataFileKind, name: string): Promise<ReadFixture> {
  const plan = planKind(kind);
  if (!plan.load) throw new Error(`${kind} is not loaded`);
  const out: ReadFixture = { records: [], problems: [], fatal: null };
  const file = path.join(FIXTURES, name);
  for await (const item of plan.read(file, path.basename(file))) {
    if ('fatal' in item) out.fatal = item.fatal;
    else if (item.mapped.ok) out.records.push(item.mapped.record);
    else out.problems.push({ row: item.row, message: item.mapped.message });
  }
  return out;
}
