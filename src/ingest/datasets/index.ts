/**
 * Data files (CSV, JSON and JSON Lines tables from Ofsted and the CQC) → graph, beside the report
 * path: detect the kind, stream and map its rows, load them in batches; then link providers of
 * different sources that are the same organisation.
 */
export { detectDataFile, type DataFileKind } from './detect.ts';
export {
  ingestDataFile,
  type DataFileOptions,
  type DataFileResult,
  type RowProblem,
} from './ingest-data-file.ts';
export { linkProviders } from './link-providers.ts';
export type { DataFileProgress } from './read-progress.ts';
