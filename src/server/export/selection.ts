/**
 * An export's columns are dotted paths into a GraphQL node (`location.id`, `requirementCount`):
 * the same list builds the selection set the export asks for and reads each row's values, so the
 * two cannot drift apart.
 */
import type { CsvValue } from './csv.ts';

interface SelectionTree {
  [field: string]: SelectionTree;
}

/** `['location.id', 'location.name', 'year']` → `location { id name } year`. */
export function buildSelection(paths: readonly string[]): string {
  const tree: SelectionTree = {};
  for (const path of paths) {
    let level = tree;
    for (const field of path.split('.')) level = level[field] ??= {};
  }
  const print = (level: SelectionTree): string =>
    Object.entries(level)
      .map(([field, below]) =>
        Object.keys(below).length === 0 ? field : `${field} { ${print(below)} }`,
      )
      .join(' ');
  return print(tree);
}

/**
 * The value at `path` in a node of the answer: a null on the way gives an empty field, and a
 * list on the way gives its items' values joined by `; `.
 */
export function readPath(node: unknown, path: string): CsvValue {
  let throughList = false;
  const walk = (value: unknown, fields: readonly string[]): CsvValue[] => {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) {
      throughList = true;
      return value.flatMap((item) => walk(item, fields));
    }
    if (fields.length === 0) return [toCsvValue(value)];
    const next =
      typeof value === 'object' ? (value as Record<string, unknown>)[fields[0]!] : undefined;
    return walk(next, fields.slice(1));
  };
  const values = walk(node, path.split('.'));
  if (!throughList) return values[0] ?? null;
  return values.map((v) => (v === null || v === undefined ? '' : String(v))).join('; ');
}

function toCsvValue(value: unknown): CsvValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return JSON.stringify(value);
}
