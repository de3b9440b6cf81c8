import { describe, expect, it } from 'vitest';
import {
  cleanInline,
  endsSentence,
  isPageNumberLine,
  normaliseBullet,
  normaliseForHash,
  normaliseLineEndings,
  normaliseQuotes,
  normaliseSpaces,
  splitParagraphBlocks,
  startsLowerCase,
  stripTags,
} from './normalise.ts';
import { readParagraphs } from './paragraphs.ts';
import { splitSourceLines } from './lines.ts';
import { readCount } from './numbers.ts';
import { slugifyName } from './slug.ts';

describe('normaliseQuotes', () => {
  it('straightens curly apostrophes and quotes as found in the seeds', () => {
    expect(normaliseQuotes('the home\u2019s statement of purpose')).toBe(
      "the home's statement of purpose",
    );
    expect(normaliseQuotes('\u201Cpro re nata\u201D')).toBe('"pro re nata"');
  });
});

describe('normaliseSpaces', () => {
  it('turns odd spaces into spaces and drops form feeds and zero-width characters', () => {
    expect(normaliseSpaces('a\u00A0b\u200Bc\fd\u00ADe')).toBe('a bcde');
  });
  it('keeps tabs, which separate table cells', () => {
    expect(normaliseSpaces('Requirement\tDue date')).toBe('Requirement\tDue date');
  });
});

describe('normaliseLineEndings', () => {
  it('turns CRLF into LF and leaves a lone CR in its line', () => {
    expect(normaliseLineEndings('a\r\nb\rc\n')).toBe('a\nb\rc\n');
    expect(normaliseSpaces('b\rc')).toBe('b c');
  });
});

describe('normaliseBullet', () => {
  it.each(['\u2022 item', '\uF0B7 item', '\u25AA item', '- item', '\u2013 item'])(
    'reads %j as a bullet',
    (line) => {
      expect(normaliseBullet(line)).toBe('- item');
    },
  );
  it('leaves the compliance-notice footnote star alone', () => {
    const footnote = '* These requirements are subject to a compliance notice.';
    expect(normaliseBullet(footnote)).toBe(footnote);
  });
  it('leaves hyphenated words alone', () => {
    expect(normaliseBullet('-year-old')).toBe('-year-old');
  });
});

describe('stripTags and splitParagraphBlocks', () => {
  it('removes <p> tags but keeps <http://…> links', () => {
    expect(cleanInline(stripTags('<p>5: Medicines</p> <http://www.gov.uk/ofsted>'))).toBe(
      '5: Medicines <http://www.gov.uk/ofsted>',
    );
  });
  it('splits a requirement cell from the seed into its blocks', () => {
    const cell =
      '<p>23: Medicines</p> <p>The registered person must ensure that\u2014</p> <p>medicine which is prescribed for a child is administered as prescribed.</p>';
    expect(splitParagraphBlocks(cell)).toEqual([
      '23: Medicines',
      'The registered person must ensure that\u2014',
      'medicine which is prescribed for a child is administered as prescribed.',
    ]);
  });
  it('reads an unclosed <p> to the end of the cell and an untagged cell as one block', () => {
    expect(splitParagraphBlocks('<p>12/09/2019')).toEqual(['12/09/2019']);
    expect(splitParagraphBlocks(' 12/09/2019 ')).toEqual(['12/09/2019']);
    expect(splitParagraphBlocks('')).toEqual([]);
  });
});

describe('page furniture and sentence ends', () => {
  it.each(['7', 'Page 7', 'page 7 of 12', '7 of 12'])('%j is a page number', (line) => {
    expect(isPageNumberLine(line)).toBe(true);
  });
  it('a URN line is not a page number', () => {
    expect(isPageNumberLine('1247390')).toBe(false);
  });
  it('knows a sentence end from a page-break cut', () => {
    expect(endsSentence('the home is safe.')).toBe(true);
    expect(endsSentence("required at the inspection ('Guide', page 3).")).toBe(true);
    expect(endsSentence("Good relationships with children's")).toBe(false);
    expect(startsLowerCase('placing authorities are weak')).toBe(true);
  });
});

describe('readParagraphs', () => {
  it('rejoins a paragraph cut by a page break, as in seed 000', () => {
    const text =
      "Leaders do not advocate. Good relationships with children's\n\n2\n\nplacing authorities are weak.\n\nSystems are not effective.";
    const paragraphs = readParagraphs(splitSourceLines(text), (l) => isPageNumberLine(l.text));
    expect(paragraphs.map((p) => p.text)).toEqual([
      "Leaders do not advocate. Good relationships with children's placing authorities are weak.",
      'Systems are not effective.',
    ]);
    expect(paragraphs[1]!.position).toEqual({ offset: text.indexOf('Systems'), line: 7 });
  });
});

describe('normaliseForHash', () => {
  it('gives the same text for different wrapping, line endings and quotes', () => {
    expect(normaliseForHash('the child\u2019s\r\nplan  ')).toBe(
      normaliseForHash("the child's plan"),
    );
  });
});

describe('slugifyName', () => {
  it.each([
    ['Partnerships In Care 1 Limited', 'partnerships-in-care-1-limited'],
    ['Partnerships In Care 1 Ltd.', 'partnerships-in-care-1-limited'],
    ['St Christopher\u2019s Fellowship', 'st-christophers-fellowship'],
    ['Smith & Sons  (Care) Ltd', 'smith-and-sons-care-limited'],
    ['Café Homes', 'cafe-homes'],
    ['***', ''],
  ])('%j → %j', (name, slug) => {
    expect(slugifyName(name)).toBe(slug);
  });
});

describe('readCount', () => {
  it.each([
    ['eight', 8],
    ['8', 8],
    ['Twelve', 12],
    ['twenty-four', 24],
    ['a', 1],
    ['several', null],
  ])('%j → %j', (text, count) => {
    expect(readCount(text)).toBe(count);
  });
});
