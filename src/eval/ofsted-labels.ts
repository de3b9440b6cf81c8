/**
 * The hand-labelled Ofsted findings (tests/golden/themes/ofsted-findings.jsonl, whose README
 * gives the labelling rule): read, checked against the taxonomy, and tagged.
 */
import { REPORT_FAMILIES, type ReportFamily } from '../model/document.ts';
import { readThemeTaxonomy } from '../reference/index.ts';
import type { LabelledExample } from './theme-evaluation.ts';
import { tagLabelledText } from './tag-labelled-text.ts';

export interface OfstedLabel {
  text: string;
  family: ReportFamily;
  source: string;
  line: number;
  section: string | null;
  inspectionDate: string | null;
  themes: string[];
}

const OFSTED_FAMILIES: readonly ReportFamily[] = REPORT_FAMILIES.filter((f) =>
  f.startsWith('ofsted-'),
);

function fail(lineNumber: number, message: string): never {
  throw new Error(`labelled findings line ${lineNumber}: ${message}`);
}

function readLabel(value: unknown, lineNumber: number, themeIds: Set<string>): OfstedLabel {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(lineNumber, 'not a JSON object');
  const o = value as Record<string, unknown>;
  const { text, family, source, line, section, inspectionDate, themes } = o;
  if (typeof text !== 'string' || text.trim() === '') fail(lineNumber, 'no text');
  if (!OFSTED_FAMILIES.includes(family as ReportFamily))
    fail(lineNumber, `family ${JSON.stringify(family)} is not an Ofsted report family`);
  if (typeof source !== 'string' || source === '') fail(lineNumber, 'no source');
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1)
    fail(lineNumber, 'line is not a positive whole number');
  if (section !== null && typeof section !== 'string') fail(lineNumber, 'section is not text');
  if (inspectionDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(inspectionDate)))
    fail(lineNumber, 'inspectionDate is not YYYY-MM-DD or null');
  if (!Array.isArray(themes)) fail(lineNumber, 'themes is not a list');
  for (const theme of themes)
    if (typeof theme !== 'string' || !themeIds.has(theme))
      fail(lineNumber, `unknown theme ${JSON.stringify(theme)}`);
  if (new Set(themes).size !== themes.length) fail(lineNumber, 'a theme is listed twice');
  return {
    text,
    family: family as ReportFamily,
    source,
    line,
    section: section as string | null,
    inspectionDate: inspectionDate as string | null,
    themes: themes as string[],
  };
}

/** Parses the JSON Lines file; throws on the first malformed line or unknown theme. */
export function readOfstedLabels(jsonLines: string): OfstedLabel[] {
  const themeIds = new Set(readThemeTaxonomy().themes.map((t) => t.id));
  const labels: OfstedLabel[] = [];
  jsonLines.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      fail(index + 1, (error as Error).message);
    }
    labels.push(readLabel(value, index + 1, themeIds));
  });
  return labels;
}

export function tagOfstedLabels(labels: readonly OfstedLabel[]): LabelledExample[] {
  return labels.map((label) => ({
    family: label.family,
    file: label.source,
    where: `line ${label.line}`,
    label: label.section ?? '',
    text: label.text,
    gold: [...label.themes],
    predicted: tagLabelledText(label.text, label.family, label.inspectionDate, label.section),
  }));
}
