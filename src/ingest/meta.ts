/**
 * Metadata a report does not carry itself (a CQC summary names no location; an Ofsted report
 * names no home), given beside the file as `<file>.meta.json` or as CLI flags, and applied to the
 * parsed document before classification.
 */
import type {
  DocumentWarning,
  LocationRef,
  ProviderRef,
  ReportDocument,
} from '../model/document.ts';
import {
  buildCqcLocationId,
  buildOfstedLocationId,
  buildProviderId,
  renumberDocumentIds,
} from './parsers/ids.ts';

export type LocationMeta = Partial<
  Pick<
    LocationRef,
    'id' | 'urn' | 'cqcId' | 'name' | 'type' | 'capacity' | 'region' | 'localAuthority'
  >
>;
export type ProviderMeta = Partial<Pick<ProviderRef, 'id' | 'name' | 'address'>>;

export interface ReportMeta {
  location?: LocationMeta;
  provider?: ProviderMeta;
  /** The report is generated (`npm run generate`), not a regulator's: see SourceInfo.synthetic. */
  synthetic?: boolean;
}

type FieldKind = 'id' | 'text' | 'urn' | 'cqc-id' | 'count';

const LOCATION_FIELDS: Readonly<Record<keyof LocationMeta, FieldKind>> = {
  id: 'id',
  urn: 'urn',
  cqcId: 'cqc-id',
  name: 'text',
  type: 'text',
  capacity: 'count',
  region: 'text',
  localAuthority: 'text',
};

const PROVIDER_FIELDS: Readonly<Record<keyof ProviderMeta, FieldKind>> = {
  id: 'id',
  name: 'text',
  address: 'text',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a value does not fit its field, or null when it does. Ids may not be null: they are keys. */
function checkField(kind: FieldKind, value: unknown): string | null {
  if (value === null) return kind === 'id' ? 'must be a non-empty string' : null;
  switch (kind) {
    case 'id':
      return typeof value === 'string' && /^\S+$/.test(value)
        ? null
        : 'must be a non-empty string without spaces';
    case 'text':
      return typeof value === 'string' && value.trim() !== ''
        ? null
        : 'must be a non-empty string or null';
    case 'urn':
      return typeof value === 'string' && /^(?:SC)?\d{5,8}$/i.test(value)
        ? null
        : 'must be an Ofsted URN (digits, or SC and digits)';
    case 'cqc-id':
      return typeof value === 'string' && /^1-\d+$/.test(value)
        ? null
        : 'must be a CQC id such as 1-123456789';
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? null
        : 'must be a whole number, 0 or more, or null';
    default:
      return unreachableKind(kind);
  }
}

function unreachableKind(kind: never): never {
  throw new Error(`Unhandled metadata field kind ${String(kind)}`);
}

function readSection<T extends object>(
  name: string,
  value: unknown,
  fields: Readonly<Record<string, FieldKind>>,
): { value: T } | { error: string } {
  if (!isRecord(value)) return { error: `"${name}" must be an object` };
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const kind = fields[key];
    if (!kind)
      return { error: `unknown field "${name}.${key}" (known: ${Object.keys(fields).join(', ')})` };
    if (field === undefined) continue;
    const problem = checkField(kind, field);
    if (problem) return { error: `"${name}.${key}" ${problem}` };
    out[key] = typeof field === 'string' ? field.trim() : field;
  }
  return { value: out as T };
}

/** Reads and checks metadata JSON; the error names the first offending field. */
export function parseReportMeta(json: unknown): { meta: ReportMeta } | { error: string } {
  if (!isRecord(json))
    return { error: 'metadata must be a JSON object with "location" and/or "provider"' };
  const meta: ReportMeta = {};
  for (const key of Object.keys(json)) {
    if (key !== 'location' && key !== 'provider' && key !== 'synthetic')
      return { error: `unknown field "${key}" (known: location, provider, synthetic)` };
  }
  if (json.synthetic !== undefined) {
    if (typeof json.synthetic !== 'boolean') return { error: '"synthetic" must be true or false' };
    meta.synthetic = json.synthetic;
  }
  if (json.location !== undefined) {
    const location = readSection<LocationMeta>('location', json.location, LOCATION_FIELDS);
    if ('error' in location) return location;
    meta.location = location.value;
  }
  if (json.provider !== undefined) {
    const provider = readSection<ProviderMeta>('provider', json.provider, PROVIDER_FIELDS);
    if ('error' in provider) return provider;
    meta.provider = provider.value;
  }
  return { meta };
}

