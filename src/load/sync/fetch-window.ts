/**
 * Fetches one window into the cache: the changed location and provider ids (every page of
 * `GET /changes/{type}`), each changed record (`GET /locations/{id}`, `GET /providers/{id}`) and,
 * for each changed location, the report PDFs its `reports[].reportUri` point to. Whatever is in
 * the cache already is read from disk, not asked for again. A record or report that answers 404
 * is reported and skipped; one that still fails after its retries is reported and leaves the
 * window incomplete (the rest of the window is still fetched and kept). A changes page that
 * fails stops the window: without the list there is nothing to fetch.
 */
import { exists, readCached, writeCached, type ChangeType, type CqcCache } from './cqc-cache.ts';
import { CqcFetchError, type CqcHttp } from './cqc-http.ts';
import type { SyncWindow } from './sync-windows.ts';

export interface WindowFetchOptions {
  http: CqcHttp;
  cache: CqcCache;
  perPage: number;
  reports: boolean;
  /** One line per record or report skipped or failed, and per retry. */
  log: (line: string) => void;
  /** After each record or report is in the cache (from the network or not). */
  onFetched: (counts: WindowCounts) => void;
}

export interface WindowCounts {
  /** Records and reports listed so far in this window. */
  listed: number;
  /** Of them, in the cache (fetched now or before). */
  done: number;
}

export interface WindowFetch {
  /** Files to ingest, in order: locations, providers, reports. */
  files: string[];
  gone: number;
  /** One line each; non-empty means the window is not complete. */
  failures: string[];
}

interface ReportLink {
  linkId: string;
  uri: string;
  locationId: string;
  locationName: string | null;
  providerId: string | null;
}

export async function fetchWindow(
  window: SyncWindow,
  options: WindowFetchOptions,
): Promise<WindowFetch> {
  const result: WindowFetch = { files: [], gone: 0, failures: [] };
  let locationIds: string[];
  let providerIds: string[];
  try {
    locationIds = await listChanges(window, 'location', options);
    providerIds = await listChanges(window, 'provider', options);
  } catch (error) {
    if (!(error instanceof CqcFetchError)) throw error;
    options.log(`sync: FAILED ${error.message}`);
    result.failures.push(error.message);
    return result;
  }
  const counts: WindowCounts = { listed: locationIds.length + providerIds.length, done: 0 };
  const step = () => {
    counts.done += 1;
    options.onFetched(counts);
  };
  const reports: ReportLink[] = [];
  for (const id of locationIds) {
    const record = await fetchRecord(window, 'location', id, options, result);
    if (record) {
      result.files.push(record.file);
      if (options.reports) reports.push(...reportLinks(record.value, id));
    }
    step();
  }
  for (const id of providerIds) {
    const record = await fetchRecord(window, 'provider', id, options, result);
    if (record) result.files.push(record.file);
    step();
  }
  counts.listed += reports.length;
  for (const link of reports) {
    const file = await fetchReport(link, options, result);
    if (file) result.files.push(file);
    step();
  }
  return result;
}

/** Every id of every page of the window's changes for `type`. */
async function listChanges(
  window: SyncWindow,
  type: ChangeType,
  options: WindowFetchOptions,
): Promise<string[]> {
  const ids: string[] = [];
  const query = new URLSearchParams({
    startTimestamp: window.start,
    endTimestamp: window.end,
    page: '1',
    perPage: String(options.perPage),
  });
  let uri: string | null = `/changes/${type}?${query.toString()}`;
  for (let page = 1; uri !== null; page += 1) {
    const file = options.cache.changesPage(window, type, page);
    const cached = await readCached(file);
    let text = cached;
    let value: unknown = cached === null ? null : JSON.parse(cached);
    if (text === null) {
      const fetched = await options.http.getJson(uri);
      if (fetched.kind === 'gone')
        throw new CqcFetchError(`GET ${uri}: HTTP ${fetched.status} for a changes page`);
      ({ text, value } = fetched.body);
    }
    const changes = readChangesPage(value);
    if (!changes) throw new CqcFetchError(`GET ${uri}: not a changes page (no "changes" list)`);
    if (cached === null) await writeCached(file, text);
    ids.push(...changes.ids);
    uri = nextPageUri(changes, page, uri);
  }
  return [...new Set(ids)];
}

interface ChangesPage {
  ids: string[];
  nextPageUri: string | null;
  totalPages: number | null;
}

