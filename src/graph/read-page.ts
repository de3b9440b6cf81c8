/**
 * A question's page as its query returns it: one record holding the page's `rows` and the whole
 * answer's `totalCount`, so a count and a page cost one round trip and agree.
 */
import type { Database } from '../db/executor.ts';
import { read, type NamedQuery, type PlainRecord } from '../db/query.ts';
import type { PageArgs } from './page.ts';

export interface PageRecord<Row> {
  rows: Row[];
  totalCount: number;
}

/** The parser of a page record whose rows `parseRow` reads. */
export function parsePageRecord<Row>(
  parseRow: (row: PlainRecord) => Row,
): (record: PlainRecord) => PageRecord<Row> {
  return (record) => ({
    rows: read.list(record, 'rows').map(parseRow),
    totalCount: read.number(record, 'totalCount'),
  });
}

/** Runs a page query; its totalCount is kept only when the page asked for it. */
export async function readAnswerPage<Params extends PageArgs, Row>(
  db: Database,
  query: NamedQuery<Params, PageRecord<Row>>,
  args: Params,
): Promise<{ rows: Row[]; totalCount: number | null }> {
  const [page] = await db.read(query, args);
  return { rows: page?.rows ?? [], totalCount: args.withTotal ? (page?.totalCount ?? 0) : null };
}
