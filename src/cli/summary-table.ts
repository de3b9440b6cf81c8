/** The summary table printed at the end of an ingest run. */
import type { DataFileTotals } from '../load/bulk/run-totals.ts';
import { formatDuration } from '../load/bulk/format-progress.ts';
import type { IngestSummary } from '../load/ingest-files.ts';

/** What a bulk run adds below the table: data files, time, rate and memory. */
export interface RunFigures {
  dataFiles: DataFileTotals;
  elapsedSeconds: number;
  /** Reports (and data files) handled per second over the whole run. */
  perSecond: number;
  peakRssMiB: number;
}

/** Reasons listed under the `files:` line; the rest are counted in one more line. */
const SKIP_REASONS_SHOWN = 10;

/** `skipped (not failures): …` and a line per reason, most files first. */
function skippedLines(summary: IngestSummary): string[] {
  if (summary.skipped === 0) return [];
  const reasons = [...summary.skipReasons.entries()].sort(
    ([a, m], [b, n]) => n - m || a.localeCompare(b),
  );
  const lines = [`skipped on purpose (not failures): ${summary.skipped} files`];
  for (const [reason, count] of reasons.slice(0, SKIP_REASONS_SHOWN))
    lines.push(`  ${String(count).padStart(4)} × ${reason}`);
  if (reasons.length > SKIP_REASONS_SHOWN)
    lines.push(`  … and ${reasons.length - SKIP_REASONS_SHOWN} more reasons`);
  return lines;
}

function pad(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells
    .map((cell, i) =>
      i === 0 ? String(cell).padEnd(widths[i]!) : String(cell).padStart(widths[i]!),
    )
    .join('  ');
}

export function formatSummaryTable(summary: IngestSummary, figures?: RunFigures): string {
  const header = ['family', 'reports', 'inspections', 'requirements', 'findings', 'warnings'];
  const rows = [...summary.byFamily.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, t]) => [
      family,
      t.reports,
      t.inspections,
      t.requirements,
      t.findings,
      t.warnings,
    ]);
  const total = rows.reduce<(string | number)[]>(
    (acc, row) => acc.map((cell, i) => (i === 0 ? cell : Number(cell) + Number(row[i]))),
    ['total', 0, 0, 0, 0, 0],
  );
  const all = [header, ...rows, total];
  const widths = header.map((_, i) => Math.max(...all.map((row) => String(row[i]).length)));
  const lines = [pad(header, widths), ...rows.map((row) => pad(row, widths)), pad(total, widths)];
  lines.push(
    // "parsed" counts only a dry run's files; a real run never has any, so it leaves the word out.
    `files: ${summary.loaded} loaded, ${summary.unchanged} unchanged, ${summary.parsed > 0 ? `${summary.parsed} parsed (dry run), ` : ''}${summary.failed} failed, ${summary.skipped} skipped`,
    ...skippedLines(summary),
  );
  if (figures) {
    const d = figures.dataFiles;
    if (d.loaded + d.unchanged + d.parsed + d.failed + d.skipped > 0) {
      lines.push(
        `data files (among the files): ${d.loaded} loaded, ${d.unchanged} unchanged, ${d.parsed} parsed, ${d.failed} failed, ${d.skipped} skipped; ${d.rows} rows read`,
      );
    }
    lines.push(
      `time: ${formatDuration(figures.elapsedSeconds)}, ${figures.perSecond.toFixed(1)} reports/s, peak RSS ${figures.peakRssMiB.toFixed(0)} MiB`,
    );
  }
  return lines.join('\n');
}
