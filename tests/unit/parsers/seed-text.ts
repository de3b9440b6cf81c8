import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceInfo } from '../../../src/model/document.ts';

export const OFSTED_SEED = '000_573f2340e3d978e1.txt';
export const CQC_SEED = '002_7b99ce8a6ac40e7e.txt';

/** The text of a seed report exactly as stored in `seed/`. */
export function readSeed(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../seed/${name}`, import.meta.url)), 'utf8');
}

export function sourceFor(fileName: string): SourceInfo {
  return { fileName, sha256: '0'.repeat(64), format: 'txt' };
}
