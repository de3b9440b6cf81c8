/**
 * classifyDocument on the two seed reports as the parsers read them, and on small documents
 * built here to pin the rules: parser polarity is never overridden, bare regulation numbers
 * resolve only against a certain default, the input is never changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../../src/ingest/classify/index.ts';
import type { Finding, ReportDocument } from '../../../src/model/document.ts';
import { parseReport } from '../../../src/ingest/parsers/index.ts';
import { findProjectRoot } from '../../../src/reference/index.ts';
import { SEED_000_HISTORY, SEED_000_INSPECTION } from './seed-000-history.ts';

function parseSeed(fileName: string): ReportDocument {
  const text = readFileSync(path.join(findProjectRoot(), 'seed', fileName), 'utf8');
  const parsed = parseReport({ text, source: { fileName, sha256: 'test', format: 'txt' } });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.document;
}

function findingStarting(doc: ReportDocument, prefix: string): Finding {
  const found = doc.findings.find((f) => f.text.startsWith(prefix));
  if (!found) throw new Error(`no finding starts with ${prefix}`);
  return found;
}

function themeIds(finding: Finding): string[] {
  return finding.themes.map((t) => t.id);
}

function finding(text: string, polarity: Finding['polarity'] = 'neutral', id = 'f/1'): Finding {
  return {
    id,
    text,
    section: 'Test',
    polarity,
    themes: [],
    citations: [],
    repeat: null,
    boilerplate: false,
    position: { offset: 0, line: 1 },
  };
}

function ofstedDocument(
  findings: Finding[],
  startDate: string | null = SEED_000_INSPECTION.startDate,
): ReportDocument {
  return {
    schemaVersion: 1,
    source: { fileName: 'test.txt', sha256: 'test', format: 'txt' },
    family: 'ofsted-childrens-home',
    regulator: 'OFSTED',
    parser: { name: 'test', version: '0' },
    provider: null,
    location: {
      id: 'ofsted:1247390',
      urn: '1247390',
      cqcId: null,
      name: null,
      type: null,
      capacity: null,
      description: null,
      region: null,
      localAuthority: null,
    },
    inspection: { ...SEED_000_INSPECTION, startDate },
    judgements: [],
    history: SEED_000_HISTORY,
    requirements: [],
    recommendations: [],
    enforcement: [],
    findings,
    people: [],
    warnings: [],
  };
}

describe("classifyDocument on seed 000 (Ofsted children's home)", () => {
  const parsed = parseSeed('000_573f2340e3d978e1.txt');
  const doc = classifyDocument(parsed);

  it('tags medication, safeguarding and governance among the findings', () => {
    const all = new Set(doc.findings.flatMap(themeIds));
    expect([...all]).toEqual(
      expect.arrayContaining([
        'medication',
        'safeguarding',
        'governance',
        'missing-from-care',
        'restraint-and-behaviour',
      ]),
    );
  });

  it.each([
    ['Medication protocols for the administration', 'medication'],
    ['Leaders and managers fail to safeguard children effectively', 'safeguarding'],
    ['Systems to monitor and evaluate the quality of care are not effective', 'governance'],
    [
      'Leaders and managers have made no progress since the previous inspection',
      'missing-from-care',
    ],
    ['Following an incident of serious self-harm', 'restraint-and-behaviour'],
  ])('"%s..." is tagged %s', (prefix, theme) => {
    expect(themeIds(findingStarting(doc, prefix))).toContain(theme);
  });

  it('gives every narrative finding a polarity, strengths where leaders made improvements', () => {
    expect(doc.findings.filter((f) => f.polarity === 'neutral')).toEqual([]);
    expect(
      findingStarting(doc, 'In some areas, leaders and managers have made improvements').polarity,
    ).toBe('strength');
    expect(
      findingStarting(doc, 'Leaders and managers provide staff with a supportive environment')
        .polarity,
    ).toBe('strength');
    expect(findingStarting(doc, 'Medication protocols').polarity).toBe('concern');
  });

  it('links repeat statements to the earlier inspection in the history', () => {
    expect(findingStarting(doc, 'The process for moving children').repeat).toEqual({
      statement: 'This is a repeated shortfall from the full inspection in September 2018.',
      refersTo: 'ofsted:1247390:2018-09-26:full',
      citations: [],
    });
    expect(
      findingStarting(doc, 'Leaders and managers have made no progress').repeat?.refersTo,
    ).toBe('ofsted:1247390:2019-02-20:interim');
    expect(findingStarting(doc, 'Systems to monitor').repeat).toBeNull();
  });

  it('leaves the parsed document unchanged and is stable when run twice', () => {
    const before = JSON.stringify(parsed);
    const again = classifyDocument(parseSeed('000_573f2340e3d978e1.txt'));
    expect(JSON.stringify(parsed)).toBe(before);
    expect(classifyDocument(doc)).toEqual(doc);
    expect(again).toEqual(doc);
  });
});

describe('classifyDocument on seed 002 (CQC location summary)', () => {
  const parsed = parseSeed('002_7b99ce8a6ac40e7e.txt');
  const doc = classifyDocument(parsed);

  it('keeps every polarity the parser set from the bullets before and after "However:"', () => {
    expect(doc.findings.map((f) => f.polarity)).toEqual(parsed.findings.map((f) => f.polarity));
  });

  it.each([
    ['Five out of 14 parents and carers', 'access-and-timeliness'],
    [
      'As required at the inspection in November 2022, the provider had worked hard to improve staff morale',
      'staffing',
    ],
    [
      'Most parents and carers we spoke with were not clear about how to complain',
      'voice-and-complaints',
    ],
    [
      'As required at the inspection in November 2022, staff had received mandatory training',
      'infection-control',
    ],
  ])('"%s..." is tagged %s', (prefix, theme) => {
    expect(themeIds(findingStarting(doc, prefix))).toContain(theme);
  });

  it('records "as required at the inspection in November 2022" as a repeat only where the shortfall remains', () => {
    expect(findingStarting(doc, 'Whilst client records had improved').repeat?.statement).toMatch(
      /^Whilst client records had improved as required/,
    );
    expect(
      findingStarting(doc, 'As required at the inspection in November 2022 staff had undertaken')
        .repeat,
    ).toBeNull();
  });
});

describe('classifyDocument rules', () => {
  it('classifies neutral findings and never overrides a polarity the parser set', () => {
    const doc = classifyDocument(
      ofstedDocument([
        finding('Records do not provide enough detail about children and their experiences.'),
        finding(
          'Records do not provide enough detail about children and their experiences.',
          'strength',
          'f/2',
        ),
      ]),
    );
    expect(doc.findings.map((f) => f.polarity)).toEqual(['concern', 'strength']);
  });

  it("resolves a bare regulation number against the report's own legislation and adds the themes it covers", () => {
    const doc = classifyDocument(
      ofstedDocument([
        finding(
          'Children did not receive their prescribed doses as required by regulation 23(2)(b).',
        ),
      ]),
    );
    const [only] = doc.findings;
    expect(only!.citations).toEqual([
      {
        regulation: { legislation: 'CHR2015', number: '23', title: 'Medicines' },
        text: 'regulation 23(2)(b)',
      },
    ]);
    expect(only!.themes.find((t) => t.id === 'medication')?.terms).toContain('regulation 23(2)(b)');
  });

  it('leaves a bare regulation number unresolved when the inspection date is unknown', () => {
    const doc = classifyDocument(
      ofstedDocument([finding('This is a breach of regulation 23.')], null),
    );
    expect(doc.findings[0]!.citations).toEqual([]);
  });

  it('keeps citations, themes and repeat evidence a parser already set', () => {
    const parsed = finding('Four restraints have occurred since this guidance was issued.');
    parsed.themes = [{ id: 'safeguarding', terms: ['parser'], confidence: 1 }];
    parsed.repeat = { statement: 'from the parser', refersTo: null, citations: [] };
    const [out] = classifyDocument(ofstedDocument([parsed])).findings;
    expect(out!.themes[0]).toEqual({ id: 'safeguarding', terms: ['parser'], confidence: 1 });
    // The tagger's own tag follows: its cue term first, then what else weighed for it.
    const restraint = out!.themes[1]!;
    expect(out!.themes).toHaveLength(2);
    expect(restraint.id).toBe('restraint-and-behaviour');
    expect(restraint.terms[0]).toBe('restraints');
    expect(restraint.confidence).toBeGreaterThan(0);
    expect(restraint.confidence).toBeLessThanOrEqual(1);
    expect(out!.repeat).toEqual({ statement: 'from the parser', refersTo: null, citations: [] });
  });

  it('gives a repeat statement only the regulations its own sentence names', () => {
    const classify = (text: string) =>
      classifyDocument(ofstedDocument([finding(text)])).findings[0]!;
    const elsewhere = classify(
      'Staff do not record restraints (regulation 35). This is a repeated shortfall from the full inspection in September 2018.',
    );
    expect(elsewhere.citations.map((c) => c.regulation.number)).toEqual(['35']);
    expect(elsewhere.repeat?.refersTo).toBe('ofsted:1247390:2018-09-26:full');
    expect(elsewhere.repeat?.citations).toEqual([]);

    const named = classify(
      'Staff do not record restraints (regulation 35). This is a repeated breach of regulation 12 from the full inspection in September 2018.',
    );
    expect(named.repeat?.citations.map((c) => [c.regulation.number, c.text])).toEqual([
      ['12', 'regulation 12'],
    ]);

    const byStandard = classify(
      'This is a repeated breach of the protection of children standard from the full inspection in September 2018.',
    );
    expect(byStandard.repeat?.citations.map((c) => c.regulation.number)).toEqual(['12']);
  });
});
