/**
 * The single-assessment-framework part of a CQC API location record (`assessment[]`): the
 * assessment's date and ratings, and its commentary as findings. Each quality statement's
 * commentary becomes one finding labelled with the statement and its score, so the theme tagger
 * can be measured against the regulator's own labels.
 */
import type { FindingLabel, Polarity, SourcePosition } from '../../../model/document.ts';
import { cleanInline } from '../../text/normalise.ts';
import type { WarningLog } from '../warnings.ts';
import { readField, readObjects, readText, type JsonObject } from './json-values.ts';
import { readIsoDate, readRating, type RatingValue } from './ratings.ts';
import type { JsonPointers } from './json-pointers.ts';
import type { PositionFinder } from './source-positions.ts';

export interface AssessmentKeyQuestion {
  name: string;
  rating: RatingValue;
  /** `Assessed`, or `Not Assessed` when the rating stands on scores carried from before. */
  status: string | null;
}

export interface FindingDraft {
  text: string;
  section: string;
  polarity: Polarity;
  position: SourcePosition;
  label: FindingLabel | null;
}

export interface Assessment {
  date: string | null;
  publishedOn: string | null;
  /** The assessment service group, e.g. `Care Homes`, `General Practice`. */
  serviceGroup: string | null;
  overall: RatingValue | null;
  keyQuestions: AssessmentKeyQuestion[];
  findings: FindingDraft[];
}

/** Section of the assessment's overall commentary. */
export const OVERALL_SECTION = 'Overall';
/** Section of the overall "people's experience" commentary. */
export const PEOPLE_EXPERIENCE_SECTION = "Overall: People's experience";

interface GroupCandidate {
  group: JsonObject;
  publishedOn: string | null;
}

/**
 * The assessment service group rating to read: the one marked `Current`, the latest by date when
 * several are (or none is). Others are reported, not merged: two groups rate different services.
 */
function chooseGroup(record: JsonObject, warnings: WarningLog): GroupCandidate | null {
  const candidates: GroupCandidate[] = [];
  for (const assessment of readObjects(record['assessment'])) {
    const publishedOn = readIsoDate(assessment['assessmentPlanPublishedDateTime']);
    for (const group of readObjects(readField(assessment['ratings'], 'asgRatings')))
      candidates.push({ group, publishedOn });
  }
  if (candidates.length === 0) return null;
  const current = candidates.filter(
    (c) => readText(c.group['status'])?.toLowerCase() === 'current',
  );
  const pool = current.length > 0 ? current : candidates;
  const sorted = [...pool].sort((a, b) =>
    (readIsoDate(b.group['assessmentDate']) ?? '').localeCompare(
      readIsoDate(a.group['assessmentDate']) ?? '',
    ),
  );
  if (candidates.length > 1) {
    warnings.add(
      'several-assessments',
      `${candidates.length} assessment ratings in the record; read the ${current.length > 0 ? 'current' : 'latest'} one only`,
      null,
    );
  }
  return sorted[0] ?? null;
}

/**
 * Commentary as finding text: each line of each part is a paragraph (CQC separates statements
 * with line breaks, sometimes without a full stop), cleaned and separated by a blank line so the
 * sentence splitter sees the breaks.
 */
export function composeCommentary(parts: readonly (string | null)[]): string {
  return parts
    .flatMap((part) => (part ?? '').split(/\r?\n/))
    .map(cleanInline)
    .filter((line) => line !== '')
    .join('\n\n');
}

/** "2 - Evidence shows some shortfalls" → 2; null for wording without a leading score. */
export function readScoreNumber(score: string | null): number | null {
  const m = score ? /^\s*([1-4])\s*-/.exec(score) : null;
  return m ? Number(m[1]) : null;
}

/**
 * A scored statement's polarity is the regulator's: 1 and 2 mean shortfalls, 3 and 4 a good or
 * exceptional standard. Wording without a score ("Regulations met") is left to the classifier.
 */
function polarityOfScore(score: string | null): Polarity {
  const n = readScoreNumber(score);
  if (n === null) return 'neutral';
  return n <= 2 ? 'concern' : 'strength';
}

