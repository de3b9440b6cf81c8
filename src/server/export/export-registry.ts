/**
 * Which cross-report questions export as CSV, and how: each question's URL name (the Query field
 * in kebab case), the GraphQL variables its operation declares, the query parameters that fill
 * them, and the columns (dotted paths into a node, which also make the selection).
 */

/** Where one query parameter goes in the operation's variables. */
export interface ExportParam {
  /** A variable, or a field of an input variable: `groupBy`, `filter.region`, `sort.field`. */
  target: string;
  /** A comma-separated list. */
  list?: boolean;
  /** A whole number. */
  int?: boolean;
  required?: boolean;
}

export interface QuestionExport {
  /** The file's name in `/export/<name>.csv`: the Query field in kebab case. */
  name: string;
  /** The Query field asked. */
  field: string;
  /** The operation's variables but $first and $after, with their GraphQL types. */
  variables: Readonly<Record<string, string>>;
  params: Readonly<Record<string, ExportParam>>;
  /** A connection read page by page, or a plain list read at once. */
  paged: boolean;
  columns: readonly string[];
}

/** `sort=FIELD&sortDirection=ASC`: the questions' sort input. */
const SORT_PARAMS: Record<string, ExportParam> = {
  sort: { target: 'sort.field' },
  sortDirection: { target: 'sort.direction' },
};

const DATE_WINDOW: Record<string, ExportParam> = {
  from: { target: 'from' },
  to: { target: 'to' },
};

export const QUESTION_EXPORTS: readonly QuestionExport[] = [
  {
    name: 'repeated-breaches',
    field: 'repeatedBreaches',
    variables: {
      regulation: 'ID',
      legislation: 'ID',
      regulator: 'Regulator',
      minInspections: 'Int',
      from: 'Date',
      to: 'Date',
      evidence: '[BreachEvidence!]',
      sort: 'RepeatedBreachSort',
    },
    params: {
      regulation: { target: 'regulation' },
      legislation: { target: 'legislation' },
      regulator: { target: 'regulator' },
      minInspections: { target: 'minInspections', int: true },
      ...DATE_WINDOW,
      evidence: { target: 'evidence', list: true },
      ...SORT_PARAMS,
    },
    paged: true,
    columns: [
      'location.id',
      'location.name',
      'provider.id',
      'provider.name',
      'regulation.id',
      'inspectionCount',
      'inspections.id',
      'inspections.startDate',
    ],
  },
  {
    name: 'breach-counts',
    field: 'breachCounts',
    variables: { groupBy: '[BreachGroup!]!', filter: 'BreachFilter', sort: 'BreachCountSort' },
    params: {
      groupBy: { target: 'groupBy', list: true, required: true },
      regulator: { target: 'filter.regulator' },
      legislation: { target: 'filter.legislation' },
      regulation: { target: 'filter.regulation' },
      from: { target: 'filter.from' },
      to: { target: 'filter.to' },
      region: { target: 'filter.region' },
      localAuthority: { target: 'filter.localAuthority' },
      providerId: { target: 'filter.providerId' },
      providerGroupId: { target: 'filter.providerGroupId' },
      ...SORT_PARAMS,
    },
    paged: true,
    columns: [
      'regulation.id',
      'legislation.id',
      'regulator',
      'year',
      'region',
      'localAuthority',
      'provider.id',
      'provider.name',
      'requirementCount',
      'locationCount',
      'inspectionCount',
      'inspectionsInGroup',
      'requirementsPer100Inspections',
    ],
  },
  {
    name: 'theme-trends',
    field: 'themeTrends',
    variables: {
      themes: '[ID!]',
      from: 'Date',
      to: 'Date',
      interval: 'TrendInterval',
      polarity: 'Polarity',
      sort: 'ThemeTrendSort',
      regulator: 'Regulator',
      region: 'String',
      localAuthority: 'String',
      providerGroupId: 'ID',
    },
    params: {
      themes: { target: 'themes', list: true },
      ...DATE_WINDOW,
      interval: { target: 'interval' },
      polarity: { target: 'polarity' },
      regulator: { target: 'regulator' },
      region: { target: 'region' },
      localAuthority: { target: 'localAuthority' },
      providerGroupId: { target: 'providerGroupId' },
      ...SORT_PARAMS,
    },
    paged: false,
    columns: [
      'theme.id',
      'theme.label',
      'period',
      'periodStart',
      'findingCount',
      'inspectionCount',
      'concernInspectionCount',
      'inspectionsInPeriod',
      'findingsPerInspection',
      'concernShare',
    ],
  },
  {
    name: 'theme-cooccurrence',
    field: 'themeCooccurrence',
    variables: { filter: 'FindingFilter', sort: 'ThemePairSort' },
    params: {
      regulator: { target: 'filter.regulator' },
      from: { target: 'filter.from' },
      to: { target: 'filter.to' },
      region: { target: 'filter.region' },
      localAuthority: { target: 'filter.localAuthority' },
      providerId: { target: 'filter.providerId' },
      themes: { target: 'filter.themes', list: true },
      regulation: { target: 'filter.regulation' },
      polarity: { target: 'filter.polarity' },
      ...SORT_PARAMS,
    },
    paged: true,
    columns: ['first.id', 'first.label', 'second.id', 'second.label', 'findingCount', 'jaccard'],
  },
  {
    name: 'rating-changes',
    field: 'ratingChanges',
    variables: { direction: 'RatingDirection', regulator: 'Regulator', from: 'Date', to: 'Date' },
    params: {
      direction: { target: 'direction' },
      regulator: { target: 'regulator' },
      ...DATE_WINDOW,
    },
    paged: true,
    columns: [
      'location.id',
      'location.name',
      'provider.id',
      'before.id',
      'before.startDate',
      'before.overallGrade',
      'after.id',
      'after.startDate',
      'after.overallGrade',
      'direction',
      'basis',
    ],
  },
  {
    name: 'enforcement-actions',
    field: 'enforcementActions',
    variables: { type: 'EnforcementType', regulator: 'Regulator', from: 'Date', to: 'Date' },
    params: { type: { target: 'type' }, regulator: { target: 'regulator' }, ...DATE_WINDOW },
    paged: true,
    columns: [
      'id',
      'type',
      'count',
      'issuedOn',
      'complyBy',
      'legalBasis',
      'regulation.id',
      'inspection.id',
      'inspection.startDate',
      'text',
    ],
  },
];

/** The export of `/export/<name>.csv`, or undefined. */
export function findQuestionExport(name: string): QuestionExport | undefined {
  return QUESTION_EXPORTS.find((q) => q.name === name);
}
