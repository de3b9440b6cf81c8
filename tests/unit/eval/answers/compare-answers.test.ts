/** Precision and recall of rows and values, worked by hand, and the audit's verdict on them. */
import { describe, expect, it } from 'vitest';
import { compareAnswers, compareCounts } from '../../../../src/eval/answers/compare-answers.ts';
import { isResultPassing, judgeAnswer } from '../../../../src/eval/answers/audit-report.ts';
import { buildAnswerTable } from '../../../../src/eval/answers/answer-table.ts';
import { tabulateEnforcement } from '../../../../src/eval/answers/enforcement-actions.ts';

describe('compareAnswers', () => {
  const expected = buildAnswerTable(
    [
      ['a', { x: '1', y: '2' }],
      ['b', { x: '1' }],
    ],
    'expected',
  );
  const actual = buildAnswerTable(
    [
      ['a', { x: '1', y: '3' }],
      ['c', { x: '5' }],
    ],
    'actual',
  );

  it('scores rows by key and values by name inside agreeing rows', () => {
    const { rows, values } = compareAnswers(expected, actual);
    expect(rows).toMatchObject({ agreed: 1, expected: 2, actual: 2, precision: 0.5, recall: 0.5 });
    expect(values).toMatchObject({ agreed: 1, expected: 3, actual: 3 });
    expect(values.precision).toBeCloseTo(1 / 3);
  });

  it('lists each disagreement with both values', () => {
    expect(compareAnswers(expected, actual).disagreements).toEqual([
      { row: 'a', field: 'y', expected: '2', actual: '3' },
      { row: 'b', field: null, expected: 'x=1', actual: null },
      { row: 'c', field: null, expected: null, actual: 'x=5' },
    ]);
  });

  it('gives 1 for both when the answers agree, even when empty', () => {
    const same = compareAnswers(expected, expected);
    expect([same.rows.precision, same.rows.recall, same.values.recall]).toEqual([1, 1, 1]);
    expect(compareAnswers(new Map(), new Map()).rows.precision).toBe(1);
  });

  it('refuses two rows with one key', () => {
    expect(() =>
      buildAnswerTable(
        [
          ['a', {}],
          ['a', {}],
        ],
        'API',
      ),
    ).toThrow('API: two rows with the key "a"');
  });

  it('numbers actions repeated under one key in the order listed', () => {
    const action = {
      inspectionId: 'I',
      type: 't',
      regulationId: null,
      count: 1,
      issuedOn: null,
      complyBy: null,
    };
    expect([...tabulateEnforcement([action, action], 'x').keys()]).toEqual([
      'I t no regulation',
      'I t no regulation #2',
    ]);
  });
});

describe('compareCounts and the verdict', () => {
  const expected = new Map([
    ['k1', 2],
    ['k2', 1],
  ]);

  it('takes counts as multisets: recall misses k2, precision sees k1 and k3 over-counted', () => {
    const { values, rows } = compareCounts(
      expected,
      new Map([
        ['k1', 3],
        ['k3', 1],
      ]),
    );
    expect(values).toMatchObject({ agreed: 2, expected: 3, actual: 4, precision: 0.5 });
    expect(values.recall).toBeCloseTo(2 / 3);
    expect(rows).toMatchObject({ agreed: 1, expected: 2, actual: 2 });
  });

  it('passes counts that cover every expected item though they count more, and fails a shortfall', () => {
    const over = judgeAnswer(
      't',
      { kind: 'counts', counts: expected },
      {
        counts: new Map([
          ['k1', 3],
          ['k2', 1],
        ]),
      },
      null,
    );
    expect(over.comparison.values.precision).toBeLessThan(1);
    expect(isResultPassing(over)).toBe(true);
    const short = judgeAnswer(
      't',
      { kind: 'counts', counts: expected },
      {
        counts: new Map([
          ['k1', 1],
          ['k2', 1],
        ]),
      },
      null,
    );
    expect(isResultPassing(short)).toBe(false);
  });

  it('fails a table on precision alone, and on paging that does not add up', () => {
    const table = buildAnswerTable([['a', { x: '1' }]], 'e');
    const more = buildAnswerTable(
      [
        ['a', { x: '1' }],
        ['b', { x: '1' }],
      ],
      'a',
    );
    expect(isResultPassing(judgeAnswer('t', { kind: 'table', table }, { table: more }, null))).toBe(
      false,
    );
    expect(
      isResultPassing(
        judgeAnswer('t', { kind: 'table', table }, { table }, 'totalCount 2 but 1 rows read'),
      ),
    ).toBe(false);
    expect(isResultPassing(judgeAnswer('t', { kind: 'table', table }, { table }, null))).toBe(true);
  });
});

describe('two enforcement actions of one key', () => {
  it('pair up by what they say, whichever order each side lists them in', () => {
    // An inspection with two compliance notices under one regulation: one stated since the last
    // inspection (issued, no date to comply by), one from a starred requirement (the reverse).
    const sinceLast = {
      inspectionId: 'I1',
      type: 'COMPLIANCE_NOTICE',
      regulationId: 'CHR2015:13',
      count: 1,
      issuedOn: '2018-06-19',
      complyBy: null,
    };
    const starred = { ...sinceLast, issuedOn: null, complyBy: '2019-01-23' };
    const truth = tabulateEnforcement([sinceLast, starred], 'truth');
    const api = tabulateEnforcement([starred, sinceLast], 'api');
    expect([...api.entries()]).toEqual([...truth.entries()]);
  });
});
