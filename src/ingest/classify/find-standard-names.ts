/**
 * Citations by a regulation's standard name: "the protection of children standard" is how
 * Ofsted reports name regulation 12 of the Children's Homes (England) Regulations 2015. Only the
 * standards of the document's own legislation are read, and only by their full catalogue
 * heading, so a sentence that merely mentions protection or standards cites nothing.
 */
import type { LegislationId } from '../../model/document.ts';
import { readLegislationCatalogue } from '../../reference/index.ts';
import type { Regulation } from '../../reference/index.ts';
import type { FoundCitation } from './found-citation.ts';
import { escapeRegExp } from '../text/escape-regexp.ts';

interface StandardPattern {
  regulation: Regulation;
  regex: RegExp;
}

const compiled = new Map<LegislationId, StandardPattern[]>();

/** Headings of the form "The … standard": the quality standards' own names. */
const STANDARD_HEADING = /^the .+ standard$/i;

function compileStandards(legislation: LegislationId): StandardPattern[] {
  let patterns = compiled.get(legislation);
  if (!patterns) {
    patterns = readLegislationCatalogue()
      .regulations.filter(
        (r) => r.legislation === legislation && r.heading && STANDARD_HEADING.test(r.heading),
      )
      .map((regulation) => {
        // Straight or curly apostrophes, any run of spaces, any case.
        const words = escapeRegExp(regulation.heading!)
          .replace(/['’]/g, "['’]")
          .replace(/\s+/g, '\\s+');
        return {
          regulation,
          regex: new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu'),
        };
      });
    compiled.set(legislation, patterns);
  }
  return patterns;
}

export function findStandardNames(
  text: string,
  legislation: LegislationId | null,
): FoundCitation[] {
  if (legislation === null || !/standard/i.test(text)) return [];
  const found: FoundCitation[] = [];
  for (const { regulation, regex } of compileStandards(legislation)) {
    regex.lastIndex = 0;
    const m = regex.exec(text);
    if (!m) continue;
    found.push({
      regulation: { legislation, number: regulation.number, title: regulation.heading },
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return found;
}