/**
 * Finds commentary in the file in reading order: a key question's commentary can open with the
 * same words as its first quality statement's, so each search starts after the last one found,
 * and falls back to the whole file when the record's key order differs from the reading order.
 */
class CommentaryLocator {
  private cursor = 0;

  constructor(
    private readonly positions: PositionFinder,
    private readonly pointers: JsonPointers,
  ) {}

  /** Where `owner[key]` is: its line, and its JSON pointer in the record. */
  locate(owner: JsonObject, key: string, fallback: SourcePosition | null): SourcePosition {
    const raw = owner[key];
    const text = typeof raw === 'string' ? raw.trim() : '';
    const found = text
      ? (this.positions.findString(text, this.cursor) ?? this.positions.findString(text))
      : null;
    if (found) this.cursor = found.offset + 1;
    const position = found ?? fallback ?? { offset: 0, line: 1 };
    const pointer = this.pointers.member(owner, key);
    return pointer === null ? position : { ...position, pointer };
  }
}

function readTopicFindings(
  keyQuestion: string,
  topic: JsonObject,
  positions: PositionFinder,
  locator: CommentaryLocator,
): FindingDraft | null {
  const categories = readObjects(topic['evidenceCategory']);
  const commentary = categories.map((c) => readText(c['commentary']));
  const text = composeCommentary(commentary);
  if (!text) return null;
  const id = readText(topic['qualityStatementId']);
  const name = readText(topic['name']);
  const score = readText(topic['qualityStatementscore']);
  const first = categories.find((c) => readText(c['commentary']) !== null);
  const label: FindingLabel | null =
    id && name
      ? {
          source: 'cqc-quality-statement',
          id,
          name: cleanInline(name),
          score: score ? cleanInline(score) : null,
        }
      : null;
  return {
    text,
    section: `${keyQuestion}: ${name ? cleanInline(name) : `quality statement ${id ?? '?'}`}`,
    polarity: polarityOfScore(score),
    position: locator.locate(
      first ?? topic,
      first ? 'commentary' : 'evidenceCategory',
      id ? positions.findMember('qualityStatementId', id) : null,
    ),
    label,
  };
}

export function readAssessment(
  record: JsonObject,
  positions: PositionFinder,
  pointers: JsonPointers,
  warnings: WarningLog,
): Assessment | null {
  const chosen = chooseGroup(record, warnings);
  if (!chosen) return null;
  const { group } = chosen;
  const findings: FindingDraft[] = [];
  const locator = new CommentaryLocator(positions, pointers);
  const addCommentary = (section: string, owner: JsonObject, key: string): void => {
    const text = composeCommentary([readText(owner[key])]);
    if (text)
      findings.push({
        text,
        section,
        polarity: 'neutral',
        position: locator.locate(owner, key, null),
        label: null,
      });
  };
  addCommentary(OVERALL_SECTION, group, 'commentary');
  addCommentary(PEOPLE_EXPERIENCE_SECTION, group, 'overallPeopleExperience');

  const keyQuestions: AssessmentKeyQuestion[] = [];
  for (const kq of readObjects(group['keyQuestionRatings'])) {
    const name = readText(kq['name']);
    if (!name) {
      warnings.add(
        'unnamed-key-question',
        'a key question rating without a name was skipped',
        null,
      );
      continue;
    }
    const keyQuestion = cleanInline(name);
    const rating = readRating(kq['rating']);
    if (rating) keyQuestions.push({ name: keyQuestion, rating, status: readText(kq['status']) });
    addCommentary(keyQuestion, kq, 'commentary');
    for (const topic of readObjects(kq['topicareas'])) {
      const finding = readTopicFindings(keyQuestion, topic, positions, locator);
      if (finding) findings.push(finding);
    }
  }
  return {
    date: readIsoDate(group['assessmentDate']),
    publishedOn: chosen.publishedOn,
    serviceGroup: readText(group['name']),
    overall: readRating(group['rating']),
    keyQuestions,
    findings,
  };
}
