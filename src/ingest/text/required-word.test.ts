import { describe, expect, it } from 'vitest';
import { findRequiredWord, foldForRequiredWords, mayMatch } from './required-word.ts';

describe('findRequiredWord', () => {
  it.each([
    [/\brepeated (?:from|at|since) (?:the |our )?(?:previous|last)\b/iu, 'repeated'],
    [/\bbreach(?:es)? (?:in|of) (?:the )?regulations? at\b/iu, 'regulation'],
    [/^\s*lead\s+inspector\s*:/im, 'inspector'],
    [/"locationId"\s*:\s*"/, 'locationid'],
    [/^\s*(?:\d{1,3}\s+)?.{2,160}?\s(?:inspection|quality) report\b/im, 'report'],
  ])('%s needs "%s"', (pattern, word) => {
    expect(findRequiredWord(pattern)).toBe(word);
  });

  it.each([
    // Alternation outside groups: no word is certain.
    [/care plan|risk assessment/i],
    // Only optional or grouped letters, or letters inside escapes and classes.
    [/(?:abc)+\s*[xyz]{4}/],
    [/\u00A0abc/],
    [/\p{Lu}xyz/u],
    [/\bab\b/],
  ])('%s needs no word', (pattern) => {
    expect(findRequiredWord(pattern)).toBeNull();
  });

  it('does not count a letter a quantifier makes optional', () => {
    expect(findRequiredWord(/restraints?/i)).toBe('restraint');
    expect(findRequiredWord(/colou?r/i)).toBe('colo');
  });
});

describe('mayMatch', () => {
  it('rules out a text without the word, whatever its case', () => {
    const word = findRequiredWord(/\bno longer in breach\b/iu);
    expect(mayMatch(word, foldForRequiredWords('The service is NO LONGER in breach.'))).toBe(true);
    expect(mayMatch(word, foldForRequiredWords('The service is in breach.'))).toBe(false);
  });

  it('keeps texts where case folding makes a match: the long s and the Kelvin sign', () => {
    for (const [pattern, text] of [[/\bhsca\b/iu, 'the H\u017FCA regulations'], [/\bkeep\b/iu, 'to \u212Aeep']] as const) {
      expect(pattern.test(text)).toBe(true);
      expect(mayMatch(findRequiredWord(pattern), foldForRequiredWords(text))).toBe(true);
    }
  });

  it('always lets a pattern without a word run', () => {
    expect(mayMatch(null, '')).toBe(true);
  });
});
