/**
 * Breaches of regulation and what the CQC did about them.
 *
 * The closing tables of a report list each breach as "Regulation 12 HSCA RA Regulations 2014
 * Safe care and treatment" (older reports: "Regulation 22 HSCA 2008 (Regulated Activities)
 * Regulations 2010 Staffing") with the explanation after it, under "Action we have told the
 * provider to take" (requirement notices) or "Enforcement actions" (warning notices, conditions,
 * cancellation). Reports without the tables (the 2014–2018 trust letters) name breaches in the
 * text: "We found the trust was not meeting three regulations Regulation 22 … Staffing.
 * Regulation 23 … Supporting Workers."
 */
import type {
  EnforcementItem,
  EnforcementType,
  LegislationId,
  RegulationRef,
  SourcePosition,
} from '../../../model/document.ts';
import {
  findLegislation,
  findRegulation,
  normaliseRegulationNumber,
} from '../../../reference/index.ts';
import { legislationForName, legislationNameSource } from '../../classify/legislation-names.ts';
import { readEnforcementType, readLegalBasis } from '../enforcement-wording.ts';
import type { WarningLog } from '../warnings.ts';
import type { JoinedText } from './joined-text.ts';
import { escapeRegExp } from '../../text/escape-regexp.ts';

export interface Breach {
  regulation: RegulationRef;
  /** Paragraph references as printed, e.g. `Regulation 12 (1)(2)(g)`. */
  paragraphs: string | null;
  text: string;
  position: SourcePosition;
}

const PARAGRAPHS = String.raw`(?:\s*\(\s*[0-9a-z]{1,4}\s*\))*`;

let citation: RegExp | null = null;

/** "Regulation 12 (1)(2) [of the] <legislation name>", global. */
function citationPattern(): RegExp {
  citation ??= new RegExp(
    String.raw`\bRegulation\s+(\d{1,2}[A-Za-z]?)(${PARAGRAPHS})\s*(?:,\s*)?(?:of\s+(?:the\s+)?)?(${legislationNameSource()})`,
    'giu',
  );
  return new RegExp(citation.source, citation.flags);
}

/** Words that end a printed regulation title when the catalogue has none to match. */
const TITLE_STOP =
  /[.:;]|\bHow the regulation\b|\bThe (?:provider|registered|service|trust|practice)\b|\bRegulated activity\b|\bRegulation\s+\d/;
const MAX_TITLE_WORDS = 12;

interface TitleRead {
  title: string | null;
  /** Offset just past the title (or the citation when there is none). */
  end: number;
}

/**
 * The regulation's heading as printed after the citation: the catalogue heading when the text
 * starts with it (spacing and case aside), else the printed words up to the first stop, when
 * there are few enough of them to be a heading.
 */
function readTitle(text: string, from: number, heading: string | null): TitleRead {
  const rest = text.slice(from);
  const lead = /^[\s:–-]*/.exec(rest)![0].length;
  if (heading) {
    const words = heading.split(/\s+/).map(escapeRegExp);
    const m = new RegExp(`^${words.join(String.raw`\s+`)}`, 'i').exec(rest.slice(lead));
    if (m) return { title: heading, end: from + lead + m[0].length };
    return { title: heading, end: from };
  }
  const stop = TITLE_STOP.exec(rest.slice(lead));
  const candidate = rest.slice(lead, lead + (stop ? stop.index : rest.length - lead)).trim();
  const words = candidate.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS || !/^[A-Z]/.test(candidate))
    return { title: null, end: from };
  return { title: candidate, end: from + lead + candidate.length };
}

interface Citation {
  regulation: RegulationRef;
  paragraphs: string | null;
  start: number;
  /** Past the citation and its title. */
  end: number;
}

function isRegulationsInstrument(id: LegislationId): boolean {
  return findLegislation(id).kind === 'regulations';
}

export function findRegulationCitations(text: string): Citation[] {
  const found: Citation[] = [];
  for (const m of text.matchAll(citationPattern())) {
    const legislation = legislationForName(m[3]!);
    if (!legislation || !isRegulationsInstrument(legislation)) continue;
    const number = normaliseRegulationNumber(m[1]!);
    const catalogued = findRegulation(legislation, number);
    const { title, end } = readTitle(text, m.index + m[0].length, catalogued?.heading ?? null);
    const paragraphs = m[2]!.trim() ? `Regulation ${number} ${m[2]!.replace(/\s+/g, '')}` : null;
    found.push({
      regulation: { legislation, number: catalogued?.number ?? number, title },
      paragraphs,
      start: m.index,
      end,
    });
  }
  return found;
}

