/**
 * What a write may change, for the change feed: the entities `snapshotChanges` fingerprints
 * before a batch and `stampChanges` compares after it, each with the report that causes the
 * change. Pure, so the scope of a batch is testable without a database.
 */
import { randomUUID } from 'node:crypto';
import type { BatchRows } from '../write/data-file-rows.ts';
import type { LoadParams } from '../write/load-rows.ts';

export interface ChangeScope {
  /** A report's own inspection: it, and its children of the report's family. */
  inspections: { id: string; family: string; sha: string }[];
  /** A touched location: it and every inspection at it (history rows, rating directions). */
  locations: { id: string; sha: string }[];
  providers: { id: string; sha: string }[];
}

/** A batch's scope; where two reports touch one location or provider, the first names it. */
export function scopeOfReports(reports: readonly LoadParams[]): ChangeScope {
  const locations = new Map<string, string>();
  const providers = new Map<string, string>();
  const inspections = reports.map((rep) => {
    const sha = String(rep.report.sha256);
    const locationId = String(rep.location.id);
    if (!locations.has(locationId)) locations.set(locationId, sha);
    const providerId = rep.provider?.id;
    if (typeof providerId === 'string' && !providers.has(providerId))
      providers.set(providerId, sha);
    return { id: String(rep.inspection.id), family: String(rep.report.family), sha };
  });
  const pairs = (map: Map<string, string>) => [...map].map(([id, sha]) => ({ id, sha }));
  return { inspections, locations: pairs(locations), providers: pairs(providers) };
}

/**
 * A data-file batch's scope (issue 19: a row that creates or changes a location, provider or
 * inspection is a change like a report's): the inspections its rows record, with the locations
 * whose rating directions they may move, the locations and providers its rows record; each
 * caused by the data file (`sha`, the file's Report). The family is the file's kind, which no
 * finding, requirement or enforcement action has: a data row writes none.
 */
export function scopeOfDataRows(rows: BatchRows, sha: string, kind: string): ChangeScope {
  const ids = (list: Iterable<string>) => [...new Set(list)].map((id) => ({ id, sha }));
  return {
    inspections: [...new Set(rows.inspections.map((row) => row.id))].map((id) => ({
      id,
      family: kind,
      sha,
    })),
    locations: ids([...rows.locations.map((row) => row.id), ...rows.inspectedLocationIds]),
    providers: ids(rows.providers.map((row) => row.id)),
  };
}

/** What snapshotChanges and stampChanges take: a scope and the token naming its snapshot. */
export type StampParams = ChangeScope & { token: string };

/** The parameters of both statements of one transaction: the scope and a token naming its snapshot. */
export function stampParams(scope: ChangeScope): StampParams {
  return { ...scope, token: randomUUID() };
}
