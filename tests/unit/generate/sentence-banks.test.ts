import { describe, expect, it } from 'vitest';
import { REGULATION_BREACHES } from '../../../src/generate/data/chr2015-requirements.ts';
import { CQC_FULL_REPORT_SENTENCES } from '../../../src/generate/data/cqc-full-report-sentences.ts';
import { CQC_SENTENCES } from '../../../src/generate/data/cqc-summary-sentences.ts';
import { HSCA_BREACH_OF_THEME } from '../../../src/generate/data/hsca-breaches.ts';
import { OFSTED_SENTENCES } from '../../../src/generate/data/ofsted-narrative-sentences.ts';
import { OFSTED_AREA_OF_THEME } from '../../../src/generate/data/themes.ts';
import {
  buildMonthRepeat,
  PREVIOUS_INSPECTION_REPEAT,
} from '../../../src/generate/plan-ofsted-narrative.ts';
import { classifyPolarity, tagThemes } from '../../../src/ingest/classify/index.ts';
import { classifyRepeatSentence } from '../../../src/ingest/classify/find-repeats.ts';
import { findRegulation, readThemeTaxonomy } from '../../../src/reference/index.ts';

const taxonomyIds = new Set(readThemeTaxonomy().themes.map((t) => t.id));

describe('Ofsted narrative sentences', () => {
  for (const [theme, bank] of Object.entries(OFSTED_SENTENCES)) {
    for (const polarity of ['concern', 'strength'] as const) {
      it(`${theme} / ${polarity}: tagged with the theme, voting ${polarity}, no repeat wording`, () => {
        expect(taxonomyIds.has(theme)).toBe(true);
        for (const sentence of bank![polarity]) {
          expect(
            tagThemes(sentence).map((t) => t.id),
            sentence,
          ).toContain(theme);
          expect(classifyPolarity(sentence), sentence).toBe(polarity);
          expect(classifyRepeatSentence(sentence), sentence).toBeNull();
        }
      });
    }
  }

  it('has a judgement area for every theme it writes about', () => {
    for (const theme of Object.keys(OFSTED_SENTENCES))
      expect(OFSTED_AREA_OF_THEME[theme as keyof typeof OFSTED_AREA_OF_THEME]).toBeDefined();
  });

  it('writes repeat statements the classifier reads as repeats and as concerns', () => {
    const past = {
      id: 'x',
      start: 19000,
      rating: 2,
      interim: null,
      requirementNumbers: new Set<string>(),
      complianceNotices: [],
    } as const;
    const full = buildMonthRepeat({ ...past, kind: 'full' });
    const interim = buildMonthRepeat({ ...past, kind: 'interim', interim: 'sustained' });
    expect(interim).toMatch(/^This is a repeated shortfall from the interim inspection in /);
    for (const sentence of [full, interim, PREVIOUS_INSPECTION_REPEAT]) {
      expect(classifyRepeatSentence(sentence)?.kind, sentence).toBe('persisting');
      expect(classifyPolarity(sentence), sentence).toBe('concern');
    }
  });
});

describe('CQC summary bullets', () => {
  for (const [theme, bank] of Object.entries(CQC_SENTENCES)) {
    it(`${theme}: tagged with the theme; only the follow-up sentences mention an earlier inspection`, () => {
      expect(taxonomyIds.has(theme)).toBe(true);
      for (const sentence of [...bank!.concern, ...bank!.strength]) {
        expect(
          tagThemes(sentence).map((t) => t.id),
          sentence,
        ).toContain(theme);
        expect(classifyRepeatSentence(sentence), sentence).toBeNull();
      }
      const still = `Despite a requirement made at the inspection in May 2020, ${bank!.stillFailing}`;
      const met = `As required at the inspection in May 2020, ${bank!.nowMet}`;
      expect(
        tagThemes(still).map((t) => t.id),
        still,
      ).toContain(theme);
      expect(classifyRepeatSentence(still)?.kind, still).toBe('persisting');
      // A CQC full report takes polarity from the words, so the repeat must read as a concern.
      expect(classifyPolarity(still), still).toBe('concern');
      // Counted as a repeat only in a concern, so a met requirement in a strength bullet is not one.
      expect(classifyRepeatSentence(met)?.kind, met).toBe('earlier-requirement');
    });
  }
});

describe('CQC full report findings', () => {
  for (const [theme, bank] of Object.entries(CQC_FULL_REPORT_SENTENCES)) {
    for (const polarity of ['concern', 'strength'] as const) {
      it(`${theme} / ${polarity}: tagged with the theme, voting ${polarity}, no repeat wording`, () => {
        expect(taxonomyIds.has(theme)).toBe(true);
        expect(bank![polarity].length).toBeGreaterThanOrEqual(2);
        for (const sentence of bank![polarity]) {
          expect(
            tagThemes(sentence).map((t) => t.id),
            sentence,
          ).toContain(theme);
          expect(classifyPolarity(sentence), sentence).toBe(polarity);
          expect(classifyRepeatSentence(sentence), sentence).toBeNull();
        }
      });
    }
  }

  it('has a follow-up clause and a breach for every theme it writes about', () => {
    for (const theme of Object.keys(
      CQC_FULL_REPORT_SENTENCES,
    ) as (keyof typeof CQC_FULL_REPORT_SENTENCES)[]) {
      expect(CQC_SENTENCES[theme]?.stillFailing, theme).toBeTruthy();
      const breach = HSCA_BREACH_OF_THEME[theme]!;
      expect(findRegulation('HSCA-RA-2014', breach.number)?.heading, theme).toBeTruthy();
      expect(breach.paragraphs).toMatch(
        new RegExp(`^Regulation ${breach.number} (?:\\([0-9a-z]+\\))+$`),
      );
    }
  });
});

describe('CHR2015 requirement wording', () => {
  it('cites regulations whose heading the catalogue confirms, with a reference to the same regulation', () => {
    for (const breach of REGULATION_BREACHES) {
      expect(findRegulation('CHR2015', breach.number)?.heading, breach.number).toBeTruthy();
      for (const wording of breach.wordings) {
        expect(wording.paragraphs.startsWith(`Regulation ${breach.number} `)).toBe(true);
        expect(wording.blocks.at(-1)!.endsWith(`(${wording.paragraphs})`)).toBe(true);
      }
    }
  });
});
