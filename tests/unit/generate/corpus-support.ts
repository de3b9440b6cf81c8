/** Helpers for the generator tests: an in-memory sink and a corpus written to a temporary folder. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DiskSink } from '../../../src/generate/disk-sink.ts';
import {
  generateCorpus,
  type CorpusSink,
  type GeneratedReport,
} from '../../../src/generate/generate-corpus.ts';
import type { GroundTruthRecord } from '../../../src/generate/ground-truth.ts';
import { DEFAULT_CORPUS_OPTIONS, type CorpusOptions } from '../../../src/generate/options.ts';

export class MemorySink implements CorpusSink {
  readonly reports: GeneratedReport[] = [];
  private readonly hash = createHash('sha256');

  write(report: GeneratedReport): void {
    this.reports.push(report);
    // The bytes the disk sink would write, in its order.
    this.hash.update(
      `${report.file}\n${report.text}\n${JSON.stringify(report.meta, null, 2)}\n${JSON.stringify(report.truth)}\n`,
    );
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }

  truths(): GroundTruthRecord[] {
    return this.reports.map((r) => r.truth);
  }
}

export function corpusOptions(overrides: Partial<CorpusOptions>): CorpusOptions {
  return { ...DEFAULT_CORPUS_OPTIONS, ...overrides };
}

export function generateInMemory(overrides: Partial<CorpusOptions>): MemorySink {
  const sink = new MemorySink();
  generateCorpus(corpusOptions(overrides), sink);
  return sink;
}

const writtenFolders: string[] = [];

/** Writes a corpus under a new temporary folder; `removeCorporaOnDisk` deletes them all. */
export function generateOnDisk(overrides: Partial<CorpusOptions>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'synthetic-corpus-'));
  writtenFolders.push(root);
  const dir = path.join(root, 'corpus');
  const sink = new DiskSink(dir, false);
  try {
    generateCorpus(corpusOptions(overrides), sink);
  } finally {
    sink.close();
  }
  return dir;
}

/** For `afterAll`: the folders `generateOnDisk` wrote would otherwise stay in the temp folder after every run. */
export function removeCorporaOnDisk(): void {
  for (const root of writtenFolders.splice(0)) rmSync(root, { recursive: true, force: true });
}
