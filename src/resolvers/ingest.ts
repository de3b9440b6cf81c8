import { GraphQLError } from 'graphql';
import type { IngestReportResultResolvers, MutationResolvers } from '../generated/resolvers-types.ts';
import type { IngestResultRow } from '../graph/ingest-result.ts';
import { ingestText } from '../ingest/ingest-files.ts';
import type { ReportMeta } from '../ingest/meta.ts';
import { ErrorCode } from '../server/error-codes.ts';
import { badInput } from './support.ts';

const MAX_CONTENT_CHARS = 2_000_000;

function toMeta(input: {
  locationId?: string | null; urn?: string | null; cqcId?: string | null; locationName?: string | null; providerId?: string | null; providerName?: string | null;
} | null | undefined): ReportMeta | undefined {
  if (!input) return undefined;
  const location = Object.fromEntries(
    Object.entries({ id: input.locationId, urn: input.urn, cqcId: input.cqcId, name: input.locationName }).filter(([, v]) => v != null),
  );
  const provider = Object.fromEntries(Object.entries({ id: input.providerId, name: input.providerName }).filter(([, v]) => v != null));
  return { location, provider };
}

export const ingestMutations: Pick<MutationResolvers, 'ingestReport'> = {
  ingestReport: async (_parent, { input }, { db, canIngest, ingestEnabled }): Promise<IngestResultRow> => {
    if (!ingestEnabled) {
      throw new GraphQLError('ingestReport is disabled: the server has no INGEST_TOKEN configured.', { extensions: { code: ErrorCode.Forbidden } });
    }
    if (!canIngest) {
      throw new GraphQLError('ingestReport needs the header Authorization: Bearer <INGEST_TOKEN>.', { extensions: { code: ErrorCode.Unauthenticated } });
    }
    if ((input.format ?? 'txt') !== 'txt') throw badInput(`format ${input.format} is not supported here; send the report's text as format txt.`);
    if (input.content.length > MAX_CONTENT_CHARS) throw badInput(`content is longer than ${MAX_CONTENT_CHARS} characters.`);
    const result = await ingestText(
      { text: input.content, fileName: input.fileName ?? 'upload.txt', format: 'txt', meta: toMeta(input.metadata) },
      { db, force: false },
    );
    const doc = result.document;
    return {
      status: result.status === 'parsed' ? 'failed' : result.status,
      message: result.message,
      reportSha: result.status === 'failed' ? null : (doc?.source.sha256 ?? null),
      inspectionId: result.status === 'failed' ? null : (doc?.inspection.id ?? null),
      warnings: doc?.warnings.map((w) => `${w.code}: ${w.message}`) ?? [],
    };
  },
};

export const IngestReportResult: IngestReportResultResolvers = {
  report: (row, _args, { loaders }) => (row.reportSha ? loaders.node('report', row.reportSha) : null),
  inspection: (row, _args, { loaders }) => (row.inspectionId ? loaders.node('inspection', row.inspectionId) : null),
};
