/**
 * How the hand-labelled theme set (tests/golden/themes/) chooses its findings, so the choice can
 * be run again and checked: which reports, which findings of each, the development/test split
 * and the draw for the second labelling pass. Nothing here looks at a finding's wording for its
 * themes, and nothing calls the tagger: the documents come from `parseReport` alone.
 *
 * - Reports are taken in input order, text, JSON and web pages first, then PDFs in the order of a
 *   seeded hash of their file name, until each group has its quota (`REPORTS_PER_GROUP`). A report
 *   that repeats one already taken (a PDF of a text, the tri-borough SIF report filed under three
 *   authorities, a web page of a seed) is skipped.
 * - From each report: every finding under an improvement heading, and every n-th finding in report
 *   order counting from the first (`EVERY_NTH`). A finding whose text is already in the set is not
 *   taken twice.
 * - The split and the second-pass draw order rows by a seeded hash of source and line (id), per
 *   group, so both are stratified and reproducible.
 * - A further stratum, development rows only (`EXTRA_SELECTION`), added after the first 699 rows
 *   were labelled: more reports of the groups short of development rows, taken in the same
 *   candidate order after the first choice (`EXTRA_REPORTS_PER_GROUP`), with the same findings
 *   of each (improvement items and every n-th), none already in the set. They are all `dev`
 *   and take no part in the split's alternation or the second-pass draw, so the test part and
 *   the second pass stay exactly as they were.
 */
import type { ReportDocument, SourceFormat } from '../model/document.ts';
import { sha256Hex } from '../ingest/text/hash.ts';

/** The strata of the set: report families, with local-authority inspections split by era. */
export const SAMPLE_GROUPS = [
  'childrens-home',
  'ilacs',
  'pre-ilacs',
  'focused-visit',
  'area-send',
  'cqc-full-report',
  'cqc-location-summary',
  'cqc-assessment',
] as const;

export type SampleGroup = (typeof SAMPLE_GROUPS)[number];

/** Every n-th finding of a report (1 = all); the first four are the rule of the first 128 labels. */
export const EVERY_NTH: Readonly<Record<SampleGroup, number>> = {
  'childrens-home': 1,
  ilacs: 7,
  'focused-visit': 4,
  'area-send': 3,
  'pre-ilacs': 15,
  'cqc-full-report': 1,
  'cqc-location-summary': 1,
  'cqc-assessment': 1,
};

/** Reports per group, at most: every text report first, then PDFs. */
export const REPORTS_PER_GROUP: Readonly<Record<SampleGroup, number>> = {
  'childrens-home': 4,
  ilacs: 11,
  'pre-ilacs': 6,
  'focused-visit': 12,
  'area-send': 7,
  'cqc-full-report': 1,
  'cqc-location-summary': 1,
  'cqc-assessment': 4,
};

/**
 * Further reports per group for the development-only stratum, taken after the quotas above:
 * weighted to the groups the tagger scores lowest on (area SEND, ILACS and pre-ILACS). The CQC
 * groups and children's homes have no further report in the corpus this set is drawn from.
 * Area SEND was 6 until ingest version 9 and is 9 since version 10: every area SEND report of
 * that corpus (the three more are development rows only, like the rest of this stratum).
 */
export const EXTRA_REPORTS_PER_GROUP: Readonly<Record<SampleGroup, number>> = {
  'childrens-home': 0,
  ilacs: 5,
  'pre-ilacs': 2,
  'focused-visit': 3,
  'area-send': 9,
  'cqc-full-report': 0,
  'cqc-location-summary': 0,
  'cqc-assessment': 0,
};

/** The `selection` of the development-only stratum's rows. */
export const EXTRA_SELECTION = 'dev-extra';

/** Seeds of the three draws; change one and the draw changes, so never after labelling. */
export const REPORT_ORDER_SEED = 'theme-labels:reports:1';
export const SPLIT_SEED = 'theme-labels:split:1';
export const SECOND_PASS_SEED = 'theme-labels:second-pass:1';
export const SECOND_PASS_SIZE = 100;
/** Smallest share of the second pass any group gets, however small the group. */
export const SECOND_PASS_FLOOR = 6;

export type Selection = 'improve' | 'nth' | typeof EXTRA_SELECTION;
export type Split = 'dev' | 'test';

/** A selected finding before labelling. */
export interface SampledFinding {
  id: string;
  group: SampleGroup;
  family: ReportDocument['family'];
  source: string;
  format: SourceFormat;
  line: number;
  section: string;
  inspectionDate: string | null;
  selection: Selection;
  text: string;
}

