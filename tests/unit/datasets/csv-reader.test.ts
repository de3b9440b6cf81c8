/** The streaming CSV reader and the table layer above it (header rows, padding, bad rows). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CsvTokenizer,
  readCsvFile,
  type CsvRecord,
} from '../../../src/ingest/datasets/csv-reader.ts';
import {
  buildHeader,
  isGroupRow,
  missingColumns,
  toTableRow,
} from '../../../src/ingest/datasets/table.ts';

const FIXTURES = 'tests/fixtures/corpus/datasets';

function tokenize(text: string, chunkSize = text.length || 1): CsvRecord[] {
  const tokenizer = new CsvTokenizer();
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += chunkSize)
    out.push(...tokenizer.push(text.slice(i, i + chunkSize)));
  out.push(...tokenizer.end());
  return out;
}

async function readAll(file: string): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsvFile(file)) out.push(record);
  return out;
}

describe('CsvTokenizer', () => {
  it('reads quoted commas, doubled quotes and embedded newlines, and numbers records by their first line', () => {
    const records = tokenize('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nlast,,\n');
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['last', '', ''],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records.every((r) => r.malformed === null)).toBe(true);
  });

  it('drops a byte-order mark and keeps a last record without a newline', () => {
    expect(tokenize('\uFEFFurn,name\n1,A').map((r) => r.cells)).toEqual([
      ['urn', 'name'],
      ['1', 'A'],
    ]);
  });

  it('gives the same records whatever the chunk size (CRLF split across chunks)', () => {
    const text = 'a,"b\r\nc"\r\n1,2\r\n"3","4"""\r\n';
    const whole = tokenize(text).map((r) => [r.line, r.cells]);
    for (const size of [1, 2, 3, 5])
      expect(tokenize(text, size).map((r) => [r.line, r.cells])).toEqual(whole);
  });

  it('marks text after a closing quote and a quote never closed as malformed, and reads on', () => {
    const records = tokenize('1,"a"b,c\n2,ok,ok\n3,"open');
    expect(records.map((r) => r.malformed)).toEqual([
      'text after a closing quote in column 2',
      null,
      'a quoted field is never closed',
    ]);
    expect(records[1]!.cells).toEqual(['2', 'ok', 'ok']);
  });

  it('never throws and always returns cells, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ') }), (text) => {
        for (const record of tokenize(text, 3)) expect(Array.isArray(record.cells)).toBe(true);
      }),
    );
  });
});

describe('table rows', () => {
  it('skips the Ofsted group row and the trailing empty columns of the real in-year export', async () => {
    const records = await readAll(`${FIXTURES}/ofsted_sc_inspections_in_year_2017-18_slice.csv`);
    expect(isGroupRow(records[0]!.cells)).toBe(true);
    expect(isGroupRow(records[1]!.cells)).toBe(false);
    const header = buildHeader(records[1]!.cells);
    expect(header.columns).toHaveLength(26);
    expect(header.columns.at(-1)).toBe('Leadership and management');
    expect(missingColumns(header, ['URN', 'Event type', 'Not there'])).toEqual(['Not there']);
    const row = toTableRow(header, records[2]!);
    expect(row.ok && row.row.get('urn')).toBe('1027077');
    expect(row.ok && row.row.get('Inspection date')).toBe('06/10/2017');
  });

  it('refuses a row with more filled cells than columns, and a malformed one, with one line each', () => {
    const header = buildHeader(['a', 'b', '', '']);
    expect(toTableRow(header, { line: 3, cells: ['1', '2', '', ''], malformed: null }).ok).toBe(
      true,
    );
    expect(toTableRow(header, { line: 3, cells: ['1', '2', 'x'], malformed: null })).toEqual({
      ok: false,
      message: '3 cells for 2 columns (a stray comma or quote?)',
    });
    expect(
      toTableRow(header, { line: 3, cells: ['1'], malformed: 'a quoted field is never closed' }),
    ).toEqual({ ok: false, message: 'malformed CSV: a quoted field is never closed' });
  });
});
