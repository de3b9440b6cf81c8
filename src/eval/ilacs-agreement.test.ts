import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../model/document.ts';
import { compareWithIlacsHistory } from './ilacs-agreement.ts';
import { formatIlacsAgreement } from './ilacs-agreement-format.ts';
import { parseCsv, parseHistoryDate } from './ilacs-history-csv.ts';

const HEADER =
  'urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version';

/** A document with only what the comparison reads. */
function ilacsDoc(overrides: {
  file: string;
  urn: string;
  start: string;
  end: string;
  framework?: string;
  published?: string | null;
  grades: Array<[string, ReportDocument['judgements'][number]['grade']]>;
  lead?: string;
}): ReportDocument {
  return {
    family: 'ofsted-la-childrens-services',
    source: { fileName: overrides.file, sha256: '0', format: 'pdf' },
    location: { id: `la:${overrides.urn}`, urn: overrides.urn },
    inspection: {
      startDate: overrides.start,
      endDate: overrides.end,
      framework: overrides.framework ?? 'ILACS',
      publishedOn: overrides.published ?? null,
    },
    judgements: overrides.grades.map(([area, grade]) => ({
      area,
      grade,
      gradeText: String(grade),
    })),
    people: overrides.lead ? [{ role: 'lead inspector', name: overrides.lead }] : [],
  } as unknown as ReportDocument;
}

const AREAS = {
  leaders: 'The impact of leaders on social work practice with children and families',
  help: 'The experiences and progress of children who need help and protection',
  care: 'The experiences and progress of children in care and care leavers',
  overall: 'Overall effectiveness',
};

describe('parseCsv', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('a,"b, c","d ""e"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['1', '2', '3'],
    ]);
    expect(parseHistoryDate('19/11/18')).toBe('2018-11-19');
    expect(parseHistoryDate('08/10/2018')).toBe('2018-10-08');
    expect(parseHistoryDate('31/02/2018')).toBeNull();
  });
});

describe('compareWithIlacsHistory', () => {
  const csv = [
    HEADER,
    '80426,barnsley,x,"children\'s services inspection - 19 november 2018.pdf",19/11/18,standard,Jan Edwards,08/10/2018,19/10/2018,good,good,good,good,inspection_pre_dates_judgement,1',
    '80560,st helens,x,y.pdf,04/09/23,standard,Russel Breyer,10/07/2023,21/07/2023,good,good,good,requires improvement,good,1',
    '80418,norfolk,x,z.pdf,20/10/15,,,,,data_unreadable,data_unreadable,data_unreadable,data_unreadable,data_unreadable,1',
  ].join('\n');

  it('agrees field by field, a marker meaning "no such judgement" included', () => {
    const doc = ilacsDoc({
      file: 'barnsley.pdf',
      urn: '80426',
      start: '2018-10-08',
      end: '2018-10-19',
      lead: 'Jan Edwards',
      grades: [
        [AREAS.leaders, 'GOOD'],
        [AREAS.help, 'GOOD'],
        [AREAS.care, 'GOOD'],
        [AREAS.overall, 'GOOD'],
      ],
    });
    const result = compareWithIlacsHistory([doc], csv);
    expect(result).toMatchObject({ compared: 7, agreed: 7, disagreements: [], unmatched: [] });
    expect(result.byField.leadInspector).toEqual({ compared: 1, agreed: 1 });
  });

  it('lists every disagreement with both values', () => {
    const doc = ilacsDoc({
      file: 'st-helens.pdf',
      urn: '80560',
      start: '2023-07-10',
      end: '2023-07-21',
      grades: [
        [AREAS.leaders, 'GOOD'],
        [AREAS.help, 'REQUIRES_IMPROVEMENT'],
        ['The experiences and progress of children in care', 'GOOD'],
        ['The experiences and progress of care leavers', 'OUTSTANDING'],
        [AREAS.overall, 'GOOD'],
      ],
    });
    const result = compareWithIlacsHistory([doc], csv);
    expect(result.compared).toBe(7);
    expect(result.agreed).toBe(4);
    expect(result.disagreements).toEqual([
      { file: 'st-helens.pdf', field: 'help', ours: 'REQUIRES_IMPROVEMENT', theirs: 'GOOD' },
      { file: 'st-helens.pdf', field: 'care', ours: 'GOOD', theirs: 'REQUIRES_IMPROVEMENT' },
      { file: 'st-helens.pdf', field: 'leavers', ours: 'OUTSTANDING', theirs: 'GOOD' },
      { file: 'st-helens.pdf', field: 'leadInspector', ours: null, theirs: 'Russel Breyer' },
    ]);
    expect(formatIlacsAgreement(result)).toContain(
      'st-helens.pdf help: ours REQUIRES_IMPROVEMENT | theirs GOOD',
    );
  });

  it('matches a SIF report by publication date and compares nothing the CSV could not read', () => {
    const doc = ilacsDoc({
      file: 'ofsted-ilacs_80418_norfolk_2015-10-20.pdf',
      urn: '80418',
      start: '2015-07-06',
      end: '2015-07-30',
      framework: 'SIF',
      published: '2015-10-19',
      grades: [[AREAS.overall, 'INADEQUATE']],
    });
    const result = compareWithIlacsHistory([doc], csv);
    expect(result.byFramework.SIF).toEqual({ documents: 1, matched: 1, compared: 0, agreed: 0 });
    expect(result.unmatched).toEqual([]);
  });

  it('reports documents no row matches', () => {
    const doc = ilacsDoc({
      file: 'lost.pdf',
      urn: '99999',
      start: '2020-01-01',
      end: '2020-01-02',
      grades: [],
    });
    expect(compareWithIlacsHistory([doc], csv).unmatched).toEqual([
      { file: 'lost.pdf', reason: 'no CSV rows for URN 99999' },
    ]);
  });
});
