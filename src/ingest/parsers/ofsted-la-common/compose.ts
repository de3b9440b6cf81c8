import type { LocalAuthority } from '../../../reference/local-authorities.ts';
import type {
  DocumentWarning,
  Finding,
  Grade,
  InspectionType,
  Judgement,
  Person,
  ReportDocument,
  ReportFamily,
  SourceInfo,
} from '../../../model/document.ts';
import { DOCUMENT_SCHEMA_VERSION } from '../../../model/document.ts';
import type { DateRange } from '../../text/dates.ts';
import { buildContentLocationId } from '../../text/hash.ts';
import { renumberDocumentIds } from '../ids.ts';
import { buildLaLocation, buildLaProvider } from './local-authority.ts';

export interface LaDocumentParts {
  family: ReportFamily;
  parser: { name: string; version: string };
  source: SourceInfo;
  /** The LF-normalised text, hashed for the location key when the LA is unknown. */
  text: string;
  authority: LocalAuthority | null;
  councilName: string | null;
  type: InspectionType;
  dates: DateRange | null;
  publishedOn: string | null;
  framework: string | null;
  overall: { grade: Grade | null; gradeText: string } | null;
  judgements: Judgement[];
  findings: Finding[];
  people: Person[];
  warnings: DocumentWarning[];
}

/**
 * The ReportDocument of an LA report: the LA's area is the Location and the LA the Provider;
 * an LA the catalogue does not know leaves a content-keyed location and no provider (the parser
 * has already said why in a warning). Ids are numbered last, from the location id.
 */
export function composeLaDocument(parts: LaDocumentParts): ReportDocument {
  const warnings = [...parts.warnings];
  const la = parts.authority;
  if (!la) {
    warnings.push({
      code: 'missing-location-id',
      message: 'local authority not identified; location keyed by a hash of the text',
      position: null,
    });
    warnings.push({
      code: 'missing-provider',
      message: 'local authority not identified; no provider',
      position: null,
    });
  }
  const location = la
    ? buildLaLocation(la)
    : {
        id: buildContentLocationId(parts.text),
        urn: null,
        cqcId: null,
        name: null,
        type: 'Local authority area',
        capacity: null,
        description: null,
        region: null,
        localAuthority: null,
      };
  const document: ReportDocument = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    source: { ...parts.source },
    family: parts.family,
    regulator: 'OFSTED',
    parser: { ...parts.parser },
    provider: la ? buildLaProvider(la, parts.councilName) : null,
    location,
    inspection: {
      id: '',
      type: parts.type,
      startDate: parts.dates?.start ?? null,
      endDate: parts.dates?.end ?? null,
      framework: parts.framework,
      overallGrade: parts.overall?.grade ?? null,
      overallGradeText: parts.overall?.gradeText ?? null,
      ratingDirection: null,
      publishedOn: parts.publishedOn,
      ...(parts.dates?.visits ? { visits: parts.dates.visits.map((v) => ({ ...v })) } : {}),
    },
    judgements: parts.judgements,
    history: [],
    requirements: [],
    recommendations: [],
    enforcement: [],
    findings: parts.findings,
    people: parts.people,
    warnings,
  };
  return renumberDocumentIds(document);
}
