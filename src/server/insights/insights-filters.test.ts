import { describe, expect, it } from 'vitest';
import { buildExplorerLink, readLinkedTab } from '../explorer/explorer-config.ts';
import { toCsv } from './csv.ts';
import { buildCsvFileName, NO_FILTERS, readFilters, writeFilters } from './insights-filters.ts';

describe('dashboard filters in the URL', () => {
  it('reads back what it writes', () => {
    const filters = {
      regulator: 'CQC' as const,
      region: 'North West',
      localAuthority: 'Oldham',
      providerGroup: 'provider-group:cqc-provider:1-101',
      from: '2021-01-01',
      to: '2023-12-31',
    };
    expect(writeFilters(filters)).toBe(
      'regulator=CQC&region=North+West&localAuthority=Oldham&providerGroup=provider-group%3Acqc-provider%3A1-101&from=2021-01-01&to=2023-12-31',
    );
    expect(readFilters(`?${writeFilters(filters)}`)).toEqual(filters);
  });

  it('drops values that cannot be filters and writes nothing for none', () => {
    expect(readFilters('?regulator=nobody&from=2021-13&to=yesterday&region=%20')).toEqual(
      NO_FILTERS,
    );
    expect(readFilters('?regulator=ofsted').regulator).toBe('OFSTED');
    expect(writeFilters(NO_FILTERS)).toBe('');
  });

  it('names a CSV by panel and filters', () => {
    expect(buildCsvFileName('enforcement', NO_FILTERS)).toBe('enforcement.csv');
    expect(
      buildCsvFileName('rating-changes', {
        ...NO_FILTERS,
        region: 'North West',
        from: '2022-01-01',
      }),
    ).toBe('rating-changes_region-North-West_from-2022-01-01.csv');
  });
});

describe('toCsv', () => {
  it('writes a header and quotes fields holding commas, quotes or line breaks', () => {
    const rows = [
      { a: 'plain', b: 1 },
      { a: 'has, comma', b: null },
      { a: 'says "hi"\nthen', b: 2.5 },
    ];
    const csv = toCsv(
      [
        { header: 'a', value: (row: (typeof rows)[number]) => row.a },
        { header: 'b value', value: (row: (typeof rows)[number]) => row.b },
      ],
      rows,
    );
    expect(csv).toBe('a,b value\r\nplain,1\r\n"has, comma",\r\n"says ""hi""\nthen",2.5\r\n');
  });
});

describe('explorer links', () => {
  it('carry an operation and its variables to the explorer', () => {
    const link = buildExplorerLink('query A($x: Int) { a(x: $x) }', { x: 1, y: null });
    expect(link.startsWith('/?query=')).toBe(true);
    const tab = readLinkedTab(link.slice(1));
    expect(tab?.query).toBe('query A($x: Int) { a(x: $x) }');
    expect(JSON.parse(tab!.variables!)).toEqual({ x: 1, y: null });
    expect(readLinkedTab('')).toBeNull();
  });
});
