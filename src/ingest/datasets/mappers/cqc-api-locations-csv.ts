/**
 * Rows of a CSV of CQC API location records, where every nested field was written as a Python
 * literal (`{'date': '2020-11-27'}`, `[{'name': ...}]`). Each row is turned back into the API
 * record and read by the CQC API location parser itself, so its location, provider, current
 * rating and historic ratings get exactly the keys a JSON record of the same location would.
 */
import type { ReportDocument } from '../../../model/document.ts';
import type { Json, JsonObject } from '../../parsers/cqc-api-location/json-values.ts';
import { parseCqcApiLocation } from '../../parsers/cqc-api-location.ts';
import type { DataRecord, InspectionFacts, MappedRow } from '../../../model/data-record.ts';
import { compactProps, emptyRecord } from '../../../model/data-record.ts';
import { parsePythonLiteral } from '../python-literal.ts';
import type { CsvRecord } from '../csv-reader.ts';
import type { TableHeader } from '../table.ts';

export const CQC_API_LOCATION_CSV_COLUMNS = [
  'locationId',
  'providerId',
  'name',
  'currentRatings',
  'historicRatings',
] as const;

/** The API record a CSV row stands for, or why a nested column cannot be read. */
export function rebuildApiRecord(
  header: TableHeader,
  cells: readonly string[],
): { ok: true; record: JsonObject } | { ok: false; message: string } {
  const record: JsonObject = {};
  for (let i = 0; i < header.columns.length; i++) {
    const column = header.columns[i]!;
    const cell = (cells[i] ?? '').trim();
    if (column === '' || cell === '') continue;
    if (cell.startsWith('{') || cell.startsWith('[')) {
      const literal = parsePythonLiteral(cell);
      if (!literal.ok)
        return { ok: false, message: `column ${column}: not a Python literal (${literal.reason})` };
      record[column] = literal.value;
    } else {
      record[column] = cell as Json;
    }
  }
  return { ok: true, record };
}

function toInspections(doc: ReportDocument): InspectionFacts[] {
  const base = { locationId: doc.location.id, regulator: 'CQC' as const, props: {} };
  const out: InspectionFacts[] = [];
  if (doc.inspection.startDate) {
    out.push({
      ...base,
      id: doc.inspection.id,
      type: doc.inspection.type,
      startDate: doc.inspection.startDate,
      publishedOn: doc.inspection.publishedOn ?? null,
      overallGrade: doc.inspection.overallGrade,
      overallGradeText: doc.inspection.overallGradeText,
      judgements: doc.judgements.map((j) => ({
        area: j.area,
        grade: j.grade,
        gradeText: j.gradeText,
      })),
    });
  }
  for (const h of doc.history) {
    out.push({
      ...base,
      id: h.inspectionId,
      type: h.type,
      startDate: h.date,
      publishedOn: null,
      overallGrade: h.grade,
      overallGradeText: h.gradeText || null,
      judgements: [],
    });
  }
  return out;
}

function readServiceTypes(record: JsonObject): string[] {
  const types = record['gacServiceTypes'];
  if (!Array.isArray(types)) return [];
  return types
    .map((t) =>
      t !== null &&
      typeof t === 'object' &&
      !Array.isArray(t) &&
      typeof t['description'] === 'string'
        ? t['description']
        : null,
    )
    .filter((t): t is string => t !== null);
}

export function mapCqcApiLocationCsvRow(
  header: TableHeader,
  csv: CsvRecord,
  fileName: string,
): MappedRow {
  const rebuilt = rebuildApiRecord(header, csv.cells);
  if (!rebuilt.ok) return rebuilt;
  const text = JSON.stringify(rebuilt.record);
  const doc = parseCqcApiLocation(text, { fileName, sha256: '', format: 'json' });
  if (!doc.location.cqcId) return { ok: false, message: 'no CQC locationId in the row' };
  const record: DataRecord = emptyRecord(csv.line);
  const loc = doc.location;
  record.locations.push({
    id: loc.id,
    regulator: 'CQC',
    props: compactProps({
      cqcId: loc.cqcId,
      name: loc.name,
      type: loc.type,
      capacity: loc.capacity,
      description: loc.description,
      region: loc.region,
      localAuthority: loc.localAuthority,
      address: loc.address,
      postcode:
        typeof rebuilt.record['postalCode'] === 'string' ? rebuilt.record['postalCode'] : null,
      registrationStatus:
        typeof rebuilt.record['registrationStatus'] === 'string'
          ? rebuilt.record['registrationStatus']
          : null,
      serviceTypes: readServiceTypes(rebuilt.record),
    }),
  });
  if (doc.provider) record.providers.push({ id: doc.provider.id, props: {}, runs: [loc.id] });
  record.inspections.push(...toInspections(doc));
  return { ok: true, record };
}
