/**
 * The closed set of node kinds the API reads by key, each with its label, key property and row
 * parser. Labels reach Cypher only from this table, never from a request.
 */
import { read, type PlainRecord } from '../db/query.ts';
import { parseRow } from './rows.ts';

export const NODE_KINDS = {
  provider: { label: 'Provider', key: 'id', parse: parseRow.provider },
  location: { label: 'Location', key: 'id', parse: parseRow.location },
  inspection: { label: 'Inspection', key: 'id', parse: parseRow.inspection },
  judgement: { label: 'Judgement', key: 'id', parse: parseRow.judgement },
  requirement: { label: 'Requirement', key: 'id', parse: parseRow.requirement },
  recommendation: { label: 'Recommendation', key: 'id', parse: parseRow.recommendation },
  finding: { label: 'Finding', key: 'id', parse: parseRow.finding },
  enforcement: { label: 'EnforcementAction', key: 'id', parse: parseRow.enforcement },
  legislation: { label: 'Legislation', key: 'id', parse: parseRow.legislation },
  regulation: { label: 'Regulation', key: 'id', parse: parseRow.regulation },
  theme: { label: 'Theme', key: 'id', parse: parseRow.theme },
  report: { label: 'Report', key: 'sha256', parse: parseRow.report },
  regulator: { label: 'Regulator', key: 'code', parse: (n: PlainRecord) => String(n.code) },
} as const;

export type NodeKind = keyof typeof NODE_KINDS;
export type RowOf<K extends NodeKind> = ReturnType<(typeof NODE_KINDS)[K]['parse']>;

/** A column holding a node's properties, parsed as a row of `kind`. */
export function parseNode<K extends NodeKind>(
  kind: K,
  record: PlainRecord,
  field: string,
): RowOf<K> {
  return NODE_KINDS[kind].parse(read.map(record, field)) as RowOf<K>;
}

/** The same for a column that may be null (an optional relation). */
export function parseOptionalNode<K extends NodeKind>(
  kind: K,
  record: PlainRecord,
  field: string,
): RowOf<K> | null {
  const node = read.optionalMap(record, field);
  return node === null ? null : (NODE_KINDS[kind].parse(node) as RowOf<K>);
}

/** A column holding a list of nodes' properties. */
export function parseNodes<K extends NodeKind>(
  kind: K,
  record: PlainRecord,
  field: string,
): RowOf<K>[] {
  return read.list(record, field).map((node) => NODE_KINDS[kind].parse(node) as RowOf<K>);
}
