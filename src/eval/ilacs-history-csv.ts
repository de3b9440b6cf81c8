/**
 * The ILACS history CSV (shared corpus datasets/ofsted_csc_ilacs_history.csv, from
 * JT-39/ofsted-ilacs-scrape-tool): one row per Ofsted inspection of LA children's services, with
 * the dates, lead inspector and judgement grades another project extracted from each PDF.
 * Header: urn, local_authority, inspection_link, pdf_filename, publication_date (dd/mm/yy),
 * inspection_framework (standard / short / blank before ILACS), inspector_name,
 * inspection_start_date and inspection_end_date (dd/mm/yyyy), overall_effectiveness_grade,
 * impact_of_leaders_grade, help_and_protection_grade, in_care_grade, care_leavers_grade,
 * parser_version. Grades are lower-case words, or a marker: `data_unreadable`,
 * `inspection_pre_dates_judgement`, `not_reported_post_reform`.
 */

/** Fields of a CSV text (RFC 4180: quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export const HISTORY_GRADE_COLUMNS = {
  overall: 'overall_effectiveness_grade',
  leaders: 'impact_of_leaders_grade',
  help: 'help_and_protection_grade',
  care: 'in_care_grade',
  leavers: 'care_leavers_grade',
} as const;

export type HistoryGradeField = keyof typeof HISTORY_GRADE_COLUMNS;

export interface IlacsHistoryRow {
  /** 1-based line of the row in the CSV, for messages. */
  line: number;
  urn: string;
  localAuthority: string;
  pdfFileName: string;
  publishedOn: string | null;
  framework: string;
  inspector: string;
  startDate: string | null;
  endDate: string | null;
  grades: Record<HistoryGradeField, string>;
}

/** "19/11/18" (publication) or "08/10/2018" (inspection) → ISO; two-digit years are 20xx. */
export function parseHistoryDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[1])));
  if (d.getUTCDate() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1) return null;
  return d.toISOString().slice(0, 10);
}

/** The rows of the history CSV, read by header name so column order does not matter. */
export function readIlacsHistory(csvText: string): IlacsHistoryRow[] {
  const [header, ...rows] = parseCsv(csvText);
  if (!header) return [];
  const column = (name: string): number => header.findIndex((h) => h.trim() === name);
  const at = (row: readonly string[], name: string): string => {
    const i = column(name);
    return i === -1 ? '' : (row[i] ?? '').trim();
  };
  return rows.map((row, i) => ({
    line: i + 2,
    urn: at(row, 'urn'),
    localAuthority: at(row, 'local_authority'),
    pdfFileName: at(row, 'pdf_filename'),
    publishedOn: parseHistoryDate(at(row, 'publication_date')),
    framework: at(row, 'inspection_framework'),
    inspector: at(row, 'inspector_name'),
    startDate: parseHistoryDate(at(row, 'inspection_start_date')),
    endDate: parseHistoryDate(at(row, 'inspection_end_date')),
    grades: {
      overall: at(row, HISTORY_GRADE_COLUMNS.overall),
      leaders: at(row, HISTORY_GRADE_COLUMNS.leaders),
      help: at(row, HISTORY_GRADE_COLUMNS.help),
      care: at(row, HISTORY_GRADE_COLUMNS.care),
      leavers: at(row, HISTORY_GRADE_COLUMNS.leavers),
    },
  }));
}
