/**
 * The Ofsted LA parsers on the project's own PDF text (src/ingest/sources, one line per paragraph,
 * tab-separated table cells), which lays the same reports out unlike pypdf: the PDFs are the PDF
 * reader's fixtures (tests/fixtures/corpus/pdf), and the expected values are the ones the pypdf
 * text of the same reports gives (see the family tests).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../src/model/document.ts';
import { parseReport } from '../../../src/ingest/parsers/index.ts';
import { readSourceText } from '../../../src/ingest/sources/read-source.ts';

const PDF_TIMEOUT_MS = 60_000;

async function parsePdf(name: string): Promise<ReportDocument> {
  const file = fileURLToPath(new URL(`../../fixtures/corpus/pdf/${name}`, import.meta.url));
  const source = await readSourceText(file);
  if (!source.ok) throw new Error(`${name}: ${source.reason}`);
  const result = parseReport({
    text: source.text,
    source: { fileName: path.basename(file), sha256: '0'.repeat(64), format: source.format },
  });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

const grades = (doc: ReportDocument) => doc.judgements.map((j) => [j.area, j.grade]);
const inSection = (doc: ReportDocument, section: string) =>
  doc.findings.filter((f) => f.section === section);
const lead = (doc: ReportDocument) => doc.people.find((p) => p.role === 'lead inspector')?.name;

describe('Ofsted LA reports read from PDF', () => {
  it(
    'ILACS 2018, Barnsley',
    async () => {
      const doc = await parsePdf('ofsted-ilacs_80426_barnsley_2018-11-19.pdf');
      expect(doc.family).toBe('ofsted-la-childrens-services');
      expect(doc.inspection).toMatchObject({
        id: 'la:80426:2018-10-08:full',
        endDate: '2018-10-19',
        framework: 'ILACS',
        overallGrade: 'GOOD',
      });
      expect(grades(doc).map(([, g]) => g)).toEqual(['GOOD', 'GOOD', 'GOOD', 'GOOD']);
      expect(inSection(doc, 'What needs to improve')).toHaveLength(4);
      expect(inSection(doc, 'What needs to improve')[0]!.text).toMatch(
        /^Risk assessment and the understanding of the wider risks/,
      );
      expect(lead(doc)).toBe('Jan Edwards');
    },
    PDF_TIMEOUT_MS,
  );

  it(
    'ILACS 2025, Dorset (care leavers judged on their own)',
    async () => {
      const doc = await parsePdf('ofsted-ilacs_2532283_dorset_2025-05-09.pdf');
      expect(doc.inspection).toMatchObject({
        startDate: '2025-03-17',
        endDate: '2025-03-21',
        overallGrade: 'OUTSTANDING',
      });
      expect(grades(doc)).toEqual([
        ['The impact of leaders on social work practice with children and families', 'OUTSTANDING'],
        ['The experiences and progress of children who need help and protection', 'OUTSTANDING'],
        ['The experiences and progress of children in care', 'OUTSTANDING'],
        ['The experiences and progress of care leavers', 'GOOD'],
        ['Overall effectiveness', 'OUTSTANDING'],
      ]);
      expect(inSection(doc, 'What needs to improve').map((f) => f.text.slice(0, 44))).toEqual([
        'The clarity and detail of the care leaver of',
      ]);
      expect(lead(doc)).toBe('Sarah Canto');
    },
    PDF_TIMEOUT_MS,
  );

  it(
    '2013 looked after children inspection, Norfolk',
    async () => {
      const doc = await parsePdf('ofsted-ilacs_80418_norfolk_2013-08-16.pdf');
      expect(doc.inspection).toMatchObject({
        startDate: '2013-07-08',
        endDate: '2013-07-12',
        framework: 'LAC',
        overallGrade: 'INADEQUATE',
      });
      expect(grades(doc)).toHaveLength(5);
      expect(inSection(doc, 'Areas for improvement')).toHaveLength(17);
      expect(lead(doc)).toBe('Gary Lamb');
    },
    PDF_TIMEOUT_MS,
  );

  it(
    'focused visit 2025, Bristol',
    async () => {
      const doc = await parsePdf('ofsted-focused-visit_80441_bristol_2025-03-20.pdf');
      expect(doc.family).toBe('ofsted-la-focused-visit');
      expect(doc.inspection).toMatchObject({
        id: 'la:80441:2025-02-18:focused',
        endDate: '2025-02-19',
        overallGrade: null,
      });
      expect(inSection(doc, 'Area of practice')[0]!.text).toMatch(
        /^Inspectors looked at the local authority's arrangements for the 'front door'/,
      );
      expect(
        inSection(doc, 'What needs to improve in this area of social work practice'),
      ).toHaveLength(2);
      expect(lead(doc)).toBe('Sophie Wales');
    },
    PDF_TIMEOUT_MS,
  );

  it(
    'area SEND 2024, Bedford',
    async () => {
      const doc = await parsePdf('ofsted-area-send_80428_bedford_2025-02-04.pdf');
      expect(doc.family).toBe('ofsted-la-area-send');
      expect(doc.inspection).toMatchObject({
        id: 'la:80428:2024-11-18:full',
        endDate: '2024-11-22',
        overallGrade: null,
      });
      expect(doc.inspection.overallGradeText).toMatch(
        /^The local area partnership's special educational needs and\/or disabilities \(SEND\) arrangements typically lead to positive experiences/,
      );
      expect(inSection(doc, 'Areas for improvement').map((f) => f.text.slice(0, 40))).toEqual([
        'The partnership should establish more ef',
        'Some children and young people with SEND',
      ]);
      expect(lead(doc)).toBe('Charlie Fordham');
    },
    PDF_TIMEOUT_MS,
  );
});
