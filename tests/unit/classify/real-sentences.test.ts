/**
 * The classifiers against real report sentences (real-sentences.json): expected themes,
 * polarity, citations and repeat evidence, one table per classifier.
 */
import { describe, expect, it } from 'vitest';
import type {
  HistoryEntry,
  InspectionInfo,
  LegislationId,
  Polarity,
} from '../../../src/model/document.ts';
import { classifyPolarity } from '../../../src/ingest/classify/classify-polarity.ts';
import { findCitations } from '../../../src/ingest/classify/find-citations.ts';
import { findRepeat } from '../../../src/ingest/classify/find-repeats.ts';
import { tagThemes } from '../../../src/ingest/classify/tag-themes.ts';
import table from './real-sentences.json' with { type: 'json' };
import { SEED_000_HISTORY, SEED_000_INSPECTION } from './seed-000-history.ts';

interface ThemeCase {
  source: string;
  text: string;
  themes: string[];
  notThemes: string[];
}
interface PolarityCase {
  source: string;
  text: string;
  polarity: string;
}
interface CitationCase {
  source: string;
  text: string;
  defaultLegislation: string | null;
  citations: (string | null)[][];
}
interface RepeatCase {
  source: string;
  history: string;
  polarity: string;
  text: string;
  statement: string | null;
  refersTo: string | null;
}

const themeCases: ThemeCase[] = table.themes;
const polarityCases: PolarityCase[] = table.polarity;
const citationCases: CitationCase[] = table.citations;
const repeatCases: RepeatCase[] = table.repeats;

const NO_HISTORY: { history: HistoryEntry[]; inspection: InspectionInfo } = {
  history: [],
  inspection: { ...SEED_000_INSPECTION, startDate: null },
};

function label(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

describe('tagThemes on real sentences', () => {
  it.each(themeCases.map((c) => [label(c.text), c] as const))('%s', (_name, c) => {
    const citations = findCitations(c.text, { defaultLegislation: null });
    const ids = tagThemes(c.text, { citations, rulesOnly: true }).map((t) => t.id);
    for (const theme of c.themes) expect(ids, `expected ${theme} (${c.source})`).toContain(theme);
    for (const theme of c.notThemes)
      expect(ids, `did not expect ${theme} (${c.source})`).not.toContain(theme);
  });

  it('keeps the terms that fired, lower-cased as found, and a confidence', () => {
    const tags = tagThemes(
      'Most parents and carers we spoke with were not clear about how to complain and give feedback to the service.',
      { rulesOnly: true },
    );
    // Two cues in a one-sentence finding: 1 - 0.5^(4 / 2) (theme-confidence.ts).
    expect(tags).toContainEqual({
      id: 'voice-and-complaints',
      terms: ['complain', 'feedback'],
      confidence: 0.75,
    });
  });
});

describe('classifyPolarity on real sentences', () => {
  it.each(polarityCases.map((c) => [label(c.text), c] as const))('%s', (_name, c) => {
    expect(classifyPolarity(c.text)).toBe(c.polarity as Polarity);
  });
});

describe('findCitations on real sentences', () => {
  it.each(citationCases.map((c) => [label(c.text), c] as const))('%s', (_name, c) => {
    const found = findCitations(c.text, {
      defaultLegislation: c.defaultLegislation as LegislationId | null,
    });
    expect(
      found.map((f) => [f.regulation.legislation, f.regulation.number, f.regulation.title, f.text]),
    ).toEqual(c.citations);
  });
});

describe('findRepeat on real sentences', () => {
  it.each(repeatCases.map((c) => [label(c.text), c] as const))('%s', (_name, c) => {
    const context =
      c.history === 'seed-000'
        ? { history: SEED_000_HISTORY, inspection: SEED_000_INSPECTION }
        : NO_HISTORY;
    const repeat = findRepeat(c.text, c.polarity as Polarity, context);
    expect(repeat).toEqual(
      c.statement === null ? null : { statement: c.statement, refersTo: c.refersTo, citations: [] },
    );
  });
});
