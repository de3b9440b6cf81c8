/**
 * A CSV export's query string → the variables of its question's operation. Only the shape is
 * checked here (known names, each once, not empty, whole numbers, lists split at commas);
 * the values are the operation's to check, as GraphQL checks any request's variables.
 */
import type { QuestionExport } from './export-registry.ts';

export class ExportParamError extends Error {
  override name = 'ExportParamError';
}

export type ExportVariables = Record<string, unknown>;

export interface ParsedExport {
  variables: ExportVariables;
  /** The parameters given, in the order given, for the file's name. */
  given: [string, string][];
}

function setTarget(variables: ExportVariables, target: string, value: unknown): void {
  const [head, field] = target.split('.', 2) as [string, string | undefined];
  if (field === undefined) {
    variables[head] = value;
    return;
  }
  const input = (variables[head] ??= {}) as Record<string, unknown>;
  input[field] = value;
}

export function parseExportParams(question: QuestionExport, search: URLSearchParams): ParsedExport {
  const variables: ExportVariables = {};
  const given: [string, string][] = [];
  const names = Object.keys(question.params);
  for (const [name, raw] of search) {
    const param = question.params[name];
    if (!param)
      throw new ExportParamError(
        `Unknown parameter "${name}" for ${question.name}.csv: expected ${names.join(', ')}.`,
      );
    if (given.some(([seen]) => seen === name))
      throw new ExportParamError(`Parameter "${name}" is given more than once.`);
    const text = raw.trim();
    if (text === '') throw new ExportParamError(`Parameter "${name}" is empty.`);
    given.push([name, text]);
    if (param.list) {
      const items = text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      setTarget(variables, param.target, items);
    } else if (param.int) {
      if (!/^-?\d{1,9}$/.test(text))
        throw new ExportParamError(`Parameter "${name}" must be a whole number, got "${text}".`);
      setTarget(variables, param.target, Number(text));
    } else setTarget(variables, param.target, text);
  }
  for (const [name, param] of Object.entries(question.params))
    if (param.required && !given.some(([seen]) => seen === name))
      throw new ExportParamError(`Parameter "${name}" is required for ${question.name}.csv.`);
  if (search.has('sortDirection') && !search.has('sort'))
    throw new ExportParamError('Parameter "sortDirection" needs "sort" (the figure to sort by).');
  return { variables, given };
}

/** Characters kept as they are in a file name; any other run becomes one `-`. */
const UNSAFE_IN_NAME = /[^A-Za-z0-9._-]+/g;

/**
 * The file's name: the question and its filters, e.g.
 * `breach-counts_groupBy-REGION-YEAR_region-London_from-2019-01-01.csv`.
 */
export function nameExportFile(
  question: QuestionExport,
  given: readonly [string, string][],
): string {
  const parts = given.map(([name, value]) =>
    `${name}-${value}`.replace(UNSAFE_IN_NAME, '-').replace(/^-+|-+$/g, ''),
  );
  return `${[question.name, ...parts].join('_').slice(0, 200)}.csv`;
}

/** The Content-Disposition of a file `name` (ASCII, no quotes: nameExportFile made it so). */
export function formatContentDisposition(name: string): string {
  return `attachment; filename="${name}"`;
}

/** The GraphQL operation of an export: its variables, and $first/$after when paged. */
export function buildExportOperation(question: QuestionExport, selection: string): string {
  const variables = Object.entries(question.variables);
  const declared = [
    ...variables.map(([name, type]) => `$${name}: ${type}`),
    ...(question.paged ? ['$first: Int', '$after: String'] : []),
  ];
  const args = [
    ...variables.map(([name]) => `${name}: $${name}`),
    ...(question.paged ? ['first: $first', 'after: $after'] : []),
  ];
  const body = question.paged
    ? `pageInfo { hasNextPage endCursor } nodes { ${selection} }`
    : selection;
  return `query Export(${declared.join(', ')}) { ${question.field}(${args.join(', ')}) { ${body} } }`;
}
