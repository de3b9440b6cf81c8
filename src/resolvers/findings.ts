import type {
  FindingResolvers,
  QueryResolvers,
  RecommendationResolvers,
  ReportResolvers,
  SourcePositionResolvers,
  ThemeResolvers,
} from '../generated/resolvers-types.ts';
import { listThemes } from '../graph/catalogue.ts';
import { listParams, readList } from '../graph/lists.ts';
import { whenReady } from '../graph/loaders.ts';
import { toConnection } from './connection.ts';
import { readAhead } from './prefetch-plan.ts';
import { selectsTotalCount } from './selection.ts';
import { readSourceContext } from './source-context.ts';
import { checkDateRange, pageArgs, required } from './support.ts';

export const findingQueries: Pick<QueryResolvers, 'finding' | 'findings' | 'theme' | 'themes'> = {
  finding: (_parent, { id }, { loaders }) => loaders.node('finding', id),
  findings: async (_parent, args, { db, loaders }, info) => {
    checkDateRange(args.filter?.from, args.filter?.to);
    const sort = { field: 'NEWEST', direction: 'DESC' } as const;
    return toConnection(
      await readList(
        db,
        'findings',
        pageArgs(args),
        listParams.findings(args.filter),
        sort,
        readAhead(info, loaders, 'findings'),
      ),
    );
  },
  theme: (_parent, { id }, { loaders }) => loaders.node('theme', id),
  themes: (_parent, _args, { db }) => listThemes(db),
};

/** The ABOUT link's `{terms, confidence}` (see findingThemes in graph/traversals.ts). */
function readThemeLink(extra: unknown): { terms: string[]; confidence: number | null } {
  const link = (typeof extra === 'object' && extra !== null ? extra : {}) as Record<
    string,
    unknown
  >;
  const terms = Array.isArray(link.terms)
    ? link.terms.filter((term): term is string => typeof term === 'string')
    : [];
  const confidence = typeof link.confidence === 'number' ? link.confidence : null;
  return { terms, confidence };
}

export const Finding: FindingResolvers = {
  themes: (finding, _args, { loaders }) =>
    whenReady(loaders.relatedOf('findingThemes', finding, finding.id), (items) =>
      items.map((item) => ({ theme: item.row, ...readThemeLink(item.extra) })),
    ),
  citations: (finding, _args, { loaders }) =>
    loaders.rowsOf('findingCitations', finding, finding.id),
  repeatCitations: (finding, _args, { loaders }) =>
    loaders.rowsOf('findingRepeatCitations', finding, finding.id),
  repeats: (finding, _args, { loaders }) => loaders.one('findingRepeats', finding.id),
  inspection: (finding, _args, { loaders }) =>
    whenReady(loaders.oneOf('findingInspection', finding, finding.id), (row) =>
      required(row, `inspection of finding ${finding.id}`),
    ),
  source: (finding) => finding.position,
};

export const Recommendation: RecommendationResolvers = {
  source: (recommendation) => recommendation.position,
  inspection: async (recommendation, _args, { loaders }) =>
    required(
      await loaders.one('recommendationInspection', recommendation.id),
      `inspection of recommendation ${recommendation.id}`,
    ),
};

export const Theme: ThemeResolvers = {
  regulations: async (theme, _args, { loaders }) =>
    (await loaders.related('themeRegulations', theme.id)).map((item) => item.row),
  findings: async (theme, args, { loaders }, info) =>
    toConnection(
      await loaders.page(
        'themeFindings',
        theme.id,
        pageArgs(args),
        args.filter,
        selectsTotalCount(info),
      ),
    ),
};

export const SourcePosition: SourcePositionResolvers = {
  report: (position, _args, { loaders }) =>
    position.reportSha ? loaders.node('report', position.reportSha) : null,
  context: (position, { sentences }, { loaders }) =>
    readSourceContext(position, sentences, loaders),
};

export const Report: ReportResolvers = {};
