/**
 * The selection rule of the hand-labelled theme set (src/eval/theme-sample.ts): which headings
 * count as improvement items, the seat allocation of the second-pass draw, and, on every report
 * of the set that the repository holds a copy of, that the rule run again gives the same rows
 * (id, line, section, text, how selected). If a parser change moves or rewords a finding, this
 * fails: run scripts/select-theme-findings.ts --check (README beside the set) and relabel what
 * changed rather than editing the expected rows. The development-only stratum is checked on the
 * same copies: a report left out of the first choice is taken by it, with the same findings,
 * all development rows, and a repeat of a taken report is not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SourceFormat } from '../../../src/model/document.ts';
import { parseReport } from '../../../src/ingest/parsers/index.ts';
import { sha256Hex } from '../../../src/ingest/text/hash.ts';
import { readLabelledFindings } from '../../../src/eval/theme-labels.ts';
import {
  allocateDraw,
  assignSplits,
  chooseExtraReports,
  chooseReports,
  EXTRA_SELECTION,
  isImproveSection,
  selectFindings,
  type ParsedReport,
  type SampleGroup,
} from '../../../src/eval/theme-sample.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Repository copies of the set's reports, in the selection's input order, and their names in the set. */
const COPIES: [file: string, source: string][] = [
  ['seed/000_573f2340e3d978e1.txt', '000_573f2340e3d978e1.txt'],
  ['tests/fixtures/reports/sc999001-2022-03-08.txt', 'sc999001-2022-03-08.txt'],
  ['tests/fixtures/reports/sc999001-2023-02-14.txt', 'sc999001-2023-02-14.txt'],
  ['tests/fixtures/reports/sc999002-2023-05-10.txt', 'sc999002-2023-05-10.txt'],
  ['seed/002_7b99ce8a6ac40e7e.txt', '002_7b99ce8a6ac40e7e.txt'],
  [
    'tests/fixtures/corpus/cqc/cqc_arreta-care-limited_2023-11-14.txt',
    'cqc_arreta-care-limited_2023-11-14.txt',
  ],
  [
    'tests/fixtures/corpus/text/ofsted-focused-visit_80441_bristol_2025-03-20.txt',
    'ofsted_focused-visit_80441_bristol_2025-03-20.txt',
  ],
  [
    'tests/fixtures/corpus/text/ofsted-focused-visit_80445_cambridgeshire_2018-04-09.txt',
    'ofsted_focused-visit_80445_cambridgeshire_2018-04-09.txt',
  ],
  [
    'tests/fixtures/corpus/text/ofsted-ilacs_80426_barnsley_2018-11-19.txt',
    'ofsted_ilacs_80426_barnsley_2018-11-19.txt',
  ],
  [
    'tests/fixtures/corpus/text/ofsted-ilacs_80508_lewisham_2024-01-31.txt',
    'ofsted_ilacs_80508_lewisham_2024-01-31.txt',
  ],
  [
    'tests/fixtures/corpus/text/ofsted-ilacs_80515_sutton_2022-02-01.txt',
    'ofsted_ilacs_80515_sutton_2022-02-01.txt',
  ],
  [
    'tests/fixtures/corpus/text/ofsted-la-childrens-services_80418_norfolk_2013-08-16.txt',
    'ofsted_la-childrens-services_80418_norfolk_2013-08-16.txt',
  ],
  [
    'tests/fixtures/corpus/text/ofsted-la-childrens-services_80467_east-sussex_2014-03-21.txt',
    'ofsted_la-childrens-services_80467_east-sussex_2014-03-21.txt',
  ],
  [
    'tests/fixtures/corpus/text/ofsted-la-childrens-services_80497_hammersmith-fulham_2016-03-29.txt',
    'ofsted_la-childrens-services_80497_hammersmith-fulham_2016-03-29.txt',
  ],
  [
    'tests/fixtures/corpus/text/ofsted-cqc_area-send_80438_brighton-hove_2023-05-31.txt',
    'ofsted-cqc_area-send_80438_brighton-hove_2023-05-31.txt',
  ],
  ...[
    'cqc_1-16561595022_api-location-with-assessment.json',
    'cqc_1-5203053560_api-location-with-assessment.json',
    'cqc_1-5312102242_api-location-with-assessment.json',
    'cqc_1-569934227_api-location-with-assessment.json',
  ].map((name): [string, string] => [`tests/fixtures/corpus/cqc/${name}`, name]),
];

