/** Whether the graph holds generated (synthetic) reports: for the API's banner flag. */
import type { Database } from '../db/executor.ts';
import { defineQuery, read } from '../db/query.ts';

/** Stops at the first generated report it meets: one index seek on `Report.synthetic`. */
export const syntheticDataQuery = defineQuery<object, { synthetic: boolean }>({
  name: 'synthetic.any-report',
  cypher: 'RETURN EXISTS { MATCH (r:Report) WHERE r.synthetic = true } AS synthetic',
  parse: (row) => ({ synthetic: read.boolean(row, 'synthetic') }),
});

export async function holdsSyntheticData(db: Database): Promise<boolean> {
  const [row] = await db.read(syntheticDataQuery, {});
  return row?.synthetic ?? false;
}
