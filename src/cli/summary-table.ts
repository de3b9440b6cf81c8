/** The summary table printed at the end of an ingest run. */
import type { IngestSummary } from '../ingest/ingest-files.ts';

function pad(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]!) : String(cell).padStart(widths[i]!))).join('  ');
}

export function formatSummaryTable(summary: IngestSummary): string {
  const header = ['family', 'reports', 'inspections', 'requirements', 'findings', 'warnings'];
  const rows = [...summary.byFamily.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, t]) => [family, t.reports, t.inspections, t.requirements, t.findings, t.warnings]);
  const total = rows.reduce<(string | number)[]>(
    (acc, row) => acc.map((cell, i) => (i === 0 ? cell : Number(cell) + Number(row[i]))),
    ['total', 0, 0, 0, 0, 0],
  );
  const all = [header, ...rows, total];
  const widths = header.map((_, i) => Math.max(...all.map((row) => String(row[i]).length)));
  const lines = [pad(header, widths), ...rows.map((row) => pad(row, widths)), pad(total, widths)];
  lines.push(
    `files: ${summary.loaded} loaded, ${summary.unchanged} unchanged, ${summary.parsed} parsed (dry run), ${summary.failed} failed`,
  );
  return lines.join('\n');
}