/** The location id metadata implies: its own id, else one built from the CQC id or URN. */
function chooseLocationId(doc: ReportDocument, meta: LocationMeta): string {
  if (meta.id) return meta.id;
  const fromCqc = meta.cqcId ? buildCqcLocationId(meta.cqcId) : null;
  const fromUrn = meta.urn ? buildOfstedLocationId(meta.urn) : null;
  const preferred = doc.regulator === 'CQC' ? (fromCqc ?? fromUrn) : (fromUrn ?? fromCqc);
  return preferred ?? doc.location.id;
}

function noteOverride(
  warnings: DocumentWarning[],
  field: string,
  before: unknown,
  after: unknown,
): void {
  if (before === null || before === undefined || before === after) return;
  warnings.push({
    code: 'meta-override',
    message: `metadata replaced ${field} "${String(before)}" read from the report with "${String(after)}"`,
    position: null,
  });
}

function applyLocationMeta(
  doc: ReportDocument,
  meta: LocationMeta,
  warnings: DocumentWarning[],
): LocationRef {
  const location: LocationRef = { ...doc.location };
  for (const key of Object.keys(LOCATION_FIELDS) as Array<keyof LocationMeta>) {
    if (key === 'id' || meta[key] === undefined) continue;
    noteOverride(warnings, `location.${key}`, doc.location[key], meta[key]);
    Object.assign(location, { [key]: meta[key] });
  }
  const id = chooseLocationId(doc, meta);
  if (!doc.location.id.startsWith('content:'))
    noteOverride(warnings, 'location.id', doc.location.id, id);
  location.id = id;
  return location;
}

function applyProviderMeta(
  doc: ReportDocument,
  meta: ProviderMeta,
  warnings: DocumentWarning[],
): ProviderRef | null {
  if (meta.id === undefined && meta.name === undefined && meta.address === undefined)
    return doc.provider;
  const base: ProviderRef = doc.provider ?? { id: '', name: null, address: null };
  const name = meta.name !== undefined ? meta.name : base.name;
  const address = meta.address !== undefined ? meta.address : base.address;
  if (doc.provider) {
    noteOverride(warnings, 'provider.name', doc.provider.name, name);
    noteOverride(warnings, 'provider.address', doc.provider.address, address);
  }
  // A new name without a new id renames the key too, so the provider is not left under the old name.
  const id = meta.id ?? (meta.name ? buildProviderId(doc.regulator, meta.name) : null) ?? base.id;
  if (!id) {
    warnings.push({
      code: 'meta-provider-without-id',
      message: 'metadata gives a provider address but no id or name; provider left unset',
      position: null,
    });
    return doc.provider;
  }
  if (doc.provider) noteOverride(warnings, 'provider.id', doc.provider.id, id);
  return { id, name, address };
}

/**
 * Fills or overrides the location and provider from metadata, rebuilds every id derived from
 * the location id, and drops the `missing-location-id` / `missing-provider` warnings the metadata
 * has resolved. Values the metadata replaces are reported as `meta-override` warnings.
 */
export function applyReportMeta(doc: ReportDocument, meta: ReportMeta): ReportDocument {
  const added: DocumentWarning[] = [];
  const location = meta.location ? applyLocationMeta(doc, meta.location, added) : doc.location;
  const provider = meta.provider ? applyProviderMeta(doc, meta.provider, added) : doc.provider;
  const resolved = new Set<string>();
  if (!location.id.startsWith('content:')) resolved.add('missing-location-id');
  if (provider) resolved.add('missing-provider');
  const warnings = [...doc.warnings.filter((w) => !resolved.has(w.code)), ...added];
  const source = meta.synthetic ? { ...doc.source, synthetic: true } : doc.source;
  return renumberDocumentIds({ ...doc, source, location, provider, warnings });
}
