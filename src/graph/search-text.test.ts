import { describe, expect, it } from 'vitest';
import { buildLuceneQuery, buildSnippet, extractSearchTerms } from './search-text.ts';

describe('buildLuceneQuery', () => {
  it.each([
    ['controlled medication', 'controlled medication'],
    ['"return home interview" missing', '"return home interview" missing'],
    ['PRN (pro re nata)?', 'prn pro re nata'],
    ['AND OR NOT: [x]', 'and or not x'],
    ['children’s', "children's"],
  ])('turns %s into %s', (input, expected) => {
    expect(buildLuceneQuery(input)).toBe(expected);
  });

  it('gives null when nothing is searchable', () => {
    expect(buildLuceneQuery('  ?!* ')).toBeNull();
  });
});

describe('buildSnippet', () => {
  const text =
    "Medication protocols for the administration of controlled 'pro re nata' (PRN) medication are not robust to ensure its safe administration.";

  it('marks whole-word matches and their inflections', () => {
    expect(buildSnippet(text, extractSearchTerms('medication administer'))).toBe(
      "<mark>Medication</mark> protocols for the administration of controlled 'pro re nata' (PRN) <mark>medication</mark> are not robust to ensure its safe administration.",
    );
  });

  it('escapes HTML in the source text', () => {
    expect(buildSnippet('<p>restraint</p> used', ['restraint'])).toBe(
      '&lt;p&gt;<mark>restraint</mark>&lt;/p&gt; used',
    );
  });

  it('centres a long text on the first match with ellipses', () => {
    const long = `${'word '.repeat(100)}ligature ${'word '.repeat(100)}`;
    const snippet = buildSnippet(long, ['ligature'], 60);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('<mark>ligature</mark>');
  });
});
