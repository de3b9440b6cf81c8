/**
 * Parser for the CQC location inspection summary as shown on a location's web page: dates,
 * inspection kind, rating direction and rating, then the bullets behind the rating split by
 * "However:", then what enforcement followed.
 *
 * Stages: normalise line endings and split into positioned lines → split the header (before the
 * first bullet) from the body → read the header statements, the bullets and paragraphs, and the
 * enforcement sentences → compose the ReportDocument. The summary names neither location nor
 * provider, so the location is keyed by a hash of the text until metadata supplies one.
 */
import type {
  EnforcementItem,
  Finding,
  InspectionType,
  Polarity,
  RatingDirection,
  ReportDocument,
  SourceInfo,
} from '../../model/document.ts';
import { DOCUMENT_SCHEMA_VERSION } from '../../model/document.ts';
import type { DateRange } from '../text/dates.ts';
import { gradeRank } from '../text/grades.ts';
import { buildContentLocationId } from '../text/hash.ts';
import { splitSourceLines, type SourceLine } from '../text/lines.ts';
import { isBulletLine, normaliseLineEndings } from '../text/normalise.ts';
import { renumberDocumentIds } from './ids.ts';
import { WarningLog } from './warnings.ts';
import { readSummaryBody, type SummaryBullet } from './cqc-location-summary/bullets.ts';
import { readEnforcementParagraph } from './cqc-location-summary/enforcement.ts';
import {
  isHoweverLine,
  readDatesLine,
  readDirection,
  readKindLine,
  readRatingStatement,
  type RatingStatement,
} from './cqc-location-summary/summary-lines.ts';

export const CQC_LOCATION_SUMMARY_PARSER = { name: 'cqc-location-summary', version: '1' } as const;

/** Section name of the summary's bullets. */
export const SUMMARY_SECTION = 'Summary';

interface Header {
  dates: DateRange | null;
  type: InspectionType | null;
  direction: RatingDirection | null;
  rating: RatingStatement | null;
}

function readHeader(lines: readonly SourceLine[], warnings: WarningLog): Header {
  const header: Header = { dates: null, type: null, direction: null, rating: null };
  for (const line of lines) {
    header.dates ??= readDatesLine(line);
    const kind = readKindLine(line);
    if (kind && header.type === null) {
      header.type = kind.type;
      if (kind.type === 'unknown')
        warnings.add(
          'unknown-inspection-type',
          `inspection kind "${kind.word}" not known`,
          line.position,
        );
    }
    header.direction ??= readDirection(line.text);
    header.rating ??= readRatingStatement(line);
  }
  return header;
}

/**
 * Which list holds the concerns. The summary explains the rating first: an inadequate or
 * requires-improvement rating is explained by concerns, with strengths after "However:"; a good
 * or outstanding one by strengths, with concerns after. With no rated grade the order is unknown.
 */
function choosePolarity(rating: RatingStatement | null, bullet: SummaryBullet): Polarity {
  const rank = rating?.grade ? gradeRank(rating.grade) : null;
  if (rank === null) return 'neutral';
  const firstListIsConcerns = rank <= 2;
  return firstListIsConcerns === !bullet.afterHowever ? 'concern' : 'strength';
}

/** Parses the text of a CQC location inspection summary. Never throws. */
export function parseCqcLocationSummary(input: string, source: SourceInfo): ReportDocument {
  const text = normaliseLineEndings(input);
  const lines = splitSourceLines(text);
  const warnings = new WarningLog();

  const bodyStart = lines.findIndex((l) => isBulletLine(l.text) || isHoweverLine(l));
  const headerLines = bodyStart === -1 ? lines : lines.slice(0, bodyStart);
  const bodyLines = bodyStart === -1 ? [] : lines.slice(bodyStart);

  const header = readHeader(headerLines, warnings);
  if (!header.dates)
    warnings.add('missing-inspection-date', 'no inspection dates in the first lines', null);
  if (!header.type)
    warnings.add('missing-inspection-type', 'no "During a … inspection" line', null);
  if (!header.rating)
    warnings.add('missing-overall-grade', 'no "We rated it as …" statement', null);
  else if (!header.rating.grade) {
    warnings.add(
      'unknown-grade',
      `rating "${header.rating.gradeText}" not understood`,
      header.rating.position,
    );
  }

  const body = readSummaryBody(bodyLines);
  if (
    body.bullets.length > 0 &&
    (!header.rating?.grade || gradeRank(header.rating.grade) === null)
  ) {
    warnings.add(
      'unknown-polarity',
      'no rated grade, so which bullets are concerns is unknown; left neutral',
      null,
    );
  }
  const findings: Finding[] = body.bullets.map((bullet) => ({
    id: '',
    text: bullet.text,
    section: SUMMARY_SECTION,
    polarity: choosePolarity(header.rating, bullet),
    themes: [],
    citations: [],
    repeat: null,
    boilerplate: false,
    position: { ...bullet.position },
  }));
  if (findings.length === 0) warnings.add('missing-findings', 'no summary bullets found', null);

  const enforcement: EnforcementItem[] = [];
  for (const paragraph of body.paragraphs) {
    const items = readEnforcementParagraph(paragraph.text, paragraph.position, warnings);
    if (items.length === 0) {
      warnings.add(
        'unread-text',
        `paragraph not understood: "${paragraph.text.slice(0, 80)}"`,
        paragraph.position,
      );
    }
    enforcement.push(...items);
  }

  const locationId = buildContentLocationId(text);
  warnings.add(
    'missing-location-id',
    'the summary names no location; location keyed by a hash of the text',
    null,
  );
  warnings.add('missing-provider', 'the summary names no provider', null);

  const document: ReportDocument = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    source: { ...source },
    family: 'cqc-location-summary',
    regulator: 'CQC',
    parser: { ...CQC_LOCATION_SUMMARY_PARSER },
    provider: null,
    location: {
      id: locationId,
      urn: null,
      cqcId: null,
      name: null,
      type: null,
      capacity: null,
      description: null,
      region: null,
      localAuthority: null,
    },
    inspection: {
      id: '',
      type: header.type ?? 'unknown',
      startDate: header.dates?.start ?? null,
      endDate: header.dates?.end ?? null,
      framework: null,
      overallGrade: header.rating?.grade ?? null,
      overallGradeText: header.rating?.gradeText ?? null,
      ratingDirection: header.direction,
    },
    judgements: [],
    history: [],
    requirements: [],
    recommendations: [],
    enforcement,
    findings,
    people: [],
    warnings: warnings.list(),
  };
  return renumberDocumentIds(document);
}
