/**
 * The local copy of what a sync fetched, so a run again over the same window reads from disk:
 *
 *   <cache>/windows/<start>_<end>/changes-<type>-page-<n>.json   a changes page, as received
 *   <cache>/windows/<start>_<end>/locations/<id>.json             a location record, as received
 *   <cache>/windows/<start>_<end>/locations/<id>.gone             the record answered 404/410
 *   <cache>/windows/<start>_<end>/providers/<id>.jsonl            a provider record, one line
 *   <cache>/reports/<linkId>.pdf (+ .pdf.meta.json)               a report, with its location
 *
 * Records live under their window because a location changed twice is two versions; a report's
 * link id names one published file, so reports are shared. Files are written to a temporary
 * name and renamed, so a run killed mid-write leaves no half file for the next run to trust.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { windowFolderName, type SyncWindow } from './sync-windows.ts';

export type ChangeType = 'location' | 'provider';

export class CqcCache {
  constructor(readonly root: string) {}

  changesPage(window: SyncWindow, type: ChangeType, page: number): string {
    return path.join(this.#windowDir(window), `changes-${type}-page-${page}.json`);
  }

  location(window: SyncWindow, id: string): string {
    return path.join(this.#windowDir(window), 'locations', `${safeName(id)}.json`);
  }

  locationGone(window: SyncWindow, id: string): string {
    return path.join(this.#windowDir(window), 'locations', `${safeName(id)}.gone`);
  }

  provider(window: SyncWindow, id: string): string {
    return path.join(this.#windowDir(window), 'providers', `${safeName(id)}.jsonl`);
  }

  providerGone(window: SyncWindow, id: string): string {
    return path.join(this.#windowDir(window), 'providers', `${safeName(id)}.gone`);
  }

  report(linkId: string): string {
    return path.join(this.root, 'reports', `${safeName(linkId)}.pdf`);
  }

  reportGone(linkId: string): string {
    return path.join(this.root, 'reports', `${safeName(linkId)}.gone`);
  }

  #windowDir(window: SyncWindow): string {
    return path.join(this.root, 'windows', windowFolderName(window));
  }
}

/** Ids come from the API; keep them to a plain file name whatever they hold. */
function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}

export async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export async function readCached(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** Writes whole or not at all: a temporary file, then a rename. */
export async function writeCached(file: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.partial`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
