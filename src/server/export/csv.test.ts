import { describe, expect, it } from 'vitest';
import { formatCsvField, formatCsvRecord } from './csv.ts';

describe('CSV quoting (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "no"', '"say ""no"""'],
    ['"', '""""'],
    ['line one\nline two', '"line one\nline two"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['crlf\r\n', '"crlf\r\n"'],
    ['Ynys Môn – Caerffili', 'Ynys Môn – Caerffili'],
    ['É, "ü"\n', '"É, ""ü""\n"'],
    [' padded ', ' padded '],
    ['', ''],
  ])('%j → %j', (value, field) => {
    expect(formatCsvField(value)).toBe(field);
  });

  it('writes numbers as JavaScript prints them and null as an empty field', () => {
    expect(formatCsvField(700)).toBe('700');
    expect(formatCsvField(33.333333333333336)).toBe('33.333333333333336');
    expect(formatCsvField(null)).toBe('');
    expect(formatCsvField(undefined)).toBe('');
    expect(formatCsvField(false)).toBe('false');
  });

  it('ends every record with CRLF and separates fields with commas', () => {
    expect(formatCsvRecord(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
    expect(formatCsvRecord([])).toBe('\r\n');
  });
});
