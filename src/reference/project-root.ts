import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder: the nearest ancestor of this module holding package.json. Found from the
 * module's own location rather than the working directory, so the CLI, the server and tests
 * read the same seed files wherever they are started from.
 */
export function findProjectRoot(fromUrl: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(fromUrl)}: cannot find the project folder`);
    dir = parent;
  }
}

/** Absolute path of a file in `seed/reference/`. */
export function referenceFilePath(fileName: string): string {
  return path.join(findProjectRoot(), 'seed', 'reference', fileName);
}