/** "Regulation 12 (1)(2)(g)" printed in a breach's explanation, for the breach's own number. */
function findParagraphReference(text: string, number: string): string | null {
  const m = new RegExp(
    String.raw`\bRegulation\s+${number}\s*((?:\(\s*[0-9a-z]{1,4}\s*\)\s*)+)`,
    'i',
  ).exec(text);
  return m ? `Regulation ${number} ${m[1]!.replace(/\s+/g, '')}` : null;
}

/** The explanation of a breach without the next row's column headings. */
function trimExplanation(text: string): string {
  return text
    .replace(/\s*\bRegulated activity\b[\s\S]*$/i, '')
    .replace(
      /^\s*(?:How the regulation was not being met|Why we took enforcement action)\s*:?\s*/i,
      '',
    )
    .trim();
}

/** The breaches of one closing table, in printed order. */
export function readBreachTable(joined: JoinedText, warnings: WarningLog): Breach[] {
  const citations = findRegulationCitations(joined.text);
  if (citations.length === 0 && /\bRegulation\s+\d/i.test(joined.text)) {
    warnings.add(
      'unread-breach',
      'the table cites a regulation without naming its legislation; not read',
      joined.positionAt(0),
    );
  }
  return citations.map((c, i) => {
    const next = citations[i + 1]?.start ?? joined.text.length;
    const explanation = trimExplanation(joined.text.slice(c.end, next));
    const citationText = joined.text.slice(c.start, c.end).trim();
    return {
      regulation: c.regulation,
      paragraphs: c.paragraphs ?? findParagraphReference(explanation, c.regulation.number),
      text: explanation ? `${citationText} ${explanation}` : citationText,
      position: joined.positionAt(c.start),
    };
  });
}

const BREACH_STATEMENT =
  /\b(?:not meeting|not being met|in breach of|breach(?:es)? of (?:regulation|the)|failed to comply with)\b/i;

/**
 * Breaches named in running text: a sentence saying regulations were not met, with the
 * citations in it and in the sentences right after it that are citations themselves.
 */
export function readBreachStatements(joined: JoinedText): Breach[] {
  const sentences = [...joined.text.matchAll(/[^.!?]+(?:[.!?]+|$)/g)].map((m) => ({
    text: m[0],
    start: m.index,
  }));
  const breaches: Breach[] = [];
  for (let i = 0; i < sentences.length; i += 1) {
    if (!BREACH_STATEMENT.test(sentences[i]!.text)) continue;
    let j = i;
    do {
      const sentence = sentences[j]!;
      for (const c of findRegulationCitations(sentence.text)) {
        breaches.push({
          regulation: c.regulation,
          paragraphs: c.paragraphs,
          text: sentence.text.trim(),
          position: joined.positionAt(sentence.start + c.start),
        });
      }
      j += 1;
    } while (j < sentences.length && /^\s*Regulation\s+\d/i.test(sentences[j]!.text));
    i = j - 1;
  }
  return breaches;
}

/** Kind of enforcement the "Enforcement actions" table says was taken for a breach. */
function readActionType(text: string): EnforcementType {
  const taken =
    /\b(?:the enforcement action we took|enforcement actions? we have taken)\s*:?\s*([\s\S]*)$/i.exec(
      text,
    );
  return readEnforcementType(taken ? taken[1]! : text);
}

/**
 * Enforcement items of the closing tables: one requirement notice per breach under "Action we
 * have told the provider to take", and one item per breach under "Enforcement actions" of the
 * kind its text names (a breach whose action the text does not name is `other`, with a warning).
 */
export function toEnforcementItems(
  breaches: readonly Breach[],
  table: 'action-required' | 'enforcement-actions',
  warnings: WarningLog,
): EnforcementItem[] {
  return breaches.map((breach) => {
    let type: EnforcementType;
    switch (table) {
      case 'action-required':
        type = 'requirement-notice';
        break;
      case 'enforcement-actions':
        type = readActionType(breach.text);
        if (type === 'other')
          warnings.add(
            'unknown-enforcement-type',
            `enforcement for regulation ${breach.regulation.number} does not say what action was taken`,
            breach.position,
          );
        break;
      default:
        type = unreachableTable(table);
    }
    const basis = readLegalBasis(breach.text);
    return {
      id: '',
      type,
      legalBasis: basis?.text ?? null,
      regulation: { ...breach.regulation },
      count: 1,
      issuedOn: null,
      complyBy: null,
      text: breach.text,
      position: { ...breach.position },
      requirementIds: [],
    };
  });
}

function unreachableTable(table: never): never {
  throw new Error(`Unknown breach table ${String(table)}`);
}
