import { GraphQLError } from 'graphql';
import type {
  IngestReportInput,
  IngestReportResultResolvers,
  MutationResolvers,
  ReportFormat,
} from '../generated/resolvers-types.ts';
import type { IngestResultRow } from './ingest-result.ts';
import type { SourceFormat } from '../model/document.ts';
import { ingestText } from '../load/ingest-files.ts';
import type { ReportMeta } from '../ingest/meta.ts';
import { readSourceBytes } from '../ingest/sources/read-source.ts';
import { ErrorCode } from '../model/error-codes.ts';
import { unreachable } from '../model/unreachable.ts';
import { badInput } from './support.ts';

/** About 20 MB of PDF once base64-decoded; the JSON body limit in app.ts is set to match. */
const MAX_CONTENT_CHARS = 28_000_000;

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

/** The upload as bytes: text is UTF-8, base64 is decoded (and checked, since Buffer ignores junk). */
function readUploadBytes(input: IngestReportInput): Uint8Array {
  const { content, contentBase64 } = input;
  if ((content == null) === (contentBase64 == null))
    throw badInput('Give exactly one of content (text) or contentBase64 (file bytes).');
  const raw = content ?? contentBase64!;
  if (raw.length > MAX_CONTENT_CHARS)
    throw badInput(`The report is longer than ${MAX_CONTENT_CHARS} characters.`);
  if (content != null) return new TextEncoder().encode(content);
  if (!/^[A-Za-z0-9+/=\s]*$/.test(raw)) throw badInput('contentBase64 is not valid base64.');
  return Buffer.from(raw, 'base64');
}

export const ingestMutations: Pick<MutationResolvers, 'ingestReport'> = {
  ingestReport: async (
    _parent,
    { input },
    { db, canIngest, ingestEnabled, summaries },
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
    const source = await readSourceBytes(readUploadBytes(input), format);
    if (!source.ok)
      return {
        status: 'failed',
        message: `${fileName}: ${source.reason}`,
        reportSha: null,
        inspectionId: null,
        warnings: [],
      };
    const result = await ingestText(
      { text: source.text, fileName, format, meta: toMeta(input.metadata) },
      { db, force: false },
    );
    const doc = result.document;
    // A dry run never happens here (a database is given), so 'parsed' cannot come back.
    const status = result.status === 'parsed' ? 'failed' : result.status;
    const failed = status === 'failed';
    // The summaries were made stale by the load; they are rebuilt in the background, debounced.
    if (status === 'loaded') summaries.schedule();
    return {
      status,
      message: result.message,
      reportSha: failed ? null : (doc?.source.sha256 ?? null),
      inspectionId: failed ? null : (doc?.inspection.id ?? null),
      warnings: doc?.warnings.map((w) => `${w.code}: ${w.message}`) ?? [],
    };
  },
};

export const IngestReportResult: IngestReportResultResolvers = {
  report: (row, _args, { loaders }) =>
    row.reportSha ? loaders.node('report', row.reportSha) : null,
  inspection: (row, _args, { loaders }) =>
    row.inspectionId ? loaders.node('inspection', row.inspectionId) : null,
};
