/**
 * What one row of a data file says, in graph terms: facts about a location, its provider and
 * inspections, each keyed the way the report parsers key them. Properties are only the values the
 * row gives (no nulls), so writing them with `SET n += props` fills gaps and never erases.
 */
import type { Grade, InspectionType, Regulator } from './document.ts';

export type Props = Record<string, string | number | string[]>;

export interface LocationFacts {
  id: string;
  regulator: Regulator;
  props: Props;
}

export interface ProviderFacts {
  id: string;
  props: Props;
  /** Locations the row says this provider runs. */
  runs: string[];
}

export interface JudgementFacts {
  area: string;
  grade: Grade | null;
  gradeText: string;
}

export interface InspectionFacts {
  id: string;
  locationId: string;
  regulator: Regulator;
  type: InspectionType;
  startDate: string | null;
  publishedOn: string | null;
  overallGrade: Grade | null;
  overallGradeText: string | null;
  /** Extra values kept on the node when absent (e.g. Ofsted's event number). */
  props: Props;
  judgements: JudgementFacts[];
}

export interface DataRecord {
  /** 1-based line of the file (JSONL: the line; JSON listing: the item's position). */
  row: number;
  locations: LocationFacts[];
  providers: ProviderFacts[];
  inspections: InspectionFacts[];
}

export type MappedRow = { ok: true; record: DataRecord } | { ok: false; message: string };

/** Drops empty values so a property is only ever set to something the source gave. */
export function compactProps(
  values: Record<string, string | number | string[] | null | undefined>,
): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** Address lines joined as the CQC parsers join them ("line 1, line 2, town, county, postcode"). */
export function joinAddress(parts: readonly (string | null | undefined)[]): string | null {
  const kept = parts
    .map((p) => (p ?? '').replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '' && p.toUpperCase() !== 'REDACTED');
  return kept.length > 0 ? kept.join(', ') : null;
}

export function emptyRecord(row: number): DataRecord {
  return { row, locations: [], providers: [], inspections: [] };
}
