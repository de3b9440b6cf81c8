/**
 * Citations by a regulation's title: CQC reports name the fundamental standards of the HSCA RA
 * Regulations 2014 by title as often as by number ("We have identified breaches in relation to
 * safe care and treatment, good governance and staffing"). A title such as "staffing" is also an
 * everyday word, so a title cites only in a sentence about regulations or breaches, or in one
 * that continues such a sentence ("We found the provider was in breach of 7 legal regulations.
 * These related to person-centred care, … and staffing."). Titles and the short forms CQC
 * prints are data, in regulation-titles.json.
 */
import type { LegislationId } from '../../model/document.ts';
import { findRegulation } from '../../reference/index.ts';
import type { FoundCitation } from './found-citation.ts';
import titleData from './regulation-titles.json' with { type: 'json' };
import { splitSentences } from './split-sentences.ts';
import { escapeRegExp } from '../text/escape-regexp.ts';

interface TitlePattern {
  number: string;
  heading: string;
  regex: RegExp;
}

const ABOUT_REGULATIONS = /\b(?:regulations?|breach(?:es|ed)?|requirement notices?)\b/i;
const CONTINUES_PREVIOUS = /^(?:these|this|they|which)\b[^.]{0,40}?\brelated?\b/i;

let compiled: TitlePattern[] | null = null;

function compileTitles(): TitlePattern[] {
  if (!compiled) {
    const legislation = titleData.legislation as LegislationId;
    const aliases: Readonly<Record<string, string[]>> = titleData.aliases;
    compiled = titleData.numbers.map((number) => {
      const heading = findRegulation(legislation, number)?.heading;
      if (!heading)
        throw new Error(
          `src/ingest/classify/regulation-titles.json: ${legislation} has no regulation ${number}`,
        );
      // Longest name first, so "safeguarding service users from abuse" wins over a shorter form.
      const names = [heading, ...(aliases[number] ?? [])].sort((a, b) => b.length - a.length);
      const words = names.map((n) =>
        escapeRegExp(n).replace(/-/g, '[-\\s]?').replace(/\s+/g, '\\s+'),
      );
      return {
        number,
        heading,
        regex: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${words.join('|')})(?![\\p{L}\\p{N}-])`, 'giu'),
      };
    });
  }
  return compiled;
}

/** Title citations of `text`, for a document whose bare regulations are `legislation`'s. */
export function findRegulationTitles(
  text: string,
  legislation: LegislationId | null,
): FoundCitation[] {
  // Most findings say nothing about regulations and are ruled out before they are split.
  if (legislation !== titleData.legislation || !ABOUT_REGULATIONS.test(text)) return [];
  const found: FoundCitation[] = [];
  const sentences = splitSentences(text);
  sentences.forEach((sentence, k) => {
    const about =
      ABOUT_REGULATIONS.test(sentence.text) ||
      (k > 0 &&
        CONTINUES_PREVIOUS.test(sentence.text) &&
        ABOUT_REGULATIONS.test(sentences[k - 1]!.text));
    if (!about) return;
    for (const { number, heading, regex } of compileTitles()) {
      regex.lastIndex = 0;
      const m = regex.exec(sentence.text);
      if (!m) continue;
      const start = sentence.start + m.index;
      found.push({
        regulation: { legislation, number, title: heading },
        text: m[0],
        start,
        end: start + m[0].length,
      });
    }
  });
  return found;
}
