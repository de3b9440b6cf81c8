/**
 * What the class-data-sharing archive (Java 17, local-neo4j-cds.ts) and the AOT cache (Java 25,
 * local-neo4j-aot.ts) both ask before a launch: is the file newer than everything it was built
 * from, and is another process building it right now. Both are built in the background beside
 * the module's jar and guarded by a lock file holding the builder's pid.
 */
import { readFileSync, statSync } from 'node:fs';
import { isProcessAlive } from './processes.ts';

function readModifiedMs(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when `file` exists and no input changed after it was written (a stale file is not used). */
export function isNewerThanInputs(file: string, inputs: readonly string[]): boolean {
  const fileMs = readModifiedMs(file);
  return fileMs > 0 && inputs.every((input) => readModifiedMs(input) <= fileMs);
}

/** True while another process builds the file (its lock names a live pid). */
export function isBuildLockHeld(lock: string): boolean {
  try {
    return isProcessAlive(Number(readFileSync(lock, 'utf8').trim()));
  } catch {
    return false;
  }
}
