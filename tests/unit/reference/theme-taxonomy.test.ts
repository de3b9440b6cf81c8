/**
 * seed/reference/themes.json and cqc-quality-statements.json: the closed taxonomy of DOMAIN.md,
 * regulation links that exist, and cue lists a reviewer can trust.
 */
import { describe, expect, it } from 'vitest';
import { compileCue } from '../../../src/ingest/classify/cues.ts';
import {
  ReferenceDataError,
  parseBoilerplateTexts,
  parseThemeTaxonomy,
  readBoilerplateTexts,
  readCqcQualityStatements,
  readLegislationCatalogue,
  readThemeTaxonomy,
} from '../../../src/reference/index.ts';

const DOMAIN_THEMES = [
  'safeguarding',
  'missing-from-care',
  'medication',
  'health-and-wellbeing',
  'restraint-and-behaviour',
  'governance',
  'staffing',
  'care-planning',
  'records',
  'partnership-working',
  'voice-and-complaints',
  'premises-and-safety',
  'infection-control',
  'access-and-timeliness',
  'education-and-achievement',
  'dignity-and-rights',
];

const taxonomy = readThemeTaxonomy();
const regulationIds = new Set(readLegislationCatalogue().regulations.map((r) => r.id));

describe('theme taxonomy', () => {
  it('is exactly the 16 themes of DOMAIN.md', () => {
    expect(taxonomy.themes.map((t) => t.id)).toEqual(DOMAIN_THEMES);
  });

  it('links only regulations that exist in the legislation catalogue', () => {
    for (const { regulation, theme } of taxonomy.coverage)
      expect(regulationIds.has(regulation), `${theme} → ${regulation}`).toBe(true);
  });

  it.each([
    ['CHR2015:23', 'medication'],
    ['CHR2015:12', 'safeguarding'],
    ['CHR2015:13', 'governance'],
    ['CHR2015:35', 'restraint-and-behaviour'],
    ['CHR2015:5', 'partnership-working'],
    ['CHR2015:10', 'health-and-wellbeing'],
    ['CHR2015:6', 'care-planning'],
    ['HSCA-RA-2014:12', 'medication'],
    ['HSCA-RA-2014:12', 'infection-control'],
    ['HSCA-RA-2014:13', 'safeguarding'],
    ['HSCA-RA-2014:16', 'voice-and-complaints'],
    ['HSCA-RA-2014:17', 'governance'],
    ['HSCA-RA-2014:18', 'staffing'],
  ])('%s covers %s', (regulation, theme) => {
    expect(taxonomy.coverage).toContainEqual({ regulation, theme });
  });

  it('has a label, a definition and at least one cue per theme', () => {
    for (const t of taxonomy.themes) {
      expect(t.label, t.id).not.toBe('');
      expect(t.definition, t.id).not.toBe('');
      expect(t.cues.length, t.id).toBeGreaterThan(0);
    }
  });

  it('has no cue that another cue of the same theme and strength already matches', () => {
    const redundant: string[] = [];
    for (const t of taxonomy.themes) {
      for (const list of [t.cues, t.weakCues]) {
        for (const a of list) {
          const regex = compileCue(a, null).regex;
          for (const b of list) {
            if (a === b || b.startsWith('re:')) continue;
            regex.lastIndex = 0;
            if (regex.exec(b)?.[0] === b) redundant.push(`${t.id}: "${a}" already matches "${b}"`);
          }
        }
      }
    }
    expect(redundant).toEqual([]);
  });

  it('names the file and the entry when a theme links a regulation that does not exist', () => {
    const bad = {
      themes: [
        {
          id: 'medication',
          label: 'Medication',
          definition: 'd',
          cues: ['medicine*'],
          regulations: ['CHR2015:999'],
        },
      ],
    };
    const place = { file: 'seed/reference/themes.json', at: '' };
    expect(() => parseThemeTaxonomy(bad, place, regulationIds)).toThrow(ReferenceDataError);
    expect(() => parseThemeTaxonomy(bad, place, regulationIds)).toThrow(
      'seed/reference/themes.json: themes[0] (medication).regulations[0]: CHR2015:999 is not in seed/reference/legislation.json',
    );
  });

  it('rejects a pattern cue that does not compile', () => {
    const bad = {
      themes: [
        {
          id: 'medication',
          label: 'Medication',
          definition: 'd',
          cues: ['re:(unclosed'],
          regulations: [],
        },
      ],
    };
    expect(() => parseThemeTaxonomy(bad, { file: 'themes.json', at: '' }, regulationIds)).toThrow(
      /cues\[0\]: pattern re:\(unclosed does not compile/,
    );
  });
});

describe('theme contexts', () => {
  const medication = {
    id: 'medication',
    label: 'Medication',
    definition: 'd',
    cues: ['medicine*'],
    regulations: [],
  };
  const parse = (contexts: unknown[]) =>
    parseThemeTaxonomy(
      { themes: [medication], contexts },
      { file: 'themes.json', at: '' },
      regulationIds,
    );

  it('reads every context of the file, each for a theme of the taxonomy', () => {
    expect(taxonomy.contexts.length).toBeGreaterThan(0);
    const themeIds = new Set(DOMAIN_THEMES);
    for (const c of taxonomy.contexts) {
      expect(themeIds.has(c.theme), c.id).toBe(true);
      expect(c.why, c.id).not.toBe('');
    }
  });

  it('refuses an unknown theme, an unknown family, a section pattern that does not compile and an empty context', () => {
    const context = { id: 'x', why: 'w', theme: 'medication', notCues: ['pandemic'] };
    expect(parse([context]).contexts).toEqual([
      { ...context, families: [], sections: [], cues: [], weakCues: [] },
    ]);
    expect(() => parse([{ ...context, theme: 'staffing' }])).toThrow(
      'themes.json: contexts[0] (x).theme: staffing is not a theme of this file',
    );
    expect(() => parse([{ ...context, families: ['ofsted-nursery'] }])).toThrow(
      /contexts\[0\] \(x\)\.families\[0\]: expected one of ofsted-childrens-home, .*found "ofsted-nursery"/,
    );
    expect(() => parse([{ ...context, sections: ['(unclosed'] }])).toThrow(
      /contexts\[0\] \(x\)\.sections\[0\]: does not compile/,
    );
    expect(() => parse([{ ...context, notCues: [] }])).toThrow('needs cues, weakCues or notCues');
    expect(() => parse([context, context])).toThrow('duplicate context id x');
  });
});

describe('boilerplate texts', () => {
  it('reads every text of seed/reference/boilerplate.json, each with patterns', () => {
    const texts = readBoilerplateTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t.patterns.length, t.id).toBeGreaterThan(0);
      for (const p of t.patterns) expect(() => compileCue(p, null), `${t.id}: ${p}`).not.toThrow();
    }
  });

  it('refuses an upper-case phrase and an unknown extent, naming the entry', () => {
    const place = { file: 'boilerplate.json', at: '' };
    const text = { id: 'remit', why: 'w', patterns: ['regulates and inspects'] };
    expect(parseBoilerplateTexts({ texts: [text] }, place)).toEqual([
      { ...text, families: [], extent: 'sentence' },
    ]);
    expect(() =>
      parseBoilerplateTexts({ texts: [{ ...text, patterns: ['Regulates'] }] }, place),
    ).toThrow('boilerplate.json: texts[0] (remit).patterns[0]: cue "Regulates" must be lower case');
    expect(() => parseBoilerplateTexts({ texts: [{ ...text, extent: 'page' }] }, place)).toThrow(
      'texts[0] (remit).extent: expected one of sentence, match, found "page"',
    );
  });
});

describe('CQC quality statements', () => {
  const statements = readCqcQualityStatements();
  const themeIds = new Set(DOMAIN_THEMES);

  it('maps the 33 quality statements seen in CQC API records onto existing themes', () => {
    expect(statements.map((s) => Number(s.id))).toEqual(
      Array.from({ length: 33 }, (_, i) => i + 1),
    );
    for (const s of statements)
      for (const theme of s.themes)
        expect(themeIds.has(theme), `${s.id} ${s.name} → ${theme}`).toBe(true);
  });
});
