/**
 * CSV records → rows keyed by column name. The Ofsted social-care exports put a group row
 * ("Provider information", "Inspection information") above the column names and pad every line
 * with empty columns; both are handled here so mappers see only named cells.
 */
import type { CsvRecord } from './csv-reader.ts';

export interface TableRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** Trimmed text of a column by its name (case-insensitive); '' when the column is empty or absent. */
  get(column: string): string;
}

export interface TableHeader {
  columns: string[];
  index: Map<string, number>;
}

function normaliseColumn(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}

export function buildHeader(cells: readonly string[]): TableHeader {
  const columns = cells.map((c) => c.replace(/\s+/g, ' ').trim());
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    const key = normaliseColumn(name);
    if (key && !index.has(key)) index.set(key, i);
  });
  return { columns, index };
}

/**
 * A group row names a few column groups and leaves the rest empty; the column-name row below it
 * has a name in (nearly) every column. Told apart by how many cells are filled.
 */
export function isGroupRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '').length;
  return filled > 0 && filled * 3 < cells.length;
}

export function missingColumns(header: TableHeader, required: readonly string[]): string[] {
  return required.filter((name) => !header.index.has(normaliseColumn(name)));
}

/**
 * A row by column name, or why it cannot be read (one line). A row short of cells is read (its
 * missing cells are empty) with a warning: a writer dropped trailing empty cells, or the row lost
 * one. Extra cells are dropped when empty (the Ofsted exports pad every line) and refuse the row
 * when not (a stray comma or quote shifted its values).
 */
export function toTableRow(
  header: TableHeader,
  record: CsvRecord,
): { ok: true; row: TableRow; warning: string | null } | { ok: false; message: string } {
  if (record.malformed) return { ok: false, message: `malformed CSV: ${record.malformed}` };
  const extra = record.cells.slice(header.columns.length).filter((c) => c.trim() !== '');
  if (extra.length > 0) {
    return {
      ok: false,
      message: `${record.cells.length} cells for ${header.columns.length} columns (a stray comma or quote?)`,
    };
  }
  const cells = record.cells;
  const missing = header.columns.length - cells.length;
  const warning =
    missing > 0
      ? `${cells.length} cells for ${header.columns.length} columns: short of ${missing}, read as empty (${header.columns
          .slice(cells.length)
          .map((name) => `"${name}"`)
          .join(', ')})`
      : null;
  return {
    ok: true,
    warning,
    row: {
      line: record.line,
      get(column: string): string {
        const i = header.index.get(normaliseColumn(column));
        return i === undefined ? '' : (cells[i] ?? '').trim();
      },
    },
  };
}