export function groupOf(doc: ReportDocument): SampleGroup {
  switch (doc.family) {
    case 'ofsted-childrens-home':
      return 'childrens-home';
    case 'ofsted-la-childrens-services':
      return doc.inspection.framework === 'ILACS' ? 'ilacs' : 'pre-ilacs';
    case 'ofsted-la-focused-visit':
      return 'focused-visit';
    case 'ofsted-la-area-send':
      return 'area-send';
    case 'cqc-full-report':
      return 'cqc-full-report';
    case 'cqc-location-summary':
      return 'cqc-location-summary';
    case 'cqc-api-location':
      return 'cqc-assessment';
  }
}

const IMPROVE_HEADING =
  /^(?:local safeguarding children board:\s*)?(?:what needs to improve|areas? for (?:improvement|priority action)|priority and immediate action|recommendations|what does the area partnership need to do better)/i;

/** Headings whose items are what the inspectors say must improve: all of them are taken. */
export function isImproveSection(section: string): boolean {
  return IMPROVE_HEADING.test(section.trim());
}

/** Stable id of a finding of the set: its group and a hash of where it is. */
export function buildSampleId(group: SampleGroup, source: string, line: number): string {
  return `${group}-${sha256Hex(`${source}:${line}`).slice(0, 10)}`;
}

/** Text reduced to its letters and digits, lower case: what makes two findings the same. */
export function normaliseForComparison(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The selected findings of one parsed report, in report order. */
export function selectReportFindings(
  doc: ReportDocument,
  source: string,
  format: SourceFormat,
  stratum?: typeof EXTRA_SELECTION,
): SampledFinding[] {
  const group = groupOf(doc);
  const every = EVERY_NTH[group];
  const chosen: SampledFinding[] = [];
  doc.findings.forEach((finding, index) => {
    const improve = isImproveSection(finding.section);
    if (!improve && index % every !== 0) return;
    chosen.push({
      id: buildSampleId(group, source, finding.position.line),
      group,
      family: doc.family,
      source,
      format,
      line: finding.position.line,
      section: finding.section,
      inspectionDate: doc.inspection.startDate,
      selection: stratum ?? (improve ? 'improve' : 'nth'),
      text: finding.text,
    });
  });
  return chosen;
}

/** The share of `doc`'s findings whose text opens as one of `seen` does. */
function overlapShare(doc: ReportDocument, seen: ReadonlySet<string>): number {
  if (doc.findings.length === 0) return 0;
  const shared = doc.findings.filter((f) => seen.has(openingKey(f.text))).length;
  return shared / doc.findings.length;
}

function openingKey(text: string): string {
  return normaliseForComparison(text).slice(0, 60);
}

/** A report repeats one already taken when half its findings open the same way (copies share 85-100%). */
const REPEAT_SHARE = 0.5;

export interface ParsedReport {
  source: string;
  format: SourceFormat;
  document: ReportDocument;
}

export interface ReportChoice {
  taken: ParsedReport[];
  /** Reports left out, with why. */
  skipped: { source: string; reason: string }[];
}

/** Orders candidates as the rule takes them: non-PDF in input order, then PDFs by seeded hash. */
export function orderCandidates(reports: readonly ParsedReport[]): ParsedReport[] {
  const texts = reports.filter((r) => r.format !== 'pdf');
  const pdfs = reports
    .filter((r) => r.format === 'pdf')
    .map((r) => ({ r, key: sha256Hex(`${REPORT_ORDER_SEED}:${r.source}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ r }) => r);
  return [...texts, ...pdfs];
}

/** Takes reports group by group up to their quotas, skipping empty ones and repeats. */
export function chooseReports(reports: readonly ParsedReport[]): ReportChoice {
  return takeReports(reports, REPORTS_PER_GROUP, []);
}

/**
 * The development-only stratum's reports: the candidates in the same order, after the first
 * choice (`first`, whose reports are neither taken again nor repeated), up to
 * `EXTRA_REPORTS_PER_GROUP`.
 */
export function chooseExtraReports(
  reports: readonly ParsedReport[],
  first: readonly ParsedReport[],
): ReportChoice {
  return takeReports(reports, EXTRA_REPORTS_PER_GROUP, first);
}

function takeReports(
  reports: readonly ParsedReport[],
  quotas: Readonly<Record<SampleGroup, number>>,
  already: readonly ParsedReport[],
): ReportChoice {
  const taken: ParsedReport[] = [];
  const skipped: ReportChoice['skipped'] = [];
  const seen = new Set<string>();
  for (const r of already) for (const f of r.document.findings) seen.add(openingKey(f.text));
  const alreadySources = new Set(already.map((r) => r.source));
  const perGroup = new Map<SampleGroup, number>();
  for (const report of orderCandidates(reports)) {
    if (alreadySources.has(report.source)) continue;
    const group = groupOf(report.document);
    if (report.document.findings.length === 0) {
      skipped.push({ source: report.source, reason: 'no findings' });
      continue;
    }
    if ((perGroup.get(group) ?? 0) >= quotas[group]) continue;
    const share = overlapShare(report.document, seen);
    if (share >= REPEAT_SHARE) {
      skipped.push({
        source: report.source,
        reason: `repeats a report already taken (${Math.round(share * 100)}% of its findings)`,
      });
      continue;
    }
    taken.push(report);
    perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    for (const f of report.document.findings) seen.add(openingKey(f.text));
  }
  return { taken, skipped };
}

/**
 * The selected findings of the chosen reports; a text already in the set is not taken again.
 * With `extra`, the development-only stratum's reports follow, their rows marked
 * `EXTRA_SELECTION`, none repeating a text of the first reports' rows.
 */
export function selectFindings(
  reports: readonly ParsedReport[],
  extra: readonly ParsedReport[] = [],
): {
  findings: SampledFinding[];
  repeatedTexts: number;
} {
  const findings: SampledFinding[] = [];
  const texts = new Set<string>();
  let repeatedTexts = 0;
  const take = (r: ParsedReport, stratum?: typeof EXTRA_SELECTION) => {
    for (const f of selectReportFindings(r.document, r.source, r.format, stratum)) {
      const key = normaliseForComparison(f.text);
      if (texts.has(key)) {
        repeatedTexts += 1;
        continue;
      }
      texts.add(key);
      findings.push(f);
    }
  };
  for (const r of reports) take(r);
  for (const r of extra) take(r, EXTRA_SELECTION);
  return { findings, repeatedTexts };
}

function seededOrder<T extends { id: string }>(rows: readonly T[], seed: string): T[] {
  return rows
    .map((row) => ({ row, key: sha256Hex(`${seed}:${row.id}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ row }) => row);
}

function byGroup<T extends { group: SampleGroup }>(rows: readonly T[]): Map<SampleGroup, T[]> {
  const groups = new Map<SampleGroup, T[]>();
  for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  return groups;
}

type SplitRow = { id: string; group: SampleGroup; selection?: Selection };

/** The rows of the first selection, which the split halves and the second pass draws from. */
function firstSelection<T extends SplitRow>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.selection !== EXTRA_SELECTION);
}

