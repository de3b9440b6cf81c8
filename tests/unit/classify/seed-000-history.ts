/**
 * The inspection and "Recent inspection history" of seed 000 (Ofsted children's home,
 * URN 1247390), as the parser reads them: the context repeat evidence resolves against.
 */
import type { HistoryEntry, InspectionInfo } from '../../../src/model/document.ts';

export const SEED_000_INSPECTION: InspectionInfo = {
  id: 'ofsted:1247390:2019-07-23:full',
  type: 'full',
  startDate: '2019-07-23',
  endDate: '2019-07-24',
  framework: 'SCCIF',
  overallGrade: 'INADEQUATE',
  overallGradeText: 'inadequate',
  ratingDirection: null,
};

export const SEED_000_HISTORY: HistoryEntry[] = [
  {
    inspectionId: 'ofsted:1247390:2019-02-20:interim',
    date: '2019-02-20',
    type: 'interim',
    typeText: 'Interim',
    grade: 'SUSTAINED_EFFECTIVENESS',
    gradeText: 'Sustained effectiveness',
  },
  {
    inspectionId: 'ofsted:1247390:2018-09-26:full',
    date: '2018-09-26',
    type: 'full',
    typeText: 'Full',
    grade: 'REQUIRES_IMPROVEMENT',
    gradeText: 'Requires improvement to be good',
  },
  {
    inspectionId: 'ofsted:1247390:2018-01-05:interim',
    date: '2018-01-05',
    type: 'interim',
    typeText: 'Interim',
    grade: 'SUSTAINED_EFFECTIVENESS',
    gradeText: 'Sustained effectiveness',
  },
  {
    inspectionId: 'ofsted:1247390:2017-07-12:full',
    date: '2017-07-12',
    type: 'full',
    typeText: 'Full',
    grade: 'GOOD',
    gradeText: 'Good',
  },
];
