/**
 * Regulation and section citations inside finding text:
 * "Regulation 12 HSCA RA Regulations 2014 Safe care and treatment", "regulation 12(2)(g)",
 * "Regulation 23 of the Children's Homes (England) Regulations 2015",
 * "Section 29 of the Health and Social Care Act 2008", "regulations 12 and 17".
 *
 * A citation that names its legislation resolves to it. A bare "regulation N" resolves to the
 * document's own legislation (see default-legislation.ts) only when that is unambiguous: the
 * default exists, the finding names no other regulations, and the catalogue has regulation N.
 * A bare "section N" never resolves: reports cite sections of many Acts (Children Act 1989 s47).
 */
import type { LegislationId } from '../../model/document.ts';
import {
  findLegislation,
  findRegulation,
  normaliseRegulationNumber,
} from '../../reference/index.ts';
import {
  findLegislationNames,
  legislationForName,
  legislationNameSource,
} from './legislation-names.ts';
import type { FoundCitation } from './found-citation.ts';
import { findRegulationTitles } from './find-regulation-titles.ts';
import { findStandardNames } from './find-standard-names.ts';

export interface CitationContext {
  /** What a bare "regulation N" means in this document, or null when nothing is certain. */
  defaultLegislation: LegislationId | null;
}

type CitedUnit = 'regulation' | 'section';

const NUMBER = String.raw`\d{1,3}[A-Za-z]?(?![\p{L}\p{N}])`;
const PARAGRAPHS = String.raw`(?:\s*\(\s*[0-9a-z]{1,4}\s*\))*`;
const ITEM = `${NUMBER}${PARAGRAPHS}`;
const KIND = String.raw`(?<kind>regulations?|regs?\.?|sections?|(?<=^|[\s(])ss?\.?(?=\s?\d))`;

let citationPattern: RegExp | null = null;

function compileCitationPattern(): RegExp {
  if (!citationPattern) {
    const items = String.raw`(?<items>${ITEM}(?:\s*(?:,|and|&|or)\s*${ITEM})*)`;
    const named = String.raw`(?:\s*,?\s*(?:of|under|in)?\s*(?:the\s+)?(?<name>${legislationNameSource()})(?![\p{L}\p{N}]))?`;
    citationPattern = new RegExp(String.raw`(?<![\p{L}\p{N}])${KIND}\s*${items}${named}`, 'giu');
  }
  return citationPattern;
}

function unitOf(kind: string): CitedUnit {
  return /^s/i.test(kind) ? 'section' : 'regulation';
}

function unitOfLegislation(id: LegislationId): CitedUnit {
  const kind = findLegislation(id).kind;
  switch (kind) {
    case 'act':
      return 'section';
    case 'regulations':
      return 'regulation';
    default:
      return unreachableKind(kind);
  }
}

function unreachableKind(kind: never): never {
  throw new Error(`Unknown legislation kind ${String(kind)}`);
}

const LISTED_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}(])${NUMBER}`, 'gu');

/** Regulation numbers of a list such as "12(2)(g), 17 and 18". */
function readNumbers(items: string): string[] {
  const numbers: string[] = [];
  LISTED_NUMBER.lastIndex = 0;
  for (let m = LISTED_NUMBER.exec(items); m !== null; m = LISTED_NUMBER.exec(items))
    numbers.push(normaliseRegulationNumber(m[0]));
  return numbers;
}

/** Extends a citation over the catalogue heading printed right after it, as CQC reports do. */
function extendOverHeading(text: string, end: number, heading: string | null): number {
  if (!heading) return end;
  const m = /^[\s:–-]*/.exec(text.slice(end))!;
  const from = end + m[0].length;
  const candidate = text.slice(from, from + heading.length);
  return candidate.toLowerCase() === heading.toLowerCase() ? from + heading.length : end;
}

export function findCitations(text: string, context: CitationContext): FoundCitation[] {
  const byName = [
    ...findStandardNames(text, context.defaultLegislation),
    ...findRegulationTitles(text, context.defaultLegislation),
  ];
  // Every other citation has a number (ASCII digits: \d means nothing else), and most finding
  // texts have none: they skip the legislation names and the citation pattern.
  if (!/\d/.test(text)) return byName;
  // A bare number is ambiguous as soon as the finding names some other set of regulations.
  const namedRegulations = findLegislationNames(text).filter(
    (n) => unitOfLegislation(n.legislation) === 'regulation',
  );
  const bareLegislation =
    context.defaultLegislation !== null &&
    namedRegulations.every((n) => n.legislation === context.defaultLegislation)
      ? context.defaultLegislation
      : null;
  const found: FoundCitation[] = [];
  const seen = new Set<string>();
  // exec on the one compiled pattern: matchAll would clone it on every call.
  const pattern = compileCitationPattern();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const groups = m.groups!;
    const unit = unitOf(groups['kind']!);
    const name = groups['name'];
    const legislation = name
      ? legislationForName(name)
      : unit === 'regulation'
        ? bareLegislation
        : null;
    if (legislation === null || unitOfLegislation(legislation) !== unit) continue;
    const numbers = readNumbers(groups['items']!);
    for (const number of numbers) {
      const regulation = findRegulation(legislation, number);
      // A bare number outside the catalogue is more likely another instrument's than a new regulation.
      if (!name && !regulation) continue;
      const id = `${legislation}:${number}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const end =
        numbers.length === 1
          ? extendOverHeading(text, m.index + m[0].length, regulation?.heading ?? null)
          : m.index + m[0].length;
      found.push({
        regulation: {
          legislation,
          number: regulation?.number ?? number,
          title: regulation?.heading ?? null,
        },
        text: text.slice(m.index, end).trim(),
        start: m.index,
        end,
      });
    }
  }
  // A standard or title named beside its number ("regulation 12, the protection of children
  // standard"; "Regulation 12 HSCA RA Regulations 2014 Safe care and treatment") is one citation.
  for (const c of byName) {
    const id = `${c.regulation.legislation}:${c.regulation.number}`;
    if (seen.has(id)) continue;
    seen.add(id);
    found.push(c);
  }
  return found;
}
