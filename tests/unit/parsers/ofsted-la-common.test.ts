/**
 * The shared stages of the Ofsted LA parsers, on the layouts the three PDF extractors produce:
 * pypdf (wrapped lines, grade at the end of a label's last line), pdf.js by baseline (grade on a
 * line of its own inside a wrapped label, or split around it) and the project's PDF reader (one
 * line per paragraph, table cells separated by tabs, blank lines between rows).
 */
import { describe, expect, it } from 'vitest';
import { readGradeTable } from '../../../src/ingest/parsers/ofsted-la-common/grade-table.ts';
import {
  readDateRangeText,
  readLabelledValue,
} from '../../../src/ingest/parsers/ofsted-la-common/fields.ts';
import { buildFurnitureTest } from '../../../src/ingest/parsers/ofsted-la-common/furniture.ts';
import {
  findLocalAuthority,
  findLocalAuthorityInText,
  normaliseAuthorityName,
} from '../../../src/ingest/parsers/ofsted-la-common/local-authority.ts';
import { splitOutline } from '../../../src/ingest/parsers/ofsted-la-common/outline.ts';
import { measureLineWidth, readProse } from '../../../src/ingest/parsers/ofsted-la-common/prose.ts';
import {
  cleanPersonName,
  splitNameList,
} from '../../../src/ingest/parsers/ofsted-la-common/people.ts';
import { ILACS_TABLE_LABELS } from '../../../src/ingest/parsers/ofsted-la-childrens-services/ilacs-table.ts';
import { SIF_TABLE_LABELS } from '../../../src/ingest/parsers/ofsted-la-childrens-services/sif-grades.ts';
import { splitSourceLines } from '../../../src/ingest/text/lines.ts';
import { isPageNumberLine } from '../../../src/ingest/text/normalise.ts';

const tableOf = (text: string, labels = ILACS_TABLE_LABELS) => {
  const result = readGradeTable(splitSourceLines(text), labels);
  return result.ok ? result.judgements.map((j) => [j.key, j.grade, j.gradeText]) : result.reason;
};

describe('readGradeTable', () => {
  const expected = [
    ['leaders', 'GOOD', 'Good'],
    ['help', 'REQUIRES_IMPROVEMENT', 'Requires improvement to be good'],
    ['care', 'GOOD', 'Good'],
    ['overall', 'GOOD', 'Good'],
  ];

  it("reads the pypdf layout: the grade ends the label's last line", () => {
    const text = [
      'Judgement Grade',
      'The impact of leaders on social work practice with children',
      'and families Good',
      'The experiences and progress of children who need help and',
      'protection Requires improvement to be good',
      'The experiences and progress of children in care and care',
      'leavers Good',
      'Overall effectiveness Good',
      'Services for children in Oxfordshire are good.',
    ].join('\n');
    expect(tableOf(text)).toEqual(expected);
  });

  it('reads the pdf.js layout: the grade set inside a wrapped label', () => {
    const text = [
      'The impact of leaders on social work practice with children',
      'Good',
      'and families',
      'The experiences and progress of children who need help and',
      'Requires improvement to be good',
      'protection',
      'The experiences and progress of children in care and care',
      'Good',
      'leavers',
      'Overall effectiveness Good',
      'Good leadership has improved services.',
    ].join('\n');
    expect(tableOf(text)).toEqual(expected);
  });

  it("reads the project reader's layout: tab-separated cells, rows apart, a grade split around its label", () => {
    const text = [
      'The overall judgement is requires improvement',
      '',
      'Requires',
      '',
      '1. Children who need help and protection\timprovement',
      '',
      '2. Children looked after and achieving permanence\tGood',
      '2.1 Adoption performance\tOutstanding',
      '2.2 Experiences and progress of care leavers\trequires improvement to',
      'be good',
      '3. Leadership, management and governance\tinadequate',
      '',
      'Executive summary',
    ].join('\n');
    expect(tableOf(text, SIF_TABLE_LABELS)).toEqual([
      ['help', 'REQUIRES_IMPROVEMENT', 'Requires improvement'],
      ['looked-after', 'GOOD', 'Good'],
      ['adoption', 'OUTSTANDING', 'Outstanding'],
      ['leavers', 'REQUIRES_IMPROVEMENT', 'requires improvement to be good'],
      ['leadership', 'INADEQUATE', 'inadequate'],
    ]);
  });

  it('skips a sentence that starts like a row ("Leadership, management and governance require improvement when…")', () => {
    const text = [
      'Leadership, management and governance require improvement when any failures have been identified.',
      '1. Children who need help and protection Requires improvement',
      '3. Leadership, management and governance Good',
    ].join('\n');
    expect(tableOf(text, SIF_TABLE_LABELS)).toEqual([
      ['help', 'REQUIRES_IMPROVEMENT', 'Requires improvement'],
      ['leadership', 'GOOD', 'Good'],
    ]);
  });

  it('refuses a table whose grades do not add up, rather than guess', () => {
    const text =
      'The impact of leaders on social work practice with children and families\nOverall effectiveness Good';
    expect(tableOf(text)).toMatch(/2 rows but 1 grades/);
  });
});

