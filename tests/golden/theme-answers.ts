/**
 * The theme questions' golden answers on the seeds and fixtures, counted from a reader's labels.
 *
 * Themes are the one part of an answer the project infers rather than reads, so their golden
 * answers cannot be written row by row from the report text the way the breach answers are: the
 * reading is the labelling (tests/golden/themes/findings.jsonl, under LABELLING.md), and the
 * answers here are plain counts over those labels. Only which findings exist (the pipeline's
 * split of a report into findings, which the labels are keyed on) comes from the code; each
 * report's inspection year is checked against the date a reader sees on its first page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildReportDocument } from '../../src/ingest/pipeline.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const GOLDEN_THEME_DIR = path.join(ROOT, 'tests/golden/answers/themes');
const LABELS_FILE = path.join(ROOT, 'tests/golden/themes/findings.jsonl');

/** The reports the API fixture loads, with the inspection start date printed on each. */
const FIXTURE_REPORTS: { file: string; startDate: string }[] = [
  { file: 'seed/000_573f2340e3d978e1.txt', startDate: '2019-07-23' }, // "23 to 24 July 2019"
  { file: 'seed/002_7b99ce8a6ac40e7e.txt', startDate: '2023-09-11' }, // "11 & 12 September 2023"
  { file: 'tests/fixtures/reports/sc999001-2022-03-08.txt', startDate: '2022-03-08' },
  { file: 'tests/fixtures/reports/sc999001-2023-02-14.txt', startDate: '2023-02-14' },
  { file: 'tests/fixtures/reports/sc999002-2023-05-10.txt', startDate: '2023-05-10' },
];

export interface GoldenThemeAnswer {
  file: string;
  query: string;
  field: string;
  note: string;
  rows: ({ because: string[] } & Record<string, unknown>)[];
}

interface LabelledFinding {
  source: string;
  line: number;
  themes: string[];
  text: string;
}

interface ReadFinding {
  at: string;
  inspection: string;
  year: string;
  themes: string[];
}

function readLabels(): LabelledFinding[] {
  return readFileSync(LABELS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledFinding);
}

/** Every finding of the fixture reports with the themes the reader gave it. */
function readLabelledFindings(): ReadFinding[] {
  const labels = readLabels();
  const findings: ReadFinding[] = [];
  for (const report of FIXTURE_REPORTS) {
    const fileName = path.basename(report.file);
    const text = readFileSync(path.join(ROOT, report.file), 'utf8');
    const parsed = buildReportDocument({ text, fileName, format: 'txt' });
    if (!parsed.ok) throw new Error(`${report.file}: ${parsed.message}`);
    const { inspection, findings: reportFindings } = parsed.document;
    if (inspection.startDate !== report.startDate) {
      throw new Error(
        `${report.file}: read as ${inspection.startDate}, printed ${report.startDate}`,
      );
    }
    for (const finding of reportFindings) {
      const line = finding.position.line;
      const label =
        labels.find((l) => l.source === fileName && l.line === line) ??
        labels.find((l) => l.text === finding.text);
      if (label === undefined) throw new Error(`${report.file}:${line}: no label`);
      findings.push({
        at: `${report.file}:${line}`,
        inspection: inspection.id,
        year: report.startDate.slice(0, 4),
        themes: [...label.themes].sort(),
      });
    }
  }
  return findings;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** themeTrends by year: findings and inspections per theme and year, in the API's order. */
function buildThemeTrends(findings: ReadFinding[]): GoldenThemeAnswer {
  const cells = new Map<
    string,
    { theme: string; year: string; at: string[]; inspections: Set<string> }
  >();
  for (const finding of findings) {
    for (const theme of finding.themes) {
      const key = `${theme}|${finding.year}`;
      const cell = cells.get(key) ?? { theme, year: finding.year, at: [], inspections: new Set() };
      cell.at.push(finding.at);
      cell.inspections.add(finding.inspection);
      cells.set(key, cell);
    }
  }
  const rows = [...cells.values()]
    .sort((a, b) => compareStrings(a.theme, b.theme) || compareStrings(a.year, b.year))
    .map((cell) => ({
      theme: { id: cell.theme },
      period: cell.year,
      findingCount: cell.at.length,
      inspectionCount: cell.inspections.size,
      because: cell.at,
    }));
  return {
    file: 'theme-trends.json',
    query: '{ themeTrends(interval: YEAR) { theme { id } period findingCount inspectionCount } }',
    field: 'themeTrends',
    note: 'Findings a reader labels with each theme, per year of the inspection start date, and the inspections they come from. Order: theme id, then period.',
    rows,
  };
}

/** themeCooccurrence: pairs of themes on the same findings, with the Jaccard index. */
function buildThemeCooccurrence(findings: ReadFinding[]): GoldenThemeAnswer {
  const tagged = new Map<string, Set<string>>();
  for (const finding of findings) {
    for (const theme of finding.themes) {
      tagged.set(theme, (tagged.get(theme) ?? new Set()).add(finding.at));
    }
  }
  const pairs = new Map<string, { first: string; second: string; at: string[] }>();
  for (const finding of findings) {
    finding.themes.forEach((first, index) => {
      for (const second of finding.themes.slice(index + 1)) {
        const key = `${first}|${second}`;
        const pair = pairs.get(key) ?? { first, second, at: [] };
        pair.at.push(finding.at);
        pairs.set(key, pair);
      }
    });
  }
  const rows = [...pairs.values()]
    .map((pair) => {
      const either = new Set([...tagged.get(pair.first)!, ...tagged.get(pair.second)!]);
      return { ...pair, jaccard: pair.at.length / either.size };
    })
    .sort(
      (a, b) =>
        b.at.length - a.at.length ||
        b.jaccard - a.jaccard ||
        compareStrings(a.first, b.first) ||
        compareStrings(a.second, b.second),
    )
    .map((pair) => ({
      first: { id: pair.first },
      second: { id: pair.second },
      findingCount: pair.at.length,
      jaccard: Math.round(pair.jaccard * 1e4) / 1e4,
      because: pair.at,
    }));
  return {
    file: 'theme-cooccurrence.json',
    query:
      '{ themeCooccurrence(first: 100) { totalCount nodes { first { id } second { id } findingCount jaccard } } }',
    field: 'themeCooccurrence',
    note: 'Pairs of themes a reader gives the same finding; jaccard is those findings over the findings labelled with either, to 4 places. Order: most findings, then highest jaccard, then the two theme ids.',
    rows,
  };
}

export function buildThemeAnswers(): GoldenThemeAnswer[] {
  const findings = readLabelledFindings();
  return [buildThemeTrends(findings), buildThemeCooccurrence(findings)];
}

export function readGoldenThemeAnswers(): GoldenThemeAnswer[] {
  return readdirSync(GOLDEN_THEME_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({
      file: name,
      ...(JSON.parse(readFileSync(path.join(GOLDEN_THEME_DIR, name), 'utf8')) as Omit<
        GoldenThemeAnswer,
        'file'
      >),
    }));
}
