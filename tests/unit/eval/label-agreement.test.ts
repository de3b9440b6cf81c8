/**
 * Agreement between two labelling passes, on six findings worked by hand:
 *
 *   finding  family          first pass              second pass
 *   A        children's home staffing, governance    staffing, governance
 *   B        children's home staffing                governance
 *   C        children's home (none)                  staffing
 *   D        CQC full report governance              governance
 *   E        CQC full report boilerplate             boilerplate
 *   F        CQC full report (none)                  boilerplate
 *
 * Cohen's kappa = (po - pe) / (1 - pe), po the share of findings both passes decide alike, pe the
 * chance agreement p1·p2 + (1 - p1)(1 - p2), p1 and p2 each pass's share of yes.
 * staffing:   both A, first only B, second only C, neither D E F → 1 1 1 3, n 6
 *             po 4/6 = 2/3; p1 = p2 = 2/6 = 1/3; pe 1/9 + 4/9 = 5/9;
 *             kappa (2/3 - 5/9) / (4/9) = (1/9) / (4/9) = 1/4; positive agreement 2·1/(2+1+1) = 1/2
 * governance: both A D, second only B, neither C E F → 2 0 1 3
 *             po 5/6; p1 2/6 = 1/3, p2 3/6 = 1/2; pe 1/6 + 2/6 = 1/2;
 *             kappa (5/6 - 1/2) / (1/2) = 2/3; positive agreement 2·2/(4+0+1) = 4/5
 * boilerplate flag: both E, second only F, neither A-D → 1 0 1 4
 *             po 5/6; p1 1/6, p2 2/6 = 1/3; pe 1/18 + 10/18 = 11/18;
 *             kappa (15/18 - 11/18) / (7/18) = 4/7
 * micro (second against first): tp 1 + 2 = 3, fp (second only) 1 + 1 = 2, fn (first only) 1;
 *             P 3/5, R 3/4, F1 2·3 / (2·3 + 2 + 1) = 2/3
 * exact sets: A, D, E (F differs in the boilerplate flag) → 3/6 = 1/2
 * children's home alone (A B C): tp 2, fp 2, fn 1 → F1 4/7; exact 1/3
 */
import { describe, expect, it } from 'vitest';
import type { ReportFamily } from '../../../src/model/document.ts';
import {
  measureBinaryAgreement,
  measureLabelAgreement,
  pairLabelPasses,
  type DoublyLabelled,
} from '../../../src/eval/label-agreement.ts';
import { formatLabelAgreement } from '../../../src/eval/label-agreement-format.ts';
import type { LabelledFinding } from '../../../src/eval/theme-labels.ts';

function doubly(
  id: string,
  family: ReportFamily,
  first: string[] | 'boilerplate',
  second: string[] | 'boilerplate',
): DoublyLabelled {
  const labels = (l: string[] | 'boilerplate') =>
    l === 'boilerplate' ? { themes: [], boilerplate: true } : { themes: l, boilerplate: false };
  return { id, family, section: 'S', split: 'dev', first: labels(first), second: labels(second) };
}

const HOME: ReportFamily = 'ofsted-childrens-home';
const CQC: ReportFamily = 'cqc-full-report';
const ITEMS = [
  doubly('A', HOME, ['staffing', 'governance'], ['staffing', 'governance']),
  doubly('B', HOME, ['staffing'], ['governance']),
  doubly('C', HOME, [], ['staffing']),
  doubly('D', CQC, ['governance'], ['governance']),
  doubly('E', CQC, 'boilerplate', 'boilerplate'),
  doubly('F', CQC, [], 'boilerplate'),
];
const OPTIONS = { resamples: 200, seed: 1, level: 0.95 };

describe('measureBinaryAgreement', () => {
  it('gives kappa and positive agreement from the 2x2 table', () => {
    const staffing = ITEMS.map((i) => ({
      first: i.first.themes.includes('staffing'),
      second: i.second.themes.includes('staffing'),
    }));
    const a = measureBinaryAgreement(staffing);
    expect(a).toMatchObject({ both: 1, firstOnly: 1, secondOnly: 1, neither: 3 });
    expect(a.kappa).toBeCloseTo(1 / 4, 12);
    expect(a.positiveAgreement).toBeCloseTo(1 / 2, 12);
  });

  it('leaves kappa undefined when both passes say the same of every finding', () => {
    expect(measureBinaryAgreement([{ first: true, second: true }])).toMatchObject({
      kappa: null,
      positiveAgreement: 1,
    });
    expect(measureBinaryAgreement([{ first: false, second: false }])).toMatchObject({
      kappa: null,
      positiveAgreement: null,
    });
    expect(measureBinaryAgreement([])).toMatchObject({ kappa: null, positiveAgreement: null });
  });
});

