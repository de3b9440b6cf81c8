import { referenceFilePath } from './project-root.ts';
import { readJsonFile, type Place } from './validate.ts';

/**
 * A reader of one `seed/reference/` file that reads, validates and parses it on first use and
 * hands out the same value afterwards: reference files are startup data and never change while a
 * process runs. A file that fails to parse is read again next time (nothing is cached).
 */
export function readReferenceOnce<T>(
  fileName: string,
  parse: (value: unknown, place: Place) => T,
): () => T {
  let cached: { value: T } | null = null;
  return () => {
    if (!cached) {
      const { value, place } = readJsonFile(
        referenceFilePath(fileName),
        `seed/reference/${fileName}`,
      );
      cached = { value: parse(value, place) };
    }
    return cached.value;
  };
}
