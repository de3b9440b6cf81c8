/**
 * The hand-labelled theme set of tests/golden/themes: the file's shape (theme ids valid, ids
 * unique and built by the selection's rule, every group and family present, at least 600 rows,
 * a dev/test split in halves per group, boilerplate without themes), the second-pass selection
 * drawn from it and the second pass's labels of exactly those findings, a malformed line refused
 * with its number, and a tagger that has not collapsed
 * on the development part (a floor far below the measured figure, not a copy of it).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  GROUP_FAMILIES,
  readLabelledFindings,
  readPassLabels,
  tagLabelledFindings,
} from '../../../src/eval/theme-labels.ts';
import { evaluateByFamily } from '../../../src/eval/theme-evaluation.ts';
import {
  assignSplits,
  drawSecondPass,
  EXTRA_SELECTION,
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
      const members = rows.filter((r) => r.group === group && r.selection !== EXTRA_SELECTION);
      const dev = members.filter((r) => r.split === 'dev').length;
      expect(Math.abs(dev - (members.length - dev))).toBeLessThanOrEqual(1);
    }
  });

  it('puts every row of the development-only stratum in the development part', () => {
    const extra = rows.filter((r) => r.selection === EXTRA_SELECTION);
    expect(extra.length).toBeGreaterThanOrEqual(250);
    for (const row of extra) expect(row.split).toBe('dev');
  });

  it('keeps the test part exactly as it was labelled before the development-only stratum', () => {
    // The 349 test rows (id, where, text and labels) of ingest version 8, as one digest: a test
    // row moved, added, reworded or relabelled changes it.
    const test = rows.filter((r) => r.split === 'test');
    expect(test).toHaveLength(349);
    const key = test
      .map((r) =>
        JSON.stringify([
          r.id,
          r.group,
          r.source,
          r.line,
          r.section,
          r.text,
          r.boilerplate,
          [...r.themes].sort(),
        ]),
      )
      .sort()
      .join('\n');
    expect(createHash('sha256').update(key).digest('hex')).toBe(
      'bc5de0240b5a153bbfea1500a23cdadd74cc47e976e98545975cf6acefb8b3b9',
    );
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

  it('has second-pass labels for exactly the drawn findings, checked as the set is', () => {
    const labels = readPassLabels(read('second-pass.jsonl'));
    expect(labels.map((l) => l.id)).toEqual(drawSecondPass(rows));
    for (const label of labels.filter((l) => l.boilerplate)) expect(label.themes).toEqual([]);
    expect(() =>
      readPassLabels(JSON.stringify({ id: 'x', themes: ['staffing'], boilerplate: true })),
    ).toThrow('line 1: a boilerplate finding has themes');
    expect(() =>
      readPassLabels(JSON.stringify({ id: 'x', themes: ['staff'], boilerplate: false })),
    ).toThrow('line 1: unknown theme "staff"');
    expect(() => readPassLabels(JSON.stringify({ themes: [], boilerplate: false }))).toThrow(
      'line 1: no id',
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
