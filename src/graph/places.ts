/**
 * The lookup lists: the values a region, local-authority or report-family filter takes, each with
 * its code and how many locations, inspections or reports it has. The catalogue's values come
 * first and stay listed at zero, so a client can offer every valid value; a local authority the
 * catalogue does not know (a source's spelling kept as written) is listed too, without a code.
 */
import { defineQuery, read } from '../db/query.ts';
import type { Database } from '../db/executor.ts';
import { REPORT_FAMILIES } from '../model/document.ts';
import { readLocalAuthorities } from '../reference/local-authorities.ts';
import { findRegion, resolveRegionFilter } from '../reference/places.ts';
import { readRegions } from '../reference/regions.ts';

export interface PlaceCountRow {
  name: string;
  code: string | null;
  locationCount: number;
  inspectionCount: number;
}

export interface RegionValueRow extends PlaceCountRow {
  code: string;
}

export interface LocalAuthorityValueRow extends PlaceCountRow {
  region: string | null;
  regionCode: string | null;
}

export interface ReportFamilyValueRow {
  family: string;
  /** A data file's table kind rather than a report family. */
  dataFile: boolean;
  reportCount: number;
  inspectionCount: number;
}

const parsePlaceCount = (row: Parameters<typeof read.string>[0]): PlaceCountRow => ({
  name: read.string(row, 'name'),
  code: read.optionalString(row, 'code'),
  locationCount: read.number(row, 'locationCount'),
  inspectionCount: read.number(row, 'inspectionCount'),
});

/** Locations and their inspections per stored region. */
export const regionCounts = defineQuery<object, PlaceCountRow>({
  name: 'places.region-counts',
  cypher: `MATCH (l:Location) WHERE l.region IS NOT NULL
           WITH l.region AS name, l, COUNT { (l)<-[:OF]-(:Inspection) } AS inspections
           RETURN name, head(collect(l.regionCode)) AS code, count(l) AS locationCount,
                  sum(inspections) AS inspectionCount
           ORDER BY name`,
  parse: parsePlaceCount,
});

/** Locations and their inspections per stored local authority, in one region or all. */
export const localAuthorityCounts = defineQuery<{ region: string | null }, PlaceCountRow>({
  name: 'places.local-authority-counts',
  cypher: `MATCH (l:Location) WHERE l.localAuthority IS NOT NULL AND ($region IS NULL OR l.region = $region)
           WITH l.localAuthority AS name, l, COUNT { (l)<-[:OF]-(:Inspection) } AS inspections
           RETURN name, head(collect(l.localAuthorityCode)) AS code, count(l) AS locationCount,
                  sum(inspections) AS inspectionCount
           ORDER BY name`,
  parse: parsePlaceCount,
});

/** Reports (and data files) per family, with the inspections they report. */
export const reportFamilyCounts = defineQuery<object, ReportFamilyValueRow>({
  name: 'places.report-family-counts',
  cypher: `MATCH (r:Report) WHERE r.family IS NOT NULL
           WITH r.family AS family, r.parser = 'dataset' AS dataFile, r
           RETURN family, dataFile, count(r) AS reportCount,
                  sum(COUNT { (r)<-[:REPORTED_IN|RECORDED_IN]-(:Inspection) }) AS inspectionCount
           ORDER BY family`,
  parse: (row) => ({
    family: read.string(row, 'family'),
    dataFile: read.boolean(row, 'dataFile'),
    reportCount: read.number(row, 'reportCount'),
    inspectionCount: read.number(row, 'inspectionCount'),
  }),
});

const ZERO = { locationCount: 0, inspectionCount: 0 };

/** The nine regions, each with its code and counts (zero where the graph has none). */
export async function listRegions(db: Database): Promise<RegionValueRow[]> {
  const counts = new Map((await db.read(regionCounts, {})).map((r) => [r.name, r]));
  return readRegions().map((region) => ({
    name: region.name,
    code: region.code,
    ...ZERO,
    ...pickCounts(counts.get(region.name)),
  }));
}

/**
 * Every local authority of the catalogue (in `region` when given: any case, name or code), then
 * the spellings the catalogue does not know, each with its code, region and counts.
 */
export async function listLocalAuthorities(
  db: Database,
  region: string | null,
): Promise<LocalAuthorityValueRow[]> {
  const regionName = region ? resolveRegionFilter(region) : null;
  const counts = new Map(
    (await db.read(localAuthorityCounts, { region: regionName })).map((r) => [r.name, r]),
  );
  const known = new Map<string, LocalAuthorityValueRow>();
  for (const la of readLocalAuthorities()) {
    const inRegion = findRegion(la.region);
    if (regionName && inRegion?.name !== regionName) continue;
    if (known.has(la.onsName)) continue;
    known.set(la.onsName, {
      name: la.onsName,
      code: la.onsCode,
      region: inRegion?.name ?? null,
      regionCode: inRegion?.code ?? null,
      ...ZERO,
      ...pickCounts(counts.get(la.onsName)),
    });
  }
  const unknown = [...counts.values()]
    .filter((c) => !known.has(c.name))
    .map((c) => ({ ...c, code: null, region: null, regionCode: null }));
  return [...[...known.values()].sort((a, b) => a.name.localeCompare(b.name)), ...unknown];
}

/** Every report family the parsers read and every data-file kind in the graph, with counts. */
export async function listReportFamilies(db: Database): Promise<ReportFamilyValueRow[]> {
  const rows = await db.read(reportFamilyCounts, {});
  const byFamily = new Map(rows.map((r) => [r.family, r]));
  const families = REPORT_FAMILIES.map(
    (family) =>
      byFamily.get(family) ?? { family, dataFile: false, reportCount: 0, inspectionCount: 0 },
  );
  const known = new Set<string>(REPORT_FAMILIES);
  return [...families, ...rows.filter((r) => !known.has(r.family))];
}

function pickCounts(row: PlaceCountRow | undefined) {
  return row ? { locationCount: row.locationCount, inspectionCount: row.inspectionCount } : {};
}

/** Findings tagged with each theme (a degree count: boilerplate findings carry no tag). */
export const themeFindingCounts = defineQuery<
  { ids: readonly string[] },
  { id: string; count: number }
>({
  name: 'places.theme-finding-counts',
  cypher: `UNWIND $ids AS id MATCH (t:Theme {id: id})
           RETURN id, COUNT { (t)<-[:ABOUT]-() } AS count`,
  parse: (row) => ({ id: read.string(row, 'id'), count: read.number(row, 'count') }),
});

/** Requirements under each legislation's regulations. */
export const legislationRequirementCounts = defineQuery<
  { ids: readonly string[] },
  { id: string; count: number }
>({
  name: 'places.legislation-requirement-counts',
  cypher: `UNWIND $ids AS id MATCH (leg:Legislation {id: id})
           RETURN id, COUNT { (leg)<-[:PART_OF]-(:Regulation)<-[:UNDER]-(:Requirement) } AS count`,
  parse: (row) => ({ id: read.string(row, 'id'), count: read.number(row, 'count') }),
});

/** Counts by id in the order of `ids` (zero for an id the graph lacks), for DataLoaders. */
export async function readCountsById(
  db: Database,
  query: typeof themeFindingCounts,
  ids: readonly string[],
): Promise<number[]> {
  const counts = new Map((await db.read(query, { ids })).map((r) => [r.id, r.count]));
  return ids.map((id) => counts.get(id) ?? 0);
}