function parseCopy([file, source]: [string, string]): ParsedReport {
  const text = readFileSync(path.join(root, file), 'utf8');
  const format: SourceFormat = file.endsWith('.json') ? 'json' : 'txt';
  const parsed = parseReport({
    text,
    source: { fileName: source, sha256: sha256Hex(text), format },
  });
  if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
  return { source, format, document: parsed.document };
}

describe('theme set selection', () => {
  it('takes every item under an improvement heading, of every era', () => {
    for (const heading of [
      'What needs to improve',
      'What needs to improve in this area of social work practice',
      'Areas for improvement',
      'Areas for priority action',
      'What does the area partnership need to do better',
      'Recommendations',
      'Local Safeguarding Children Board: Recommendations',
      'Priority and immediate action',
    ])
      expect(isImproveSection(heading)).toBe(true);
    for (const heading of ['Main findings', 'Summary', 'Capacity to improve', 'Safe'])
      expect(isImproveSection(heading)).toBe(false);
  });

  it('gives each group of a draw its share, at least the floor, and fills the draw', () => {
    const counts = new Map<SampleGroup, number>([
      ['ilacs', 140],
      ['area-send', 130],
      ['cqc-location-summary', 4],
      ['childrens-home', 36],
    ]);
    const seats = allocateDraw(counts, 100, 6);
    expect([...seats.values()].reduce((a, b) => a + b, 0)).toBe(100);
    expect(seats.get('cqc-location-summary')).toBe(4);
    expect(seats.get('childrens-home')).toBeGreaterThanOrEqual(6);
    expect(seats.get('ilacs')).toBeGreaterThan(seats.get('area-send')! - 1);
  });

  it('gives the same rows again on the reports the repository holds', () => {
    const { taken } = chooseReports(COPIES.map(parseCopy));
    expect(taken.map((r) => r.source)).toEqual(COPIES.map(([, source]) => source));
    const { findings } = selectFindings(taken);
    const sources = new Set(COPIES.map(([, source]) => source));
    const set = readLabelledFindings(
      readFileSync(path.join(root, 'tests/golden/themes/findings.jsonl'), 'utf8'),
    ).filter((r) => sources.has(r.source));
    const pick = (r: (typeof findings)[number]) => [r.id, r.line, r.section, r.selection, r.text];
    expect(findings.map(pick)).toEqual(set.map(pick));
    expect(findings.length).toBeGreaterThan(250);
  });

  it('takes further reports into the development part only, after the first choice', () => {
    const copies = COPIES.map(parseCopy);
    const isBrighton = (r: ParsedReport) => r.source.includes('brighton-hove');
    const brighton = copies.find(isBrighton)!;
    const first = chooseReports(copies.filter((r) => !isBrighton(r)));
    const renamed: ParsedReport = { ...brighton, source: 'brighton-copy.txt' };
    const extra = chooseExtraReports([...copies, renamed], first.taken);
    // Every other copy is in the first choice; the renamed copy repeats the one taken.
    expect(extra.taken.map((r) => r.source)).toEqual([brighton.source]);
    expect(extra.skipped).toEqual([
      {
        source: 'brighton-copy.txt',
        reason: 'repeats a report already taken (100% of its findings)',
      },
    ]);
    const firstRows = selectFindings(first.taken).findings;
    const { findings } = selectFindings(first.taken, extra.taken);
    expect(findings.slice(0, firstRows.length)).toEqual(firstRows);
    const added = findings.slice(firstRows.length);
    const alone = selectFindings([brighton]).findings;
    const pick = (r: (typeof findings)[number]) => [r.id, r.line, r.section, r.text];
    expect(added.map(pick)).toEqual(alone.map(pick));
    expect(new Set(added.map((r) => r.selection))).toEqual(new Set([EXTRA_SELECTION]));
    const splits = assignSplits(findings);
    for (const r of added) expect(splits.get(r.id)).toBe('dev');
    // The first rows' split is the one they get without the stratum.
    const before = assignSplits(firstRows);
    for (const r of firstRows) expect(splits.get(r.id)).toBe(before.get(r.id));
  });
});
