/** The small text rules the PDF reader is built from: glyph clean-up, list markers, joining. */
import { describe, expect, it } from 'vitest';
import { cleanPdfCell, expandLigatures } from '../../../src/ingest/sources/pdf/clean-glyphs.ts';
import { joinWrapped } from '../../../src/ingest/sources/pdf/join-wrapped.ts';
import {
  isListMarker,
  replaceBulletGlyph,
  startsWithBulletGlyph,
} from '../../../src/ingest/sources/pdf/list-markers.ts';

describe('cleanPdfCell', () => {
  it.each([
    ['\u2022 Children are seen alone.', '- Children are seen alone.'],
    ['\u25AA\tChildren are seen alone.', '- Children are seen alone.'],
    ['\uF0B7 Children are seen alone.', '- Children are seen alone.'],
    ['\uF0A7Children are seen alone.', '- Children are seen alone.'],
    ['\u25FC Children are seen alone.', '- Children are seen alone.'],
    ['\u2013 Children are seen alone.', '- Children are seen alone.'],
    ['- Children are seen alone.', '- Children are seen alone.'],
  ])('turns the bullet of %j into "- "', (raw, clean) => {
    expect(cleanPdfCell(raw)).toBe(clean);
  });

  it('expands ligatures, turns odd spaces into spaces and drops soft hyphens', () => {
    expect(expandLigatures('ﬁndings ﬂagged eﬀective oﬃce')).toBe(
      'findings flagged effective office',
    );
    expect(cleanPdfCell('Inspection\u00A0dates:\u2002 8\u00ADOctober  2018 ')).toBe(
      'Inspection dates: 8October 2018',
    );
  });

  it('leaves a dash inside a line and a hyphenated number alone', () => {
    expect(cleanPdfCell('care leavers aged 19\u201321')).toBe('care leavers aged 19\u201321');
    expect(cleanPdfCell('-77 children')).toBe('-77 children');
  });
});

describe('list markers', () => {
  it.each(['\u2022', '\uF0B7', '-', '1.', '12.', 'a)', '(ii)', '(3)'])(
    '%j is a list marker',
    (marker) => {
      expect(isListMarker(marker)).toBe(true);
    },
  );

  it.each(['2019', 'Good', '1.5', '--'])('%j is not a list marker', (text) => {
    expect(isListMarker(text)).toBe(false);
  });

  it('finds bullet glyphs only at the start', () => {
    expect(startsWithBulletGlyph('\u2022 item')).toBe(true);
    expect(startsWithBulletGlyph('item \u2022 item')).toBe(false);
    expect(replaceBulletGlyph('item \u2022 item')).toBe('item \u2022 item');
  });
});

describe('joinWrapped', () => {
  it('joins with a space, or without one after a hyphen that splits a word', () => {
    expect(joinWrapped('leaders recognise the need to', 'continue to improve')).toBe(
      'leaders recognise the need to continue to improve',
    );
    expect(joinWrapped('effective multi-', 'agency working')).toBe(
      'effective multi-agency working',
    );
    expect(joinWrapped('trauma-', 'and attachment-focused')).toBe('trauma- and attachment-focused');
    expect(joinWrapped('the year 2019 -', 'Good')).toBe('the year 2019 - Good');
    expect(joinWrapped('', 'text')).toBe('text');
  });
});
