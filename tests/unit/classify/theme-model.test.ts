/**
 * The learned theme model: how it scores (a small model worked by hand), how its file is
 * checked, and that seed/reference/theme-model.json is exactly what training on the development
 * part of the labelled set gives with the settings the file records (so nobody tunes it by hand
 * and the test part never reaches it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyThemeModel,
  decisionFor,
  isTagged,
  scoreTheme,
  type ThemeFeatures,
} from '../../../src/ingest/classify/theme-model.ts';
import { extractTextFeatures } from '../../../src/ingest/classify/theme-features.ts';
import { parseThemeModel, readThemeTaxonomy } from '../../../src/reference/index.ts';
import type { ThemeModel } from '../../../src/reference/index.ts';
import { readLabelledFindings } from '../../../src/eval/theme-labels.ts';
import { readLabelledFeatures } from '../../../src/eval/tag-labelled-text.ts';
import { trainThemeModel, type TrainingSettings } from '../../../src/eval/theme-training.ts';

const THEMES = readThemeTaxonomy().themes.map((t) => t.id);

/** staffing: bias -1, `w:caseload` +2, rules tagged +1; records: bias -2, `w:recorded` +1.5. */
const MODEL: ThemeModel = {
  threshold: 0.5,
  combine: 'model',
  themes: {
    staffing: { bias: -1, rule: { tagged: 1 }, features: { 'w:caseload': 2, 'w:team': 0.5 } },
    records: { bias: -2, rule: {}, features: { 'w:recorded': 1.5 } },
  },
};

/** Each rule-tagged theme with one cue, which the rules give confidence 0.5. */
function features(text: string[], ruleTagged: string[] = []): ThemeFeatures {
  const evidence = new Map(ruleTagged.map((id) => [id, { terms: ['cue'], score: 2, weight: 1 }]));
  return { text, evidence, ruleTagged: new Map(ruleTagged.map((id) => [id, 0.5])) };
}

describe('scoring with the model', () => {
  it('adds the weights of the features present to the bias and takes the logistic', () => {
    // staffing: -1 + 2 + 0.5 = 1.5 → 1 / (1 + e^-1.5) = 0.8176
    const { probability, topFeatures } = scoreTheme(
      MODEL.themes['staffing']!,
      features(['w:caseload', 'w:team', 'w:unknown']),
      'staffing',
    );
    expect(probability).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 12);
    expect(topFeatures).toEqual(['w:caseload', 'w:team']);
  });

  it('tags themes at or above the threshold, with their probability and what weighed', () => {
    // records: -2 + 1.5 = -0.5 → 0.38, under 0.5.
    expect(applyThemeModel(MODEL, features(['w:caseload', 'w:recorded']), THEMES)).toEqual([
      { id: 'staffing', terms: ['caseload'], confidence: 0.73 },
    ]);
  });

  it('puts the rules’ cue terms first and counts their tag', () => {
    // staffing: -1 + 1 (tagged) + 2 = 2 → 0.88.
    expect(applyThemeModel(MODEL, features(['w:caseload'], ['staffing']), THEMES)).toEqual([
      { id: 'staffing', terms: ['cue', 'caseload'], confidence: 0.88 },
    ]);
  });

  it('keeps what the rules tag in union mode, as sure as the surer of the two', () => {
    const union: ThemeModel = { ...MODEL, combine: 'union' };
    // records: -2 → 0.12, under the threshold, but the rules tag it with 0.5.
    expect(applyThemeModel(union, features([], ['records']), THEMES)).toEqual([
      { id: 'records', terms: ['cue'], confidence: 0.5 },
    ]);
    expect(applyThemeModel(MODEL, features([], ['records']), THEMES)).toEqual([]);
  });

  it('combines model and rules as the finding’s family says: add at one probability, keep the rules’ tags at another', () => {
    const perFamily: ThemeModel = {
      ...MODEL,
      families: { 'ofsted-childrens-home': { keep: 0.2, add: 0.9 } },
    };
    const home = (text: string[], ruleTagged: string[] = []) => ({
      ...features(text, ruleTagged),
      family: 'ofsted-childrens-home',
    });
    // staffing 0.73 (-1 + 2): under add 0.9, and the rules do not tag it.
    expect(applyThemeModel(perFamily, home(['w:caseload']), THEMES)).toEqual([]);
    // records 0.12 (-2): the rules tag it but the model is under keep 0.2, so it goes.
    expect(applyThemeModel(perFamily, home([], ['records']), THEMES)).toEqual([]);
    // records 0.38 (-2 + 1.5): the rules tag it and the model reaches keep; the surer of the two.
    expect(applyThemeModel(perFamily, home(['w:recorded'], ['records']), THEMES)).toEqual([
      { id: 'records', terms: ['cue', 'recorded'], confidence: 0.5 },
    ]);
    // Another family: the file's threshold and combine (model alone at 0.5).
    expect(decisionFor(perFamily, 'ofsted-la-area-send')).toEqual({ keep: 0.5, add: 0.5 });
    expect(decisionFor({ ...MODEL, combine: 'union' }, null)).toEqual({ keep: 0, add: 0.5 });
    expect(isTagged({ keep: 0.1, add: 0.6 }, 0.6, false)).toBe(true);
    expect(isTagged({ keep: 0.1, add: 0.6 }, 0.59, false)).toBe(false);
    expect(isTagged({ keep: 0.1, add: 0.6 }, 0.1, true)).toBe(true);
  });

  it('reads words without plural or possessive endings, word pairs, the family and section words', () => {
    expect(
      extractTextFeatures(
        "Children's caseloads are manageable.",
        'ofsted-la-focused-visit',
        'Main findings',
      ).sort(),
    ).toEqual(
      [
        'w:children',
        'w:caseload',
        'w:manageable',
        'b:children_caseload',
        'f:ofsted-la-focused-visit',
        's:main',
        's:finding',
      ].sort(),
    );
  });
});

