/** CSV text (RFC 4180: a header row, CRLF, fields quoted when they need it) from plotted rows. */

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

function quoteField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => quoteField(column.header))];
  for (const row of rows) lines.push(columns.map((column) => quoteField(column.value(row))));
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}