describe('measureLabelAgreement', () => {
  const agreement = measureLabelAgreement(
    ITEMS,
    ['safeguarding', 'governance', 'staffing'],
    OPTIONS,
  );

  it('scores each theme either pass uses, in the order given', () => {
    expect(agreement.themes.map((t) => t.theme)).toEqual(['governance', 'staffing']);
    const [governance, staffing] = agreement.themes;
    expect(governance).toMatchObject({ both: 2, firstOnly: 0, secondOnly: 1, neither: 3 });
    expect(governance!.kappa).toBeCloseTo(2 / 3, 12);
    expect(governance!.positiveAgreement).toBeCloseTo(4 / 5, 12);
    expect(staffing!.kappa).toBeCloseTo(1 / 4, 12);
  });

  it('scores the boilerplate flag as a decision of its own', () => {
    expect(agreement.boilerplate).toMatchObject({ both: 1, firstOnly: 0, secondOnly: 1 });
    expect(agreement.boilerplate.kappa).toBeCloseTo(4 / 7, 12);
  });

  it('gives micro-F1 and the exact-set share overall and per family', () => {
    const [all, cqc, home] = agreement.groups;
    expect(agreement.groups.map((g) => g.group)).toEqual(['all', CQC, HOME]);
    expect(all!.findings).toBe(6);
    expect(all!.microPrecision).toBeCloseTo(3 / 5, 12);
    expect(all!.microRecall).toBeCloseTo(3 / 4, 12);
    expect(all!.microF1).toBeCloseTo(2 / 3, 12);
    expect(all!.exactShare).toBeCloseTo(1 / 2, 12);
    expect(home!.microF1).toBeCloseTo(4 / 7, 12);
    expect(home!.exactShare).toBeCloseTo(1 / 3, 12);
    expect(cqc!.microF1).toBe(1);
    expect(cqc!.exactShare).toBeCloseTo(2 / 3, 12);
  });

  it('puts an interval around each figure', () => {
    const [all] = agreement.groups;
    expect(all!.microF1Interval!.low).toBeLessThanOrEqual(all!.microF1);
    expect(all!.microF1Interval!.high).toBeGreaterThanOrEqual(all!.microF1);
    expect(all!.exactShareInterval!.low).toBeLessThanOrEqual(1 / 2);
    expect(all!.exactShareInterval!.high).toBeGreaterThanOrEqual(1 / 2);
    for (const t of agreement.themes) {
      expect(t.kappaInterval!.low).toBeLessThanOrEqual(t.kappa!);
      expect(t.kappaInterval!.high).toBeGreaterThanOrEqual(t.kappa!);
    }
    expect(measureLabelAgreement(ITEMS, ['governance', 'staffing'], OPTIONS)).toEqual(agreement);
  });

  it('lists the findings labelled differently, a boilerplate flag included', () => {
    expect(agreement.disagreements.map((d) => d.id)).toEqual(['B', 'C', 'F']);
    const text = formatLabelAgreement('T', agreement);
    expect(text).toContain(
      'B ofsted-childrens-home (dev) [S] both: - | first only: staffing | second only: governance',
    );
    expect(text).toContain(
      'F cqc-full-report (dev) [S] both: - | first only: - | second only: - | boilerplate: second only',
    );
    expect(formatLabelAgreement('T', agreement, { disagreements: false })).not.toContain(
      'B ofsted',
    );
  });
});

describe('pairLabelPasses', () => {
  const row = (id: string): LabelledFinding => ({
    id,
    group: 'childrens-home',
    family: HOME,
    source: 'x.txt',
    format: 'txt',
    line: 1,
    section: 'S',
    inspectionDate: null,
    selection: 'nth',
    split: 'test',
    boilerplate: false,
    themes: ['staffing'],
    text: 'T',
  });

  it('puts each second-pass label beside the first pass of the same finding', () => {
    expect(
      pairLabelPasses([row('a'), row('b')], [{ id: 'b', themes: [], boilerplate: true }]),
    ).toEqual([
      {
        id: 'b',
        family: HOME,
        section: 'S',
        split: 'test',
        first: { themes: ['staffing'], boilerplate: false },
        second: { themes: [], boilerplate: true },
      },
    ]);
  });

  it('refuses a second-pass id the first pass lacks', () => {
    expect(() =>
      pairLabelPasses([row('a')], [{ id: 'z', themes: [], boilerplate: false }]),
    ).toThrow('second pass: id z is not in the labelled findings');
  });
});
