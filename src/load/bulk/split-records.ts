/**
 * Multi-record sources: a `.jsonl` file (one CQC API location record per line) and a `.json`
 * file holding an array of records, or an object wrapping one such array. Each record becomes
 * its own report, named `file.jsonl#L12` (its line) or `file.json#3` (its place in the array).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface SourceRecord {
  /** `#L12` for a JSONL line, `#3` for an array element (1-based). */
  suffix: string;
  text: string;
}

/** The non-blank lines of a JSONL file, streamed: a large file is never held whole. */
export async function* readJsonlRecords(file: string): AsyncGenerator<SourceRecord> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    yield { suffix: `#L${number}`, text: line };
  }
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A location detail record, not a listing entry: the API's /locations list wraps entries of only
 * locationId, locationName and postalCode, which are no reports (datasets/ reads that listing).
 */
function isLocationDetail(value: unknown): boolean {
  return (
    isRecordObject(value) &&
    'locationId' in value &&
    ('name' in value || 'registrationStatus' in value)
  );
}

/** The array of records a JSON value holds: itself, or the one array-of-location-records property of a wrapper. */
function findRecordArray(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isRecordObject(value) || 'locationId' in value) return null;
  const arrays = Object.values(value).filter(
    (field): field is unknown[] =>
      Array.isArray(field) && field.length > 0 && field.every(isLocationDetail),
  );
  return arrays.length === 1 ? arrays[0]! : null;
}

/**
 * The records of a JSON text when it holds several (array or wrapper), each re-serialised as its
 * own text (so each has its own sha256); null when it is one record or not JSON at all (the
 * parser then reads, or refuses, the text as it is).
 */
export function splitJsonRecords(text: string): SourceRecord[] | null {
  const start = text.trimStart()[0];
  if (start !== '[' && start !== '{') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const records = findRecordArray(value);
  return records
    ? records.map((record, index) => ({ suffix: `#${index + 1}`, text: JSON.stringify(record) }))
    : null;
}
