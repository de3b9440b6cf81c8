/**
 * Which data file a file is, from its name and first few kilobytes. Content decides (the column
 * names or JSON keys a kind always has); the extension only says where to look. Anything not
 * recognised is left to the report parsers (null), including CQC API location records, which are
 * reports.
 */

export type DataFileKind =
  | 'ofsted-sc-providers'
  | 'ofsted-sc-inspections'
  | 'ofsted-ch-ownership'
  | 'cqc-care-directory'
  | 'cqc-asc-market'
  | 'cqc-api-locations-csv'
  | 'cqc-api-provider-listing'
  | 'cqc-api-provider-details'
  | 'cqc-api-location-listing'
  | 'ofsted-la-urn-lookup'
  | 'ofsted-ilacs-history'
  | 'ofsted-la-ilacs-judgements'
  | 'cqc-api-schema';

function firstLines(head: string, n: number): string[] {
  return head
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, n);
}

function detectCsv(head: string): DataFileKind | null {
  const [first = '', second = ''] = firstLines(head, 2);
  const line = /^provider information,/i.test(first) ? second : first;
  const has = (...names: string[]) =>
    names.every((n) => line.toLowerCase().includes(n.toLowerCase()));
  if (/^provider information,/i.test(first) && has('URN', 'Event type', 'Inspection date')) {
    return /latest full inspection/i.test(first) ? 'ofsted-sc-providers' : 'ofsted-sc-inspections';
  }
  if (has('URN', 'Owner', 'Provision type')) return 'ofsted-ch-ownership';
  if (has('CQC Location ID (for office use only)', 'CQC Provider ID')) return 'cqc-care-directory';
  if (has('Location ID', 'Provider ID', 'Provider Companies House Number')) return 'cqc-asc-market';
  if (has('locationId', 'providerId', 'currentRatings', 'historicRatings'))
    return 'cqc-api-locations-csv';
  if (has('urn', 'la_code', 'local_authority_ons_name')) return 'ofsted-la-urn-lookup';
  if (has('inspection_framework', 'overall_effectiveness_grade')) return 'ofsted-ilacs-history';
  if (has('new_la_code', 'Overall effectiveness', 'Local authority name'))
    return 'ofsted-la-ilacs-judgements';
  return null;
}

function detectJson(head: string): DataFileKind | null {
  const text = head.replace(/^\uFEFF/, '');
  if (/"firstPageUri"\s*:/.test(text) && /"providers"\s*:\s*\[/.test(text))
    return 'cqc-api-provider-listing';
  if (/"firstPageUri"\s*:/.test(text) && /"locations"\s*:\s*\[/.test(text))
    return 'cqc-api-location-listing';
  // A JSON Schema document opens with its type and a properties map, never with a record's ids.
  const opening =
    /^\s*\{\s*"\$schema"\s*:\s*"[^"]*json-schema\.org/.test(text) ||
    /^\s*\{\s*"type"\s*:\s*"object"/.test(text);
  if (opening && /"properties"\s*:\s*\{/.test(text)) return 'cqc-api-schema';
  return null;
}

function detectJsonl(head: string): DataFileKind | null {
  const first = firstLines(head, 1)[0] ?? '';
  const isProvider =
    /"providerId"\s*:/.test(first) &&
    /"locationIds"\s*:/.test(first) &&
    /"organisationType"\s*:\s*"Provider"/.test(first);
  return isProvider ? 'cqc-api-provider-details' : null;
}

/** Recognises a data file from its name and first ~4 KB of text; null = not a data file (treat as report). */
export function detectDataFile(fileName: string, head: string): DataFileKind | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return detectCsv(head);
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return detectJsonl(head);
  if (name.endsWith('.json')) return detectJson(head);
  return null;
}