describe('readProse', () => {
  const read = (text: string, width = 80) => readProse(splitSourceLines(text), () => false, width);

  it('splits paragraphs without blank lines at a short line that ends a sentence', () => {
    const text = [
      'Leaders should improve their strategic approach to preparation for adulthood, so that',
      'all young people receive help.',
      'Leaders must continue to develop their oversight and commissioning arrangements of',
      'suitable alternative provision.',
    ].join('\n');
    expect(read(text, 86).blocks.map((b) => b.text.slice(0, 25))).toEqual([
      'Leaders should improve th',
      'Leaders must continue to ',
    ]);
  });

  it('reads bullets of every glyph, numbered paragraphs in sequence, and rejoins a page break', () => {
    const text = [
      '◼ The quality of plans.',
      '\uF0B7 The recording of',
      'management oversight.',
      '19. Ensure that cases',
      '',
      '7',
      '',
      'are allocated promptly.',
      '20. Ensure that there is enough accommodation and capacity for',
      '25. more children.',
    ].join('\n');
    const { blocks } = readProse(splitSourceLines(text), (line) => isPageNumberLine(line.text), 80);
    expect(blocks.map((b) => [b.marker, b.text])).toEqual([
      ['bullet', 'The quality of plans.'],
      ['bullet', 'The recording of management oversight.'],
      ['number', 'Ensure that cases are allocated promptly.'],
      ['number', 'Ensure that there is enough accommodation and capacity for 25. more children.'],
    ]);
  });

  it('keeps a lower-case sub-list with the item that announces it, and sets sub-headings and lead-ins apart', () => {
    const text = [
      'Private fostering',
      '',
      'Leaders should work together so that:',
      '▪ needs are assessed on time;',
      '▪ plans are reviewed.',
      'Immediately:',
      '- ensure all members know their duties',
    ].join('\n');
    const { blocks, headings } = read(text);
    expect(blocks.map((b) => b.text)).toEqual([
      'Leaders should work together so that: needs are assessed on time; plans are reviewed.',
      'ensure all members know their duties',
    ]);
    expect(headings.map((b) => b.text)).toEqual(['Private fostering', 'Immediately:']);
  });

  it('measures the usual width of a full line', () => {
    expect(
      measureLineWidth(splitSourceLines(['a'.repeat(80), 'b'.repeat(82), 'short'].join('\n'))),
    ).toBe(82);
  });
});

describe('splitOutline', () => {
  it('finds headings that wrap, carry a footnote mark or a grade inside them', () => {
    const lines = splitSourceLines(
      [
        'What needs to improve?1',
        '- One.',
        'The experiences and progress of',
        'Good',
        'children who need help and protection',
        '1. Text.',
      ].join('\n'),
    );
    const sections = splitOutline(lines, [
      { pattern: /^what needs to improve\??$/i, role: 'concern', name: 'What needs to improve' },
      {
        pattern: /^the experiences and progress of children who need help and protection$/i,
        role: 'narrative',
      },
    ]);
    expect(sections.map((s) => [s.name, s.role, s.lines.length])).toEqual([
      ['What needs to improve', 'concern', 1],
      ['The experiences and progress of children who need help and protection', 'narrative', 1],
    ]);
  });
});

