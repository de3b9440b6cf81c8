/**
 * Field-by-field comparison of a parsed ReportDocument with its ground-truth record. Each field
 * is compared in a canonical form (plain values, fixed key order) so that agreement is string
 * equality and a disagreement can be printed as expected / actual.
 */
import type { ReportDocument } from '../model/document.ts';
import type { GroundTruthRecord } from './ground-truth.ts';

export interface FieldComparison {
  field: string;
  expected: unknown;
  actual: unknown;
  agree: boolean;
}

/** Field names in the order the check prints them. */
export const CHECKED_FIELDS = [
  'family',
  'location.id',
  'provider.id',
  'location',
  'inspection.id',
  'inspection.type',
  'inspection.dates',
  'inspection.overallGrade',
  'judgements',
  'inspection.ratingDirection',
  'history',
  'requirements',
  'recommendations',
  'findings.count',
  'findings.section',
  'findings.polarity',
  'findings.themes',
  'repeats',
  'enforcement',
  'people',
  'warnings',
] as const;

export type CheckedField = (typeof CHECKED_FIELDS)[number];

function compareField(field: CheckedField, expected: unknown, actual: unknown): FieldComparison {
  return { field, expected, actual, agree: JSON.stringify(expected) === JSON.stringify(actual) };
}

/** Themes the ground truth gives a finding that the classifier did not tag, as "index:theme". */
function findMissingThemes(truth: GroundTruthRecord, doc: ReportDocument): string[] {
  return truth.findings.flatMap((finding, i) => {
    const tagged = new Set(doc.findings[i]?.themes.map((t) => t.id) ?? []);
    return finding.themes.filter((theme) => !tagged.has(theme)).map((theme) => `${i}:${theme}`);
  });
}

export function compareWithTruth(truth: GroundTruthRecord, doc: ReportDocument): FieldComparison[] {
  const missingThemes = findMissingThemes(truth, doc);
  return [
    compareField('family', truth.family, doc.family),
    compareField('location.id', truth.locationId, doc.location.id),
    compareField('provider.id', truth.providerId, doc.provider?.id ?? null),
    compareField('location', truth.location, {
      name: doc.location.name,
      region: doc.location.region,
      localAuthority: doc.location.localAuthority,
      capacity: doc.location.capacity,
    }),
    compareField('inspection.id', truth.inspectionId, doc.inspection.id),
    compareField('inspection.type', truth.type, doc.inspection.type),
    compareField(
      'inspection.dates',
      `${truth.startDate}..${truth.endDate}`,
      `${doc.inspection.startDate}..${doc.inspection.endDate}`,
    ),
    compareField('inspection.overallGrade', truth.overallGrade, doc.inspection.overallGrade),
    compareField(
      'judgements',
      truth.judgements,
      doc.judgements.map((j) => ({ area: j.area, grade: j.grade })),
    ),
    compareField(
      'inspection.ratingDirection',
      truth.ratingDirection,
      doc.inspection.ratingDirection,
    ),
    compareField(
      'history',
      truth.history,
      doc.history.map((h) => ({ inspectionId: h.inspectionId, grade: h.grade })),
    ),
    compareField(
      'requirements',
      truth.requirements,
      doc.requirements.map((r) => ({
        regulation: r.regulation?.number ?? null,
        paragraphs: r.paragraphs,
        dueDate: r.dueDate,
        complianceNotice: r.complianceNotice,
      })),
    ),
    compareField('recommendations', truth.recommendations, doc.recommendations.length),
    compareField('findings.count', truth.findings.length, doc.findings.length),
    compareField(
      'findings.section',
      truth.findings.map((f) => f.section),
      doc.findings.map((f) => f.section),
    ),
    compareField(
      'findings.polarity',
      truth.findings.map((f) => f.polarity),
      doc.findings.map((f, i) => (truth.findings[i]?.polarity === null ? null : f.polarity)),
    ),
    {
      field: 'findings.themes',
      expected: 'every planned theme tagged',
      actual: missingThemes.length ? `untagged ${missingThemes.join(', ')}` : 'all tagged',
      agree: missingThemes.length === 0,
    },
    compareField(
      'repeats',
      truth.repeats.map((r) => ({
        finding: r.finding,
        statement: r.statement,
        refersTo: r.resolvableFromReport ? r.refersTo : null,
      })),
      doc.findings.flatMap((f, i) =>
        f.repeat
          ? [{ finding: i, statement: f.repeat.statement, refersTo: f.repeat.refersTo }]
          : [],
      ),
    ),
    compareField(
      'enforcement',
      truth.enforcement,
      doc.enforcement.map((e) => ({
        type: e.type,
        count: e.count,
        legalBasis: e.legalBasis,
        regulation: e.regulation ? `${e.regulation.legislation}:${e.regulation.number}` : null,
        issuedOn: e.issuedOn,
        complyBy: e.complyBy,
      })),
    ),
    compareField(
      'people',
      truth.people,
      doc.people.map((p) => ({ role: p.role, name: p.name })),
    ),
    compareField(
      'warnings',
      [],
      doc.warnings.map((w) => `${w.code}: ${w.message}`),
    ),
  ];
}
