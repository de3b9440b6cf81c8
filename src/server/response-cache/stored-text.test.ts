import { describe, expect, it } from 'vitest';
import { presentStoredData, stringifyResult } from './stored-text.ts';

const DATA = {
  repeatedBreaches: {
    totalCount: 2,
    nodes: [
      { id: 'ofsted:SC1', name: 'Brookside "House"', grades: ['GOOD', null], rate: 0.5 },
      { id: 'cqc:1-2', name: 'Élan – café\n', grades: [], rate: null },
    ],
  },
};

describe('stored answers written as their text', () => {
  it('writes a stored answer exactly as JSON.stringify writes the parsed one', () => {
    const json = JSON.stringify(DATA);
    expect(stringifyResult({ data: presentStoredData(json) })).toBe(JSON.stringify({ data: DATA }));
    expect(stringifyResult({ data: DATA })).toBe(JSON.stringify({ data: DATA }));
  });

  it('reads as the parsed data when something looks inside it', () => {
    const data = presentStoredData(JSON.stringify(DATA));
    expect(data).toEqual(DATA);
    expect(Object.keys(data)).toEqual(['repeatedBreaches']);
    expect('repeatedBreaches' in data).toBe(true);
    expect(JSON.parse(JSON.stringify(data))).toEqual(DATA);
  });

  it('serialises the whole result when it carries errors or extensions besides the data', () => {
    const data = presentStoredData(JSON.stringify(DATA));
    const result = { data, extensions: { cost: 3 } };
    expect(stringifyResult(result)).toBe(JSON.stringify({ data: DATA, extensions: { cost: 3 } }));
    const errors = [{ message: 'partial' }];
    expect(stringifyResult({ errors, data })).toBe(JSON.stringify({ errors, data: DATA }));
  });
});
