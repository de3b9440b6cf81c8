/**
 * A hand-written ground truth small enough to work every answer out by hand (the answers are in
 * the tests). Home SC1 (Ofsted): A1 full 2018-03 good, requirement 12; A2 interim 2018-10
 * declined, requirements 12 and 13 (13 with a compliance notice); A3 full 2019-05 inadequate,
 * requirements 12 and 20, the notice under 13 as enforcement, stating a repeat of 12 from A2, a
 * repeat of 20 from A1 (which made no requirement under 20) and a repeat naming no regulation;
 * A4 full 2020-02 good, no requirement. Location 1-1 (CQC): B1 summary 2018-06 requires
 * improvement, stated down, two warning notices; B2 full report 2019-06 good, a requirement and a
 * requirement notice under 12.
 */
import type { GroundTruthRecord } from '../../../../src/generate/ground-truth.ts';

function makeRecord(
  fields: Partial<GroundTruthRecord> & Pick<GroundTruthRecord, 'inspectionId' | 'startDate'>,
): GroundTruthRecord {
  const ofsted = fields.family === undefined || fields.family === 'ofsted-childrens-home';
  return {
    file: `${fields.inspectionId}.txt`,
    family: 'ofsted-childrens-home',
    locationId: ofsted ? 'SC1' : '1-1',
    providerId: ofsted ? 'P-OF' : 'P-CQC',
    location: ofsted
      ? { name: 'Home', region: 'North West', localAuthority: 'Bolton', capacity: 4 }
      : { name: 'Care', region: 'London', localAuthority: 'Camden', capacity: null },
    type: 'full',
    endDate: fields.startDate,
    overallGrade: 'GOOD',
    judgements: [],
    ratingDirection: null,
    history: [],
    requirements: [],
    recommendations: 0,
    findings: [],
    repeats: [],
    enforcement: [],
    people: [],
    ...fields,
  };
}

function requirement(regulation: string, complianceNotice = false) {
  return { regulation, paragraphs: '', dueDate: null, complianceNotice };
}

export const TINY_TRUTH: GroundTruthRecord[] = [
  makeRecord({
    inspectionId: 'A1',
    startDate: '2018-03-01',
    requirements: [requirement('12')],
    findings: [{ section: 'Headline', polarity: null, themes: ['safeguarding'] }],
  }),
  makeRecord({
    inspectionId: 'A2',
    type: 'interim',
    startDate: '2018-10-01',
    overallGrade: 'DECLINED_IN_EFFECTIVENESS',
    requirements: [requirement('12'), requirement('13', true)],
    findings: [
      { section: 'This inspection', polarity: 'concern', themes: ['safeguarding', 'staffing'] },
    ],
  }),
  makeRecord({
    inspectionId: 'A3',
    startDate: '2019-05-01',
    overallGrade: 'INADEQUATE',
    requirements: [requirement('12'), requirement('20')],
    enforcement: [
      {
        type: 'compliance-notice',
        count: 1,
        legalBasis: null,
        regulation: 'CHR2015:13',
        issuedOn: '2018-10-20',
        complyBy: null,
      },
    ],
    repeats: [
      {
        finding: 1,
        statement: 's1',
        refersTo: 'A2',
        regulation: 'CHR2015:12',
        resolvableFromReport: true,
      },
      {
        finding: 2,
        statement: 's2',
        refersTo: 'A1',
        regulation: 'CHR2015:20',
        resolvableFromReport: true,
      },
      { finding: 3, statement: 's3', refersTo: 'A2', regulation: null, resolvableFromReport: true },
    ],
  }),
  makeRecord({
    inspectionId: 'A4',
    startDate: '2020-02-01',
    findings: [{ section: 'Headline', polarity: null, themes: ['staffing'] }],
  }),
  makeRecord({
    inspectionId: 'B1',
    family: 'cqc-location-summary',
    type: 'routine',
    startDate: '2018-06-01',
    overallGrade: 'REQUIRES_IMPROVEMENT',
    ratingDirection: 'DOWN',
    enforcement: [
      {
        type: 'warning-notice',
        count: 2,
        legalBasis: 'Section 29 of the Health and Social Care Act 2008',
        regulation: 'HSCA2008:29',
        issuedOn: null,
        complyBy: '2018-08-01',
      },
    ],
  }),
  makeRecord({
    inspectionId: 'B2',
    family: 'cqc-full-report',
    startDate: '2019-06-01',
    requirements: [requirement('12')],
    enforcement: [
      {
        type: 'requirement-notice',
        count: 1,
        legalBasis: null,
        regulation: 'HSCA-RA-2014:12',
        issuedOn: null,
        complyBy: null,
      },
    ],
  }),
];
