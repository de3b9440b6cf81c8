import { describe, expect, it } from 'vitest';
import {
  buildExportOperation,
  ExportParamError,
  nameExportFile,
  parseExportParams,
} from './export-params.ts';
import { findQuestionExport, QUESTION_EXPORTS } from './export-registry.ts';
import { buildSelection, readPath } from './selection.ts';

const breachCounts = findQuestionExport('breach-counts')!;
const repeated = findQuestionExport('repeated-breaches')!;

function parse(name: string, search: string) {
  return parseExportParams(findQuestionExport(name)!, new URLSearchParams(search));
}

describe('export parameters', () => {
  it('puts filters in the filter input, lists split at commas, the sort in its input', () => {
    expect(
      parse(
        'breach-counts',
        'groupBy=REGION, YEAR&region=London&from=2019-01-01&sort=REQUIREMENTS_PER_100_INSPECTIONS&sortDirection=ASC',
      ),
    ).toEqual({
      variables: {
        groupBy: ['REGION', 'YEAR'],
        filter: { region: 'London', from: '2019-01-01' },
        sort: { field: 'REQUIREMENTS_PER_100_INSPECTIONS', direction: 'ASC' },
      },
      given: [
        ['groupBy', 'REGION, YEAR'],
        ['region', 'London'],
        ['from', '2019-01-01'],
        ['sort', 'REQUIREMENTS_PER_100_INSPECTIONS'],
        ['sortDirection', 'ASC'],
      ],
    });
  });

  it('reads whole numbers as numbers and keeps other values as text for GraphQL to check', () => {
    expect(parse('repeated-breaches', 'minInspections=3&regulator=OFSTED').variables).toEqual({
      minInspections: 3,
      regulator: 'OFSTED',
    });
    expect(parse('rating-changes', 'direction=DOWN').variables).toEqual({ direction: 'DOWN' });
    expect(parse('theme-trends', '').variables).toEqual({});
  });

  it.each([
    ['breach-counts', '', /"groupBy" is required/],
    ['breach-counts', 'groupBy=REGION&colour=red', /Unknown parameter "colour".*expected groupBy/],
    ['breach-counts', 'groupBy=REGION&groupBy=YEAR', /more than once/],
    ['breach-counts', 'groupBy=REGION&region=', /"region" is empty/],
    ['repeated-breaches', 'minInspections=2.5', /whole number/],
    ['repeated-breaches', 'minInspections=99999999999', /whole number/],
    ['theme-trends', 'sortDirection=ASC', /needs "sort"/],
  ])('%s?%s is refused', (name, search, message) => {
    expect(() => parse(name, search)).toThrow(ExportParamError);
    expect(() => parse(name, search)).toThrow(message);
  });

  it('names the file after the question and its filters, in ASCII safe for a header', () => {
    const { given } = parse('breach-counts', 'groupBy=REGION,YEAR&region=Ynys Môn&from=2019-01-01');
    expect(nameExportFile(breachCounts, given)).toBe(
      'breach-counts_groupBy-REGION-YEAR_region-Ynys-M-n_from-2019-01-01.csv',
    );
    expect(nameExportFile(repeated, [])).toBe('repeated-breaches.csv');
    expect(nameExportFile(breachCounts, [['region', '"a/b\\c";'.repeat(50)]]).length).toBe(204);
  });

  it('builds a paged operation with the variables and the selection of the columns', () => {
    expect(buildSelection(['location.id', 'location.name', 'inspectionCount', 'a.b.c'])).toBe(
      'location { id name } inspectionCount a { b { c } }',
    );
    expect(buildExportOperation(breachCounts, 'year')).toBe(
      'query Export($groupBy: [BreachGroup!]!, $filter: BreachFilter, $sort: BreachCountSort, $first: Int, $after: String) ' +
        '{ breachCounts(groupBy: $groupBy, filter: $filter, sort: $sort, first: $first, after: $after) ' +
        '{ pageInfo { hasNextPage endCursor } nodes { year } } }',
    );
  });

  it('has one export per question, named in kebab case after its field', () => {
    expect(QUESTION_EXPORTS.map((q) => q.name)).toEqual([
      'repeated-breaches',
      'breach-counts',
      'theme-trends',
      'theme-cooccurrence',
      'rating-changes',
      'enforcement-actions',
    ]);
    for (const q of QUESTION_EXPORTS)
      expect(q.name).toBe(q.field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
  });

  it('reads a column from a node: nulls empty, lists joined', () => {
    const node = { a: { b: 1 }, n: null, list: [{ id: 'x' }, { id: 'y' }], empty: [] };
    expect(readPath(node, 'a.b')).toBe(1);
    expect(readPath(node, 'n.id')).toBeNull();
    expect(readPath(node, 'list.id')).toBe('x; y');
    expect(readPath(node, 'empty.id')).toBe('');
  });
});
