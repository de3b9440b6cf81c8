/**
 * The hand-labelled theme set (tests/golden/themes/findings.jsonl; the labelling guide and the
 * selection are beside it): read, checked against the taxonomy and the selection rule, and
 * tagged. Each row is a finding as the pipeline splits it out of a real report, with the themes a
 * reader gives it, a development or test split, and a boilerplate flag. The second labelling
 * pass (second-pass.jsonl: id, themes, boilerplate) is read and checked by the same rules.
 */
import type { ReportFamily, SourceFormat } from '../model/document.ts';
import { readThemeTaxonomy } from '../reference/index.ts';
import type { LabelledExample } from './theme-evaluation.ts';
import { readLabelledText, type TagOptions } from './tag-labelled-text.ts';
import {
  buildSampleId,
  EXTRA_SELECTION,
  SAMPLE_GROUPS,
  type SampledFinding,
  type SampleGroup,
  type Selection,
  type Split,
} from './theme-sample.ts';

/** A finding of the selection, with a reader's labels and its split. */
export interface LabelledFinding extends SampledFinding {
  split: Split;
  /** A standard paragraph of the regulator's (labelled with no theme). */
  boilerplate: boolean;
  themes: string[];
}

/** The report family each group's findings come from. */
export const GROUP_FAMILIES: Readonly<Record<SampleGroup, ReportFamily>> = {
  'childrens-home': 'ofsted-childrens-home',
  ilacs: 'ofsted-la-childrens-services',
  'pre-ilacs': 'ofsted-la-childrens-services',
  'focused-visit': 'ofsted-la-focused-visit',
  'area-send': 'ofsted-la-area-send',
  'cqc-full-report': 'cqc-full-report',
  'cqc-location-summary': 'cqc-location-summary',
  'cqc-assessment': 'cqc-api-location',
};

const FORMATS: readonly SourceFormat[] = ['txt', 'pdf', 'html', 'json', 'csv'];
const SELECTIONS: readonly Selection[] = ['improve', 'nth', EXTRA_SELECTION];
const SPLITS: readonly Split[] = ['dev', 'test'];

/** A finding's labels in a labelling pass. */
export interface PassLabel {
  id: string;
  themes: string[];
  boilerplate: boolean;
}

function fail(lineNumber: number, message: string): never {
  throw new Error(`labelled findings line ${lineNumber}: ${message}`);
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  lineNumber: number,
): T {
  if (!allowed.includes(value as T))
    fail(lineNumber, `${field} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  return value as T;
}

function readThemes(value: unknown, lineNumber: number, themeIds: Set<string>): string[] {
  if (!Array.isArray(value)) fail(lineNumber, 'themes is not a list');
  for (const theme of value)
    if (typeof theme !== 'string' || !themeIds.has(theme))
      fail(lineNumber, `unknown theme ${JSON.stringify(theme)}`);
  if (new Set(value).size !== value.length) fail(lineNumber, 'a theme is listed twice');
  return value as string[];
}

function asObject(value: unknown, lineNumber: number): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(lineNumber, 'not a JSON object');
  return value as Record<string, unknown>;
}

/** The themes and boilerplate flag of a row, checked: known themes, none twice, none on boilerplate. */
function readLabels(
  o: Record<string, unknown>,
  lineNumber: number,
  themeIds: Set<string>,
): { themes: string[]; boilerplate: boolean } {
  const { boilerplate } = o;
  if (typeof boilerplate !== 'boolean') fail(lineNumber, 'boilerplate is not true or false');
  const themes = readThemes(o['themes'], lineNumber, themeIds);
  if (boilerplate && themes.length > 0) fail(lineNumber, 'a boilerplate finding has themes');
  return { themes, boilerplate };
}

function readRow(value: unknown, lineNumber: number, themeIds: Set<string>): LabelledFinding {
  const o = asObject(value, lineNumber);
  const { id, source, line, section, inspectionDate, text } = o;
  const group = oneOf(o['group'], SAMPLE_GROUPS, 'group', lineNumber);
  const family = GROUP_FAMILIES[group];
  if (o['family'] !== family)
    fail(
      lineNumber,
      `family ${JSON.stringify(o['family'])} is not ${family}, the family of ${group}`,
    );
  if (typeof text !== 'string' || text.trim() === '') fail(lineNumber, 'no text');
  if (typeof source !== 'string' || source === '') fail(lineNumber, 'no source');
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1)
    fail(lineNumber, 'line is not a positive whole number');
  if (id !== buildSampleId(group, source, line))
    fail(lineNumber, `id ${JSON.stringify(id)} is not ${buildSampleId(group, source, line)}`);
  if (typeof section !== 'string') fail(lineNumber, 'section is not text');
  if (inspectionDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(inspectionDate)))
    fail(lineNumber, 'inspectionDate is not YYYY-MM-DD or null');
  const { themes, boilerplate } = readLabels(o, lineNumber, themeIds);
  return {
    id,
    group,
    family,
    source,
    format: oneOf(o['format'], FORMATS, 'format', lineNumber),
    line,
    section,
    inspectionDate: inspectionDate as string | null,
    selection: oneOf(o['selection'], SELECTIONS, 'selection', lineNumber),
    split: oneOf(o['split'], SPLITS, 'split', lineNumber),
    boilerplate,
    themes,
    text,
  };
}

function readPassLabel(value: unknown, lineNumber: number, themeIds: Set<string>): PassLabel {
  const o = asObject(value, lineNumber);
  const { id } = o;
  if (typeof id !== 'string' || id === '') fail(lineNumber, 'no id');
  return { id, ...readLabels(o, lineNumber, themeIds) };
}

/** Each line of a JSON Lines file read by `readLine`; ids must not repeat. */
function readJsonLines<T extends { id: string }>(
  jsonLines: string,
  readLine: (value: unknown, lineNumber: number, themeIds: Set<string>) => T,
): T[] {
  const themeIds = new Set(readThemeTaxonomy().themes.map((t) => t.id));
  const rows: T[] = [];
  const lineOfId = new Map<string, number>();
  jsonLines.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      fail(index + 1, (error as Error).message);
    }
    const row = readLine(value, index + 1, themeIds);
    const earlier = lineOfId.get(row.id);
    if (earlier !== undefined) fail(index + 1, `id ${row.id} is also on line ${earlier}`);
    lineOfId.set(row.id, index + 1);
    rows.push(row);
  });
  return rows;
}

/** Parses the JSON Lines file; throws on the first malformed line, unknown theme or repeated id. */
export function readLabelledFindings(jsonLines: string): LabelledFinding[] {
  return readJsonLines(jsonLines, readRow);
}

/** Parses a labelling pass (id, themes, boilerplate a line), checked as the labelled set is. */
export function readPassLabels(jsonLines: string): PassLabel[] {
  return readJsonLines(jsonLines, readPassLabel);
}

/** Each labelled finding with the tagger's themes and boilerplate flag beside its labels. */
export function tagLabelledFindings(
  rows: readonly LabelledFinding[],
  options: TagOptions = {},
): LabelledExample[] {
  return rows.map((row) => {
    const reading = readLabelledText(
      row.text,
      row.family,
      row.inspectionDate,
      row.section,
      options,
    );
    return {
      family: row.family,
      file: row.source,
      where: `line ${row.line} (${row.id})`,
      label: row.section,
      text: row.text,
      gold: [...row.themes],
      predicted: reading.themes.map((t) => t.id),
      boilerplate: { gold: row.boilerplate, predicted: reading.boilerplate },
    };
  });
}
