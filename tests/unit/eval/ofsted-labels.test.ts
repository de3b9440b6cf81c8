/**
 * The hand-labelled Ofsted findings of tests/golden/themes: the file is well formed and covers
 * the four Ofsted families, a malformed line is refused with its number, and the tagger has not
 * collapsed on the set (a floor far below the measured figure, not a copy of it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readOfstedLabels, tagOfstedLabels } from '../../../src/eval/ofsted-labels.ts';
import { evaluateByFamily } from '../../../src/eval/theme-evaluation.ts';

const FILE = fileURLToPath(new URL('../../golden/themes/ofsted-findings.jsonl', import.meta.url));

describe('hand-labelled Ofsted findings', () => {
  const labels = readOfstedLabels(readFileSync(FILE, 'utf8'));

  it('holds at least 100 findings from all four Ofsted families', () => {
    expect(labels.length).toBeGreaterThanOrEqual(100);
    expect(new Set(labels.map((l) => l.family))).toEqual(
      new Set([
        'ofsted-childrens-home',
        'ofsted-la-childrens-services',
        'ofsted-la-focused-visit',
        'ofsted-la-area-send',
      ]),
    );
  });

  it('is scored per family, and the tagger has not collapsed on it', () => {
    const [all, ...families] = evaluateByFamily(tagOfstedLabels(labels), {
      resamples: 50,
      seed: 1,
      level: 0.95,
    });
    expect(all!.scores.examples).toBe(labels.length);
    expect(families.map((f) => f.group)).toEqual([
      'ofsted-childrens-home',
      'ofsted-la-area-send',
      'ofsted-la-childrens-services',
      'ofsted-la-focused-visit',
    ]);
    expect(all!.scores.micro.f1).toBeGreaterThan(0.45);
    expect(all!.scores.macroF1).toBeGreaterThan(0.4);
  });

  it('refuses a malformed line with its number', () => {
    const good = JSON.stringify({
      text: 'Staff receive regular supervision.',
      family: 'ofsted-childrens-home',
      source: 'x.txt',
      line: 3,
      section: null,
      inspectionDate: null,
      themes: ['staffing'],
    });
    expect(readOfstedLabels(`${good}\n`)).toHaveLength(1);
    expect(() => readOfstedLabels(`${good}\n${good.replace('staffing', 'staff')}\n`)).toThrow(
      'line 2: unknown theme "staff"',
    );
    expect(() =>
      readOfstedLabels(good.replace('ofsted-childrens-home', 'cqc-full-report')),
    ).toThrow('not an Ofsted report family');
  });
});
