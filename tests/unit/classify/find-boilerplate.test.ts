/**
 * The regulators' standard texts (seed/reference/boilerplate.json) in findings as the pipeline
 * splits them out of real reports: the PDFs of the shared corpus read by this project's PDF
 * reader (`tests/fixtures/corpus/pdf/` holds the Dorset one). Standard text is masked; a finding
 * that is only standard text is boilerplate and gets no theme.
 */
import { describe, expect, it } from 'vitest';
import type { ReportFamily } from '../../../src/model/document.ts';
import { findBoilerplate } from '../../../src/ingest/classify/find-boilerplate.ts';
import { readThemes } from '../../../src/ingest/classify/tag-themes.ts';

const ILACS: ReportFamily = 'ofsted-la-childrens-services';
const FV: ReportFamily = 'ofsted-la-focused-visit';

/** The last findings of ofsted-ilacs_2532283_dorset_2025-05-09.pdf: its back cover. */
const DORSET_BACK_COVER = [
  "The Office for Standards in Education, Children's Services and Skills (Ofsted) regulates and inspects to achieve excellence in the care of children and young people, and in education and skills for learners of all ages. It regulates and inspects childcare and children's social care, and inspects the Children and Family Court Advisory and Support Service (Cafcass), schools, colleges, initial teacher training, further education and skills, adult and community learning, and education and training in prisons and other secure establishments. It assesses council children's services, and inspects services for children looked after, safeguarding and child protection.",
  'If you would like a copy of this document in a different format, such as large print or Braille, please telephone 0300 123 1231, or email enquiries@ofsted.gov.uk.',
  'You may reuse this information (not including logos) free of charge in any format or medium, under the terms of the Open Government Licence. To view this licence, visit www.nationalarchives.gov.uk/doc/open-government-licence, write to the Information Policy Team, The National Archives, Kew, London TW9 4DU, or email: psi@nationalarchives.gsi.gov.uk.',
  'This report is available at https://reports.ofsted.gov.uk/.',
  'Interested in our work? You can subscribe to our monthly newsletter for more information and updates: http://eepurl.com/iTrDn.',
];

/** ofsted-focused-visit_80429_birmingham_2021-12-01.pdf, its last finding. */
const BIRMINGHAM_CLOSING =
  "Ofsted will take the findings from this focused visit into account when planning the next inspection or visit. I am copying this letter to Andy Couldrick, Chief Executive, Birmingham Children's Trust.";

const FOOTNOTE =
  "The areas for improvement have been cross-referenced with the outcomes, enablers or principles in the Children's Social Care: National Framework. This statutory guidance sets out the purpose, principles for practice and expected outcomes of children's social care.";

/** ofsted-focused-visit_80441_bristol_2026-01-12.pdf: the page's footnote landed mid-sentence. */
const BRISTOL_WITH_FOOTNOTE = `Child protection review conferences are timely and well attended by partner agencies. Families are routinely invited and supported to attend conferences. Social work reports clearly capture parents', carers' and children's views well, and decisions to continue or end child protection plans are inclusive and underpinned by clear multi-agency 1 ${FOOTNOTE} discussions. The combined quality of social work practice and purposeful interventions are evident in helping to reduce risk for children and improve their situations.`;

/** ofsted-focused-visit_80528_north-somerset_2025-11-06.pdf, an area for improvement. */
const NORTH_SOMERSET_ITEM = `Responses to children in care who go missing, including the timeliness and quality of return home interviews and tracking of resulting actions to help reduce the likelihood of reoccurrence. (Outcome 3, national framework) 1 ${FOOTNOTE}`;

function masked(text: string, family: ReportFamily): string[] {
  return findBoilerplate(text, family).spans.map((s) => text.slice(s.start, s.end));
}

describe('boilerplate findings', () => {
  it.each(DORSET_BACK_COVER.map((text) => [text.slice(0, 60), text] as const))(
    'marks the ILACS back cover: %s...',
    (_name, text) => {
      expect(findBoilerplate(text, ILACS).boilerplate).toBe(true);
      expect(readThemes(text, { family: ILACS })).toEqual({ boilerplate: true, themes: [] });
    },
  );

  it('marks the closing lines of a focused-visit letter', () => {
    expect(readThemes(BIRMINGHAM_CLOSING, { family: FV }).boilerplate).toBe(true);
  });

  it('looks for a text only in the families it lists, or in all with no family', () => {
    expect(findBoilerplate(BIRMINGHAM_CLOSING, 'cqc-full-report').boilerplate).toBe(false);
    expect(findBoilerplate(BIRMINGHAM_CLOSING, null).boilerplate).toBe(true);
  });

  it('masks a footnote inside a real finding and tags the rest', () => {
    expect(masked(BRISTOL_WITH_FOOTNOTE, FV)).toEqual([FOOTNOTE]);
    const reading = readThemes(BRISTOL_WITH_FOOTNOTE, { family: FV });
    expect(reading.boilerplate).toBe(false);
    expect(reading.themes.map((t) => t.id)).toEqual(
      expect.arrayContaining(['safeguarding', 'partnership-working']),
    );
  });

  it('masks a National Framework label and footnote after an area for improvement', () => {
    expect(masked(NORTH_SOMERSET_ITEM, FV)).toEqual([
      `(Outcome 3, national framework) 1 ${FOOTNOTE}`,
    ]);
    const reading = readThemes(NORTH_SOMERSET_ITEM, { family: FV });
    expect(reading.boilerplate).toBe(false);
    expect(reading.themes.map((t) => t.id)).toContain('missing-from-care');
  });

  it('leaves a finding that only mentions Ofsted or an inspection alone', () => {
    // ofsted-focused-visit_80484_lincolnshire_2022-04-22.pdf
    const text =
      "Senior managers have continued to provide strong leadership to Lincolnshire children's services since the last Ofsted inspection.";
    expect(findBoilerplate(text, FV)).toEqual({ spans: [], boilerplate: false });
  });
});
