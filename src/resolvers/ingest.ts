import { GraphQLError } from 'graphql';
import type {
  IngestReportInput,
  IngestReportResultResolvers,
  MutationResolvers,
  ReportFormat,
} from '../generated/resolvers-types.ts';
import type { Database } from '../db/executor.ts';
import type { IngestResultRow } from './ingest-result.ts';
import type { ReportDocument, SourceFormat } from '../model/document.ts';
import { isReportLoaded, loadReportDocument } from '../graph/write/load-reports.ts';
import { describeDocument, oneLine } from '../load/ingest-files.ts';
import type { ReportMeta } from '../ingest/meta.ts';
import { ErrorCode } from '../model/error-codes.ts';
import { unreachable } from '../model/unreachable.ts';
import { badInput } from './support.ts';

function toSourceFormat(format: ReportFormat): SourceFormat {
  switch (format) {
    case 'TXT':
      return 'txt';
    case 'HTML':
      return 'html';
    case 'JSON':
      return 'json';
    case 'PDF':
      return 'pdf';
    default:
      return unreachable(format, 'report format');
  }
}

function toMeta(input: IngestReportInput['metadata']): ReportMeta | undefined {
  if (!input) return undefined;
  const location = Object.fromEntries(
    Object.entries({
      id: input.locationId,
      urn: input.urn,
      cqcId: input.cqcId,
      name: input.locationName,
    }).filter(([, v]) => v != null),
  );
  const provider = Object.fromEntries(
    Object.entries({ id: input.providerId, name: input.providerName }).filter(([, v]) => v != null),
  );
  return { location, provider };
}

function tooLarge(bytes: number, maxBytes: number): GraphQLError {
  return badInput(
    `The report is ${bytes} bytes; at most ${maxBytes} are accepted (MAX_UPLOAD_BYTES).`,
  );
}

/**
 * The upload as bytes, refused over `maxBytes`: text is UTF-8, base64 is decoded (and checked,
 * since Buffer ignores junk). Both are measured before they are converted.
 */
export function readUploadBytes(input: IngestReportInput, maxBytes: number): Uint8Array {
  const { content, contentBase64 } = input;
  if ((content == null) === (contentBase64 == null))
    throw badInput('Give exactly one of content (text) or contentBase64 (file bytes).');
  if (content != null) {
    // Measured before encoding, so an oversized text is never copied.
    const length = Buffer.byteLength(content, 'utf8');
    if (length > maxBytes) throw tooLarge(length, maxBytes);
    return new TextEncoder().encode(content);
  }
  const decodedLength = Math.floor((contentBase64!.replace(/[\s=]/g, '').length * 3) / 4);
  if (decodedLength > maxBytes) throw tooLarge(decodedLength, maxBytes);
  if (!/^[A-Za-z0-9+/=\s]*$/.test(contentBase64!))
    throw badInput('contentBase64 is not valid base64.');
  return Buffer.from(contentBase64!, 'base64');
}

/**
 * Why a parsed upload is not a report worth loading, or null. Text that carries two of a
 * family's cue phrases and nothing else became an undated report with nothing in it.
 */
export function describeEmptyUpload(doc: ReportDocument): string | null {
  const read =
    doc.findings.length +
    doc.requirements.length +
    doc.recommendations.length +
    doc.judgements.length +
    doc.enforcement.length;
  if (doc.inspection.startDate !== null || read > 0) return null;
  return `read as ${doc.family}, but no inspection date, finding, requirement, recommendation, judgement or enforcement action was found in it: not loaded`;
}

function failedUpload(message: string): IngestResultRow {
  return { status: 'failed', message, reportSha: null, inspectionId: null, warnings: [] };
}

async function loadUpload(db: Database, doc: ReportDocument): Promise<IngestResultRow> {
  const row = {
    reportSha: doc.source.sha256,
    inspectionId: doc.inspection.id,
    warnings: doc.warnings.map((w) => `${w.code}: ${w.message}`),
  };
  try {
    if (await isReportLoaded(db, doc.source.sha256))
      return {
        status: 'unchanged',
        message: `already in the graph (sha256 ${doc.source.sha256.slice(0, 12)})`,
        ...row,
      };
    await loadReportDocument(db, doc);
  } catch (error) {
    return failedUpload(`not loaded: ${oneLine(error)}`);
  }
  return { status: 'loaded', message: describeDocument(doc), ...row };
}

export const ingestMutations: Pick<MutationResolvers, 'ingestReport'> = {
  ingestReport: async (
    _parent,
    { input },
    { db, canIngest, ingestEnabled, maxUploadBytes, uploads, summaries },
  ): Promise<IngestResultRow> => {
    if (!ingestEnabled) {
      throw new GraphQLError(
        'ingestReport is disabled: the server has no INGEST_TOKEN configured.',
        { extensions: { code: ErrorCode.Forbidden } },
      );
    }
    if (!canIngest) {
      throw new GraphQLError(
        'ingestReport needs the header Authorization: Bearer <INGEST_TOKEN>.',
        { extensions: { code: ErrorCode.Unauthenticated } },
      );
    }
    const format = toSourceFormat(input.format ?? 'TXT');
    const fileName = input.fileName ?? 'upload.txt';
    const bytes = readUploadBytes(input, maxUploadBytes);
    const parsed = await uploads.parse({
      kind: 'bytes',
      bytes,
      fileName,
      format,
      meta: toMeta(input.metadata) ?? null,
    });
    if (!parsed.ok) return failedUpload(`${fileName}: ${parsed.message}`);
    const empty = describeEmptyUpload(parsed.document);
    if (empty) return failedUpload(`${fileName}: ${empty}`);
    const result = await loadUpload(db, parsed.document);
    // The summaries were made stale by the load; they are rebuilt in the background, debounced.
    if (result.status === 'loaded') summaries.schedule();
    return result;
  },
};

export const IngestReportResult: IngestReportResultResolvers = {
  report: (row, _args, { loaders }) =>
    row.reportSha ? loaders.node('report', row.reportSha) : null,
  inspection: (row, _args, { loaders }) =>
    row.inspectionId ? loaders.node('inspection', row.inspectionId) : null,
};