describe('page furniture', () => {
  it('knows page numbers, the Ofsted address block and running headers', () => {
    const header = 'Inspection of Sutton local authority children\u2019s services';
    const lines = splitSourceLines(
      [
        header,
        'Text.',
        header,
        '6 to 10 December 2021 2',
        header,
        'Piccadilly Gate T 0300 123 1231',
        '3',
        'Good',
        'Good',
        'Good',
      ].join('\n'),
    );
    const isFurniture = buildFurnitureTest(lines);
    expect(lines.map((l) => isFurniture(l))).toEqual([
      true,
      false,
      true,
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('local authority names', () => {
  it.each([
    ['London Borough of Redbridge', '80512'],
    ['Bedford Borough Local Area Partnership', '80428'],
    ['the Royal Borough of Kingston-upon-Thames local authority', '80545'],
    ['St. Helens Metropolitan Borough Council', '80560'],
    ['St Helens', '80560'],
    ['Hammersmith & Fulham', '80497'],
    ['City of York Council', '80453'],
    ['Bristol City Council', '80441'],
    ['Derby City', '80459'],
    ['County Durham', '80465'],
    ['Kingston upon Hull', '80477'],
    ['Slough Children First', '80553'],
    ['Bournemouth, Christchurch and Poole', '2532287'],
    ['City of London', '80450'],
  ])('%s → %s', (name, urn) => {
    expect(findLocalAuthority(name)?.urn).toBe(urn);
  });

  it('finds no LA in a name it does not know', () => {
    expect(findLocalAuthority('Atlantis County Council')).toBeNull();
    expect(normaliseAuthorityName('London Borough of Barking & Dagenham')).toBe(
      'barking and dagenham',
    );
  });

  it('finds the longest name first in running text, and "London" is not the City of London', () => {
    expect(findLocalAuthorityInText('Children in North Somerset are safe')?.urn).toBe('80528');
    expect(findLocalAuthorityInText('London Borough of Redbridge')?.urn).toBe('80512');
  });
});

describe('labelled values, dates and names', () => {
  it('reads a label at the start of a line or after a title run into it', () => {
    const lines = splitSourceLines(
      'Re-inspection of services for care leavers Inspection date: 13 March 2017 to 24 March 2017 Report published: 13 June 2017',
    );
    expect(readLabelledValue(lines, /inspection dates?/)?.value).toBe(
      '13 March 2017 to 24 March 2017',
    );
  });

  it.each([
    ['8 – 12 July 2013', { start: '2013-07-08', end: '2013-07-12' }],
    ['12/09/2016 to 06/10/2016', { start: '2016-09-12', end: '2016-10-06' }],
    ['1/06/2015 – 25/06/2015', { start: '2015-06-01', end: '2015-06-25' }],
    ['20 June 2017 ─ 13 July 2017', { start: '2017-06-20', end: '2017-07-13' }],
    ['02 March 2020 to 13 March 2020', { start: '2020-03-02', end: '2020-03-13' }],
  ])('reads the date range %j', (text, range) => {
    expect(readDateRangeText(text)).toEqual(range);
  });

  it('cleans inspector names of their titles', () => {
    expect(
      cleanPersonName('Sarah Canto, His Majesty\u2019s Inspector'.replace('\u2019', "'")),
    ).toBe('Sarah Canto');
    expect(cleanPersonName('Neil Penswick HMI')).toBe('Neil Penswick');
    expect(cleanPersonName('Máire Atherton')).toBe('Máire Atherton');
    expect(cleanPersonName('primarily on site')).toBeNull();
    expect(
      splitNameList(
        "Rebecca Quested, His Majesty's Inspector, and Matthew Reed, His Majesty's Inspector",
      ),
    ).toEqual(['Rebecca Quested', 'Matthew Reed']);
    expect(
      splitNameList(
        "Her Majesty's Inspectors (HMIs) Jan Edwards, Brenda McLaughlin and Malcolm Kirtley",
      ),
    ).toEqual(['Jan Edwards', 'Brenda McLaughlin', 'Malcolm Kirtley']);
  });
});
