import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/ingest/classify/split-sentences.ts';

function texts(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}

describe('splitSentences', () => {
  it('splits report prose and keeps offsets into the input', () => {
    const text =
      'The home is not maintained to a suitable standard. A broken mirror remains in a bedroom.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'The home is not maintained to a suitable standard.',
      'A broken mirror remains in a bedroom.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split inside parentheses, decimals or after abbreviations', () => {
    expect(
      texts(
        "controlled 'pro re nata' (PRN) medication (e.g. Oramorph. Other) is used. Rates rose to 2.5 per cent.",
      ),
    ).toEqual([
      "controlled 'pro re nata' (PRN) medication (e.g. Oramorph. Other) is used.",
      'Rates rose to 2.5 per cent.',
    ]);
    expect(texts('Staff, e.g. Nurses, were trained. They said so.')).toEqual([
      'Staff, e.g. Nurses, were trained.',
      'They said so.',
    ]);
  });

  it('splits after a closing quote and before a number', () => {
    expect(texts('A relative said, "I feel safe." 21% of infants were seen.')).toEqual([
      'A relative said, "I feel safe."',
      '21% of infants were seen.',
    ]);
  });
});