/**
 * Development or test for each id: within each group, rows in seeded-hash order alternate dev,
 * test, dev, ... so every group is split in half (the odd one to dev). The development-only
 * stratum's rows are `dev` and take no part in the alternation.
 */
export function assignSplits(rows: readonly SplitRow[]): Map<string, Split> {
  const splits = new Map<string, Split>();
  for (const row of rows) if (row.selection === EXTRA_SELECTION) splits.set(row.id, 'dev');
  for (const members of byGroup(firstSelection(rows)).values())
    seededOrder(members, SPLIT_SEED).forEach((row, i) =>
      splits.set(row.id, i % 2 === 0 ? 'dev' : 'test'),
    );
  return splits;
}

/**
 * Seats per group for a draw of `size`: proportional to the group's rows (largest remainder),
 * at least `floor` (or the whole group when smaller).
 */
export function allocateDraw(
  counts: ReadonlyMap<SampleGroup, number>,
  size: number,
  floor: number,
): Map<SampleGroup, number> {
  const seats = new Map<SampleGroup, number>();
  const groups = [...counts.keys()].sort();
  for (const g of groups) seats.set(g, Math.min(floor, counts.get(g)!));
  let left = size - [...seats.values()].reduce((a, b) => a + b, 0);
  const open = groups.filter((g) => counts.get(g)! > seats.get(g)!);
  const spare = open.reduce((sum, g) => sum + counts.get(g)! - seats.get(g)!, 0);
  const shares = open.map((g) => {
    const exact = (left * (counts.get(g)! - seats.get(g)!)) / spare;
    return { g, whole: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  for (const s of shares) {
    seats.set(s.g, seats.get(s.g)! + s.whole);
    left -= s.whole;
  }
  shares.sort((a, b) => b.rest - a.rest || (a.g < b.g ? -1 : 1));
  for (const s of shares) {
    if (left <= 0) break;
    if (seats.get(s.g)! < counts.get(s.g)!) {
      seats.set(s.g, seats.get(s.g)! + 1);
      left -= 1;
    }
  }
  return seats;
}

/**
 * The ids of the second labelling pass: a stratified seeded draw from the first selection (the
 * development-only stratum came after the draw and is not in it).
 */
export function drawSecondPass(
  rows: readonly SplitRow[],
  size: number = SECOND_PASS_SIZE,
  floor: number = SECOND_PASS_FLOOR,
): string[] {
  const first = firstSelection(rows);
  const groups = byGroup(first);
  const counts = new Map([...groups].map(([g, members]) => [g, members.length]));
  const seats = allocateDraw(counts, Math.min(size, first.length), floor);
  const ids: string[] = [];
  for (const [g, members] of groups)
    ids.push(
      ...seededOrder(members, SECOND_PASS_SEED)
        .slice(0, seats.get(g) ?? 0)
        .map((r) => r.id),
    );
  return ids;
}
