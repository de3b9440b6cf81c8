import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';

/**
 * The project folder, found from this module's location (see config.ts) rather than the working
 * directory, so the CLI, the server and tests read the same seed files wherever they start.
 */
export function findProjectRoot(): string {
  return PROJECT_ROOT;
}

/** Absolute path of a file in `seed/reference/`. */
export function referenceFilePath(fileName: string): string {
  return path.join(PROJECT_ROOT, 'seed', 'reference', fileName);
}
