/** What the ingestReport mutation answers. */
export interface IngestResultRow {
  status: 'loaded' | 'unchanged' | 'failed';
  message: string;
  reportSha: string | null;
  inspectionId: string | null;
  warnings: string[];
}