describe('the model file', () => {
  const place = { file: 'theme-model.json', at: '' };
  const themeIds = new Set(THEMES);

  it('refuses an unknown theme and a threshold outside (0, 1)', () => {
    const good = { threshold: 0.4, themes: { staffing: { bias: 0, rule: {}, features: {} } } };
    expect(parseThemeModel(good, place, themeIds).combine).toBe('model');
    expect(() =>
      parseThemeModel({ ...good, themes: { staff: good.themes.staffing } }, place, themeIds),
    ).toThrow('theme-model.json: themes.staff: staff is not a theme of seed/reference/themes.json');
    expect(() => parseThemeModel({ ...good, threshold: 1 }, place, themeIds)).toThrow(
      'threshold: must be between 0 and 1',
    );
  });

  it('reads a decision per report family and refuses an unknown family or a keep above 1', () => {
    const good = { threshold: 0.4, themes: { staffing: { bias: 0, rule: {}, features: {} } } };
    const families = { 'ofsted-childrens-home': { keep: 0, add: 1 } };
    expect(parseThemeModel({ ...good, families }, place, themeIds).families).toEqual(families);
    expect(() =>
      parseThemeModel(
        { ...good, families: { 'ofsted-home': { keep: 0, add: 1 } } },
        place,
        themeIds,
      ),
    ).toThrow('families.ofsted-home');
    expect(() =>
      parseThemeModel(
        { ...good, families: { 'ofsted-childrens-home': { keep: 1.5, add: 1 } } },
        place,
        themeIds,
      ),
    ).toThrow('keep: must be between 0 and 1');
  });

  it('is what training on the development part gives with the settings it records', () => {
    const file = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../../seed/reference/theme-model.json', import.meta.url)),
        'utf8',
      ),
    ) as ThemeModel & { settings: TrainingSettings; trainedOn: { split: string } };
    expect(file.trainedOn.split).toBe('dev');
    const rows = readLabelledFindings(
      readFileSync(
        fileURLToPath(new URL('../../golden/themes/findings.jsonl', import.meta.url)),
        'utf8',
      ),
    ).filter((r) => r.split === 'dev');
    const examples = rows.map((row) => ({
      id: row.id,
      family: row.family,
      features: readLabelledFeatures(row.text, row.family, row.inspectionDate, row.section),
      gold: row.themes,
    }));
    const trained = trainThemeModel(examples, THEMES, file.settings);
    expect({
      threshold: file.threshold,
      combine: file.combine,
      families: file.families,
      themes: file.themes,
    }).toEqual(trained);
    // Training takes a few seconds alone; on a loaded machine more than vitest's default 5 s.
  }, 60_000);
});
