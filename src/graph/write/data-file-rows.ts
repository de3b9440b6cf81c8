/**
 * DataRecords → the parameter rows the load statements UNWIND. Pure, so what a row writes can be
 * tested without a database. Properties reports also write go in `shared` (filled only when
 * absent); the rest in `own` (refreshed by the newest file).
 */
import type { DataRecord, Props } from '../../model/data-record.ts';
import { normalisePlace } from '../../reference/places.ts';
import type { InspectionRow, LocationRow, ProviderRow } from './data-file-queries.ts';

const SHARED_LOCATION_PROPS = new Set([
  'urn',
  'cqcId',
  'name',
  'type',
  'capacity',
  'description',
  'region',
  'regionCode',
  'regionText',
  'localAuthority',
  'localAuthorityCode',
  'localAuthorityText',
  'address',
]);
const SHARED_PROVIDER_PROPS = new Set(['name', 'address']);

function splitProps(props: Props, shared: ReadonlySet<string>): { shared: Props; own: Props } {
  const out = { shared: {} as Props, own: {} as Props };
  for (const [key, value] of Object.entries(props))
    (shared.has(key) ? out.shared : out.own)[key] = value;
  return out;
}

function slugifyArea(area: string): string {
  return area
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A row's region and local authority as ONS names and codes, its own text kept (see reference/places.ts). */
function withNormalisedPlace(props: Props): Props {
  if (!('region' in props) && !('localAuthority' in props)) return props;
  const text = (key: string) => (typeof props[key] === 'string' ? props[key] : null);
  const place = normalisePlace({ region: text('region'), localAuthority: text('localAuthority') });
  const out: Props = { ...props };
  for (const [key, value] of Object.entries(place)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

export interface BatchRows {
  locations: LocationRow[];
  providers: ProviderRow[];
  inspections: InspectionRow[];
  /** Locations whose inspection chain must be relinked. */
  inspectedLocationIds: string[];
}

export function buildBatchRows(records: readonly DataRecord[]): BatchRows {
  const rows: BatchRows = {
    locations: [],
    providers: [],
    inspections: [],
    inspectedLocationIds: [],
  };
  const inspected = new Set<string>();
  for (const record of records) {
    for (const l of record.locations)
      rows.locations.push({
        id: l.id,
        regulator: l.regulator,
        row: record.row,
        ...splitProps(withNormalisedPlace(l.props), SHARED_LOCATION_PROPS),
      });
    for (const p of record.providers)
      rows.providers.push({
        id: p.id,
        row: record.row,
        runs: p.runs,
        ...splitProps(p.props, SHARED_PROVIDER_PROPS),
      });
    for (const i of record.inspections) {
      inspected.add(i.locationId);
      rows.inspections.push({
        id: i.id,
        locationId: i.locationId,
        regulator: i.regulator,
        row: record.row,
        type: i.type,
        startDate: i.startDate,
        publishedOn: i.publishedOn,
        overallGrade: i.overallGrade,
        overallGradeText: i.overallGradeText,
        own: i.props,
        // Judgement ids as the report loader builds them, so the same area meets on one node.
        judgements: i.judgements.map((j, ordinal) => ({
          id: `${i.id}/judgement/${slugifyArea(j.area)}`,
          area: j.area,
          ordinal,
          grade: j.grade,
          gradeText: j.gradeText,
        })),
      });
    }
  }
  rows.inspectedLocationIds = [...inspected];
  return rows;
}
