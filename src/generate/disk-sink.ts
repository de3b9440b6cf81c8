/**
 * Writes a corpus to a folder as it is generated: `reports/ofsted/*.txt`, `reports/cqc/*.txt`,
 * a `<file>.meta.json` beside each, and `ground-truth.jsonl`. Writes are synchronous, so the
 * generator never runs ahead of the disk and nothing piles up in memory.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { CorpusSink, GeneratedReport } from './generate-corpus.ts';

export const GROUND_TRUTH_FILE = 'ground-truth.jsonl';
export const REPORTS_FOLDER = 'reports';

export class CorpusExistsError extends Error {
  override name = 'CorpusExistsError';
}

export class DiskSink implements CorpusSink {
  private readonly truth: number;
  private readonly folders = new Set<string>();

  /** Refuses a folder holding an earlier corpus unless `replace` is set; then removes only that corpus. */
  constructor(
    private readonly dir: string,
    replace: boolean,
  ) {
    const truthPath = path.join(dir, GROUND_TRUTH_FILE);
    const reportsPath = path.join(dir, REPORTS_FOLDER);
    if (existsSync(truthPath) || existsSync(reportsPath)) {
      if (!replace)
        throw new CorpusExistsError(
          `${dir} already holds a corpus (${GROUND_TRUTH_FILE} or ${REPORTS_FOLDER}/); use --force to replace it`,
        );
      rmSync(reportsPath, { recursive: true, force: true });
      rmSync(truthPath, { force: true });
    }
    mkdirSync(dir, { recursive: true });
    this.truth = openSync(truthPath, 'w');
  }

  write(report: GeneratedReport): void {
    const file = path.join(this.dir, report.file);
    const folder = path.dirname(file);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    writeFileSync(file, report.text);
    writeFileSync(`${file}.meta.json`, `${JSON.stringify(report.meta, null, 2)}\n`);
    writeSync(this.truth, `${JSON.stringify(report.truth)}\n`);
  }

  close(): void {
    closeSync(this.truth);
  }
}
