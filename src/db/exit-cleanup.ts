/**
 * Files this process must not leave behind however it ends: its lease and a start lock it
 * holds. Removed synchronously on `exit`, which also runs after `process.exit()`; after a crash
 * (kill -9) their pid is dead and readers treat them as gone.
 */
import { rmSync } from 'node:fs';

const files = new Set<string>();
let installed = false;

export function removeOnExit(file: string): void {
  files.add(file);
  if (installed) return;
  installed = true;
  process.once('exit', () => {
    for (const item of files) rmSync(item, { force: true });
  });
}

/** Removes the file now and forgets it. */
export function removeNow(file: string): void {
  files.delete(file);
  rmSync(file, { force: true });
}