function readChangesPage(value: unknown): ChangesPage | null {
  if (typeof value !== 'object' || value === null) return null;
  const page = value as Record<string, unknown>;
  if (!Array.isArray(page['changes'])) return null;
  const ids = page['changes'].filter((id): id is string => typeof id === 'string' && id !== '');
  const next = page['nextPageUri'];
  const total = page['totalPages'];
  return {
    ids,
    nextPageUri: typeof next === 'string' && next !== '' ? next : null,
    totalPages: typeof total === 'number' ? total : null,
  };
}

/** The API's own next page when it gives one, else page+1 while totalPages says there is one. */
function nextPageUri(page: ChangesPage, number: number, uri: string): string | null {
  if (page.totalPages !== null && number >= page.totalPages) return null;
  if (page.nextPageUri) return page.nextPageUri;
  if (page.totalPages === null) return null;
  return uri.replace(/([?&])page=\d+/, `$1page=${number + 1}`);
}

/** A record in the cache (fetched now or earlier), or null when gone or failed (counted). */
async function fetchRecord(
  window: SyncWindow,
  type: ChangeType,
  id: string,
  options: WindowFetchOptions,
  result: WindowFetch,
): Promise<{ file: string; value: unknown } | null> {
  const { cache } = options;
  const file = type === 'location' ? cache.location(window, id) : cache.provider(window, id);
  const goneFile =
    type === 'location' ? cache.locationGone(window, id) : cache.providerGone(window, id);
  const cached = await readCached(file);
  if (cached !== null) return { file, value: JSON.parse(cached) };
  if (await exists(goneFile)) {
    result.gone += 1;
    return null;
  }
  const uri = `/${type}s/${encodeURIComponent(id)}`;
  try {
    const fetched = await options.http.getJson(uri);
    if (fetched.kind === 'gone') {
      options.log(`sync: ${type} ${id} is gone (GET ${uri}: HTTP ${fetched.status}); skipped`);
      await writeCached(goneFile, `${fetched.status}\n`);
      result.gone += 1;
      return null;
    }
    const idField = type === 'location' ? 'locationId' : 'providerId';
    const value = fetched.body.value as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null || value[idField] !== id)
      throw new CqcFetchError(`GET ${uri}: not the ${type} record asked for (no ${idField} ${id})`);
    // A provider record goes in as one JSON line: the form the ingest reads provider records in.
    await writeCached(file, type === 'location' ? fetched.body.text : `${JSON.stringify(value)}\n`);
    return { file, value };
  } catch (error) {
    if (!(error instanceof CqcFetchError)) throw error;
    options.log(`sync: FAILED ${error.message}`);
    result.failures.push(error.message);
    return null;
  }
}

/** The location's published reports that have a link id and a URI. */
function reportLinks(record: unknown, locationId: string): ReportLink[] {
  const value = record as Record<string, unknown>;
  const reports = Array.isArray(value['reports']) ? value['reports'] : [];
  const name = typeof value['name'] === 'string' ? value['name'] : null;
  const providerId = typeof value['providerId'] === 'string' ? value['providerId'] : null;
  return reports.flatMap((report: unknown) => {
    const { linkId, reportUri } = (report ?? {}) as Record<string, unknown>;
    if (typeof linkId !== 'string' || typeof reportUri !== 'string') return [];
    return [{ linkId, uri: reportUri, locationId, locationName: name, providerId }];
  });
}

/** The report's PDF in the cache, with a meta file naming its location, or null. */
async function fetchReport(
  link: ReportLink,
  options: WindowFetchOptions,
  result: WindowFetch,
): Promise<string | null> {
  const file = options.cache.report(link.linkId);
  const goneFile = options.cache.reportGone(link.linkId);
  if (await exists(file)) return file;
  if (await exists(goneFile)) {
    result.gone += 1;
    return null;
  }
  try {
    const fetched = await options.http.getBytes(link.uri, 'application/pdf');
    if (fetched.kind === 'gone') {
      options.log(
        `sync: report ${link.linkId} of location ${link.locationId} is gone (GET ${link.uri}: HTTP ${fetched.status}); skipped`,
      );
      await writeCached(goneFile, `${fetched.status}\n`);
      result.gone += 1;
      return null;
    }
    // The report does not always name its location the way the graph keys it; the record does.
    await writeCached(`${file}.meta.json`, `${JSON.stringify(reportMeta(link), null, 2)}\n`);
    await writeCached(file, fetched.body);
    return file;
  } catch (error) {
    if (!(error instanceof CqcFetchError)) throw error;
    options.log(`sync: FAILED ${error.message}`);
    result.failures.push(error.message);
    return null;
  }
}

function reportMeta(link: ReportLink): object {
  return {
    location: { cqcId: link.locationId, ...(link.locationName ? { name: link.locationName } : {}) },
    ...(link.providerId ? { provider: { id: `cqc-provider:${link.providerId}` } } : {}),
  };
}
