import { describe, expect, it } from 'vitest';
import { findRequiredWords, foldForRequiredWords, mayMatch } from './required-words.ts';

describe('findRequiredWords', () => {
  it.each([
    [/\brepeated (?:from|at|since) (?:the |our )?(?:previous|last)\b/iu, ['repeated']],
    [/\bbreach(?:es)? (?:in|of) (?:the )?regulations? at\b/iu, ['regulation', 'breach']],
    [/^\s*lead\s+inspector\s*:/im, ['inspector', 'lead']],
    [/"locationId"\s*:\s*"/, ['locationid']],
    [/^\s*(?:\d{1,3}\s+)?.{2,160}?\s(?:inspection|quality) report\b/im, ['report']],
  ])('%s needs %j', (pattern, words) => {
    expect(findRequiredWords(pattern)).toEqual(words);
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
    expect(findRequiredWords(pattern)).toEqual([]);
  });

  it('does not count a letter a quantifier makes optional', () => {
    expect(findRequiredWords(/restraints?/i)).toEqual(['restraint']);
    expect(findRequiredWords(/colou?r/i)).toEqual(['colo']);
  });
});

describe('mayMatch', () => {
  it('rules out a text without every word, whatever its case', () => {
    const words = findRequiredWords(/\bno longer in breach\b/iu);
    expect(mayMatch(words, foldForRequiredWords('The service is NO LONGER in breach.'))).toBe(true);
    expect(mayMatch(words, foldForRequiredWords('The service is in breach.'))).toBe(false);
    expect(mayMatch(words, foldForRequiredWords('No longer a concern.'))).toBe(false);
  });

  it('keeps texts where case folding makes a match: the long s and the Kelvin sign', () => {
    for (const [pattern, text] of [
      [/\bhsca\b/iu, 'the H\u017FCA regulations'],
      [/\bkeep\b/iu, 'to \u212Aeep'],
    ] as const) {
      expect(pattern.test(text)).toBe(true);
      expect(mayMatch(findRequiredWords(pattern), foldForRequiredWords(text))).toBe(true);
    }
  });

  it('always lets a pattern without words run', () => {
    expect(mayMatch([], '')).toBe(true);
  });
});
