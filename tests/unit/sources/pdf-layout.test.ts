/**
 * The PDF reader's layout rules on small PDFs written for each case: wrapped lines, paragraph
 * gaps, running headers and page numbers, sentences and table rows cut by page breaks, bullets,
 * tables with cells of different heights, footnote marks.
 */
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../../src/ingest/sources/pdf/pdf-to-text.ts';
import { makePdf, textLines, type PdfRun } from './make-pdf.ts';

async function pdfText(pages: readonly (readonly PdfRun[])[]): Promise<string> {
  const result = await readPdfText(makePdf(pages));
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

const WRAPPED = [
  'Leaders have worked systematically on addressing the areas for improvement identified at',
  'the last inspection. Multi-agency partnership working has been strengthened, and the timeliness',
  'and consistency of child protection strategy meetings is much improved across the service.',
  'Leaders have successfully worked with partners to strengthen the work of the safeguarding hub.',
];

function headerAndFooter(page: number, pages: number): PdfRun[] {
  return [
    { text: 'Inspection of Anytown local authority children’s services', x: 72, y: 800, size: 9 },
    { text: `Page ${page} of ${pages}`, x: 480, y: 40, size: 9 },
  ];
}

describe('readPdfText layout', () => {
  it('joins wrapped lines into one paragraph and separates paragraphs with a blank line', async () => {
    const text = await pdfText([
      [...textLines(WRAPPED, 700), ...textLines(['A second paragraph starts here.'], 630)],
    ]);
    expect(text).toBe(`${WRAPPED.join(' ')}\n\nA second paragraph starts here.\n`);
  });

  it('keeps a short heading apart from the paragraph under it', async () => {
    const text = await pdfText([[...textLines(['Main findings', ...WRAPPED], 700)]]);
    expect(text.split('\n\n')).toEqual(['Main findings', `${WRAPPED.join(' ')}\n`]);
  });

  it('drops running headers, footers and page numbers', async () => {
    const bodies = [
      'Leaders know their services well.',
      'Children are seen promptly.',
      'Plans are reviewed regularly.',
    ];
    const pages = bodies.map((body, i) => [
      ...headerAndFooter(i + 1, 3),
      ...textLines([body], 760),
    ]);
    expect(await pdfText(pages)).toBe(`${bodies.join('\n\n')}\n`);
  });

  it('drops a lone page number at the foot of each page', async () => {
    const pages = ['The first page.', 'The second page.'].map((body, i) => [
      ...textLines([body], 760),
      { text: String(i + 1), x: 500, y: 30 },
    ]);
    expect(await pdfText(pages)).toBe('The first page.\n\nThe second page.\n');
  });

  it('rejoins a sentence that a page break cut, across the running furniture', async () => {
    const text = await pdfText([
      [
        ...headerAndFooter(1, 2),
        ...textLines(
          [
            'While progress has been made for children who need protection, leaders recognise the need to',
          ],
          120,
        ),
      ],
      [
        ...headerAndFooter(2, 2),
        ...textLines(
          ['continue to improve the consistency of decision-making at the front door.'],
          760,
        ),
      ],
    ]);
    expect(text).toBe(
      'While progress has been made for children who need protection, leaders recognise the need to continue to improve the consistency of decision-making at the front door.\n',
    );
  });

  it('keeps a paragraph break at a page break when the sentence had ended or the next page starts a new one', async () => {
    const ended = await pdfText([
      textLines(['The first page ends with a full stop.'], 120),
      textLines(['the next page starts in lower case.'], 760),
    ]);
    expect(ended).toBe(
      'The first page ends with a full stop.\n\nthe next page starts in lower case.\n',
    );
    const capital = await pdfText([
      textLines(['The first page ends without a stop'], 120),
      textLines(['Headline findings'], 760),
    ]);
    expect(capital).toBe('The first page ends without a stop\n\nHeadline findings\n');
  });

  it('writes bullets as "- " with their wrapped lines joined, one item per line', async () => {
    const bullet = (y: number): PdfRun => ({ text: '\u2022', x: 90, y });
    const text = await pdfText([
      [
        ...textLines(['What needs to improve'], 720),
        bullet(690),
        ...textLines(
          [
            'The timeliness and consistency with which initial decisions are made at the front',
            'door for children.',
          ],
          690,
          { x: 108 },
        ),
        bullet(650),
        ...textLines(['The reliability of performance management arrangements.'], 650, { x: 108 }),
      ],
    ]);
    expect(text).toBe(
      'What needs to improve\n\n' +
        '- The timeliness and consistency with which initial decisions are made at the front door for children.\n\n' +
        '- The reliability of performance management arrangements.\n',
    );
  });

  it('turns a table into tab-separated rows, a centred cell joining the two lines beside it', async () => {
    const text = await pdfText([
      [
        { text: 'Judgement', x: 80, y: 700 },
        { text: 'Grade', x: 400, y: 700 },
        {
          text: 'The impact of leaders on social work practice with children',
          x: 80,
          y: 664,
          size: 11,
        },
        { text: 'and families', x: 80, y: 651, size: 11 },
        { text: 'Good', x: 400, y: 657.5, size: 11 },
        { text: 'Overall effectiveness', x: 80, y: 620, size: 11 },
        { text: 'Requires improvement to be good', x: 400, y: 620, size: 11 },
      ],
    ]);
    expect(text).toBe(
      'Judgement\tGrade\n' +
        'The impact of leaders on social work practice with children and families\tGood\n' +
        'Overall effectiveness\tRequires improvement to be good\n',
    );
  });

  it('folds the wrapped lines of a top-aligned cell into its row', async () => {
    const text = await pdfText([
      [
        { text: 'Good (Grade 2)', x: 119, y: 700 },
        { text: 'A service that exceeds minimum', x: 249, y: 700 },
        { text: 'requirements', x: 249, y: 685.5 },
        { text: 'Adequate (Grade 3)', x: 119, y: 665 },
        { text: 'A service that only meets minimum', x: 249, y: 665 },
        { text: 'requirements', x: 249, y: 650.5 },
      ],
    ]);
    expect(text).toBe(
      'Good (Grade 2)\tA service that exceeds minimum requirements\nAdequate (Grade 3)\tA service that only meets minimum requirements\n',
    );
  });

  it('rejoins a table row whose cells run on over a page break', async () => {
    const text = await pdfText([
      [
        { text: 'Requirement', x: 72, y: 145 },
        { text: 'Due date', x: 420, y: 145 },
        { text: 'The registered person must ensure that staff', x: 72, y: 120 },
        { text: '31 May 2024', x: 420, y: 120 },
      ],
      [
        { text: 'understand the home’s statement of purpose.', x: 72, y: 760 },
        { text: 'Next requirement text here.', x: 72, y: 730 },
        { text: '30 June 2024', x: 420, y: 730 },
      ],
    ]);
    expect(text).toBe(
      'Requirement\tDue date\n' +
        'The registered person must ensure that staff understand the home’s statement of purpose.\t31 May 2024\n' +
        'Next requirement text here.\t30 June 2024\n',
    );
  });

  it('keeps a raised footnote mark on its line', async () => {
    const text = await pdfText([
      [
        {
          text: 'Review of the Local Safeguarding Children Board',
          x: 72,
          y: 700,
          size: 14,
          superscript: '1',
        },
        { text: 'A report in a single inspection', x: 72, y: 660, size: 14, superscript: 'th' },
      ],
    ]);
    expect(text).toBe(
      'Review of the Local Safeguarding Children Board1\n\nA report in a single inspectionth\n',
    );
  });

  it('turns non-breaking spaces into spaces and puts a space where runs leave a gap', async () => {
    const text = await pdfText([
      [
        { text: 'Inspection\u00A0dates:', x: 72, y: 700 },
        { text: '8 October 2018', x: 170, y: 700 },
      ],
    ]);
    expect(text).toBe('Inspection dates: 8 October 2018\n');
  });
});
