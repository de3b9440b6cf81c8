/**
 * The hand-labelled theme set of tests/golden/themes: the file's shape (theme ids valid, ids
 * unique and built by the selection's rule, every group and family present, at least 600 rows,
 * a dev/test split in halves per group, boilerplate without themes), the second-pass selection
 * drawn from it, a malformed line refused with its number, and a tagger that has not collapsed
 * on the development part (a floor far below the measured figure, not a copy of it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  GROUP_FAMILIES,
  readLabelledFindings,
  tagLabelledFindings,
} from '../../../src/eval/theme-labels.ts';
import { evaluateByFamily } from '../../../src/eval/theme-evaluation.ts';
import {
  assignSplits,
  drawSecondPass,
  SAMPLE_GROUPS,
  SECOND_PASS_SIZE,
} from '../../../src/eval/theme-sample.ts';

const folder = new URL('../../golden/themes/', import.meta.url);
const read = (name: string) => readFileSync(fileURLToPath(new URL(name, folder)), 'utf8');

describe('hand-labelled theme set', () => {
  const rows = readLabelledFindings(read('findings.jsonl'));

  it('holds at least 600 findings from every group and family, ids unique', () => {
    expect(rows.length).toBeGreaterThanOrEqual(600);
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(SAMPLE_GROUPS));
    expect(new Set(rows.map((r) => r.family))).toEqual(new Set(Object.values(GROUP_FAMILIES)));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('is split in halves within every group, by the seeded rule', () => {
    const expected = assignSplits(rows);
    for (const row of rows) expect(row.split).toBe(expected.get(row.id));
    for (const group of SAMPLE_GROUPS) {
      const members = rows.filter((r) => r.group === group);
      const dev = members.filter((r) => r.split === 'dev').length;
      expect(Math.abs(dev - (members.length - dev))).toBeLessThanOrEqual(1);
    }
  });

  it('marks boilerplate and gives it no theme', () => {
    const boilerplate = rows.filter((r) => r.boilerplate);
    expect(boilerplate.length).toBeGreaterThan(0);
    for (const row of boilerplate) expect(row.themes).toEqual([]);
  });

  it('gives the second labeller the drawn texts and nothing else', () => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const second = read('second-pass-unlabelled.jsonl')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(second).toHaveLength(SECOND_PASS_SIZE);
    expect(second.map((s) => s['id'])).toEqual(drawSecondPass(rows));
    for (const s of second) {
      expect(Object.keys(s)).toEqual(['id', 'family', 'section', 'text']);
      const row = byId.get(s['id'] as string)!;
      expect([s['family'], s['section'], s['text']]).toEqual([row.family, row.section, row.text]);
    }
    expect(new Set(second.map((s) => byId.get(s['id'] as string)!.group))).toEqual(
      new Set(SAMPLE_GROUPS),
    );
  });

  it('is scored per family, and the tagger has not collapsed on the development part', () => {
    const dev = rows.filter((r) => r.split === 'dev');
    const [all, ...families] = evaluateByFamily(tagLabelledFindings(dev), {
      resamples: 50,
      seed: 1,
      level: 0.95,
    });
    expect(all!.scores.examples).toBe(dev.length);
    expect(families.map((f) => f.group)).toEqual(
      [...new Set(Object.values(GROUP_FAMILIES))].sort(),
    );
    expect(all!.scores.micro.f1).toBeGreaterThan(0.45);
    expect(all!.scores.macroF1).toBeGreaterThan(0.4);
  });

  it('refuses a malformed line with its number', () => {
    const good = rows[0]!;
    const line = JSON.stringify(good);
    expect(readLabelledFindings(`${line}\n`)).toHaveLength(1);
    const unknownTheme = JSON.stringify({ ...good, themes: ['staff'] });
    expect(() => readLabelledFindings(`${line}\n${unknownTheme}\n`)).toThrow(
      'line 2: unknown theme "staff"',
    );
    expect(() => readLabelledFindings(`${line}\n${line}\n`)).toThrow(
      `line 2: id ${good.id} is also on line 1`,
    );
    expect(() => readLabelledFindings(JSON.stringify({ ...good, split: 'train' }))).toThrow(
      'split "train" is not one of dev, test',
    );
    expect(() => readLabelledFindings(JSON.stringify({ ...good, line: good.line + 1 }))).toThrow(
      `id ${JSON.stringify(good.id)} is not`,
    );
    expect(() =>
      readLabelledFindings(JSON.stringify({ ...good, boilerplate: true, themes: ['staffing'] })),
    ).toThrow('a boilerplate finding has themes');
  });
});
