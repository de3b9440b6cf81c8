import { describe, expect, it } from 'vitest';
import { REGULATION_BREACHES } from '../../../src/generate/data/chr2015-requirements.ts';
import { CQC_SENTENCES } from '../../../src/generate/data/cqc-summary-sentences.ts';
import { OFSTED_SENTENCES } from '../../../src/generate/data/ofsted-narrative-sentences.ts';
import { OFSTED_AREA_OF_THEME } from '../../../src/generate/data/themes.ts';
import { buildMonthRepeat, PREVIOUS_INSPECTION_REPEAT } from '../../../src/generate/plan-ofsted-narrative.ts';
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
          expect(tagThemes(sentence).map((t) => t.id), sentence).toContain(theme);
          expect(classifyPolarity(sentence), sentence).toBe(polarity);
          expect(classifyRepeatSentence(sentence), sentence).toBeNull();
        }
      });
    }
  }

  it('has a judgement area for every theme it writes about', () => {
    for (const theme of Object.keys(OFSTED_SENTENCES)) expect(OFSTED_AREA_OF_THEME[theme as keyof typeof OFSTED_AREA_OF_THEME]).toBeDefined();
  });

  it('writes repeat statements the classifier reads as repeats and as concerns', () => {
    const month = buildMonthRepeat({ id: 'x', start: 19000, rating: 2, requirementNumbers: new Set(), complianceNotices: [] });
    for (const sentence of [month, PREVIOUS_INSPECTION_REPEAT]) {
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
        expect(tagThemes(sentence).map((t) => t.id), sentence).toContain(theme);
        expect(classifyRepeatSentence(sentence), sentence).toBeNull();
      }
      const still = `Despite a requirement made at the inspection in May 2020, ${bank!.stillFailing}`;
      const met = `As required at the inspection in May 2020, ${bank!.nowMet}`;
      expect(tagThemes(still).map((t) => t.id), still).toContain(theme);
      expect(classifyRepeatSentence(still)?.kind, still).toBe('persisting');
      // Counted as a repeat only in a concern, so a met requirement in a strength bullet is not one.
      expect(classifyRepeatSentence(met)?.kind, met).toBe('earlier-requirement');
    });
  }
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
