/**
 * CQC labelled examples. The CQC labels assessment commentary with a quality statement, and
 * seed/reference/cqc-quality-statements.json maps each statement to the themes it is about. Two
 * sets come from the same API records:
 * - findings: one per quality statement, its evidence-category commentaries joined, as the
 *   pipeline stores it (read from the parsed documents);
 * - commentaries: each evidence category's commentary on its own (read from the raw record),
 *   shorter texts under the same label, so more examples and less room for a long text to wander.
 *
 * Precision measured this way is a lower bound: a staffing commentary that also describes
 * safeguarding training is rightly tagged safeguarding too, and counts as a false positive.
 */
import type { ReportDocument } from '../model/document.ts';
import type { CqcQualityStatement } from '../reference/types.ts';
import { readCqcQualityStatements } from '../reference/index.ts';
import { composeCommentary } from '../ingest/parsers/cqc-api-location/assessment.ts';
import {
  readField,
  readObjects,
  readText,
  type Json,
} from '../ingest/parsers/cqc-api-location/json-values.ts';
import type { LabelledExample } from './theme-evaluation.ts';
import { tagLabelledText, type TagOptions } from './tag-labelled-text.ts';

/** A labelled text whose quality statement the mapping lacks: not scored. */
export interface UnmappedLabel {
  file: string;
  where: string;
  statementId: string;
}

export interface CqcExamples {
  examples: LabelledExample[];
  unmapped: UnmappedLabel[];
}

function mappingOf(statements: readonly CqcQualityStatement[]): Map<string, CqcQualityStatement> {
  return new Map(statements.map((s) => [s.id, s]));
}

/** The quality-statement-labelled findings of classified documents, with their themes. */
export function labelCqcFindings(
  documents: readonly ReportDocument[],
  statements: readonly CqcQualityStatement[] = readCqcQualityStatements(),
  options: TagOptions = {},
): CqcExamples {
  const mapping = mappingOf(statements);
  const examples: LabelledExample[] = [];
  const unmapped: UnmappedLabel[] = [];
  for (const doc of documents) {
    for (const finding of doc.findings) {
      const label = finding.label;
      if (!label || label.source !== 'cqc-quality-statement') continue;
      const statement = mapping.get(label.id);
      if (!statement) {
        unmapped.push({ file: doc.source.fileName, where: finding.id, statementId: label.id });
        continue;
      }
      examples.push({
        family: doc.family,
        file: doc.source.fileName,
        where: finding.id,
        label: `${statement.id} ${statement.name}`,
        text: finding.text,
        gold: [...statement.themes],
        // As stored, unless asked for the rules alone: then tagged again as the pipeline would.
        predicted: options.rulesOnly
          ? tagLabelledText(
              finding.text,
              doc.family,
              doc.inspection.startDate,
              finding.section,
              options,
            )
          : finding.themes.map((t) => t.id),
      });
    }
  }
  return { examples, unmapped };
}

/**
 * Each evidence-category commentary of a CQC API location record, under its quality statement,
 * tagged as a finding of an assessment on `assessmentDate` would be.
 */
export function labelCqcCommentaries(
  record: Json,
  file: string,
  assessmentDate: string | null,
  statements: readonly CqcQualityStatement[] = readCqcQualityStatements(),
  options: TagOptions = {},
): CqcExamples {
  const mapping = mappingOf(statements);
  const examples: LabelledExample[] = [];
  const unmapped: UnmappedLabel[] = [];
  for (const assessment of readObjects(readField(record, 'assessment')))
    for (const group of readObjects(readField(assessment['ratings'], 'asgRatings')))
      for (const keyQuestion of readObjects(group['keyQuestionRatings']))
        for (const topic of readObjects(keyQuestion['topicareas'])) {
          const statementId = readText(topic['qualityStatementId']);
          if (!statementId) continue;
          for (const category of readObjects(topic['evidenceCategory'])) {
            const text = composeCommentary([readText(category['commentary'])]);
            if (!text) continue;
            const where = `statement ${statementId} evidence ${readText(category['evidenceCategoryId']) ?? '?'}`;
            const statement = mapping.get(statementId);
            if (!statement) {
              unmapped.push({ file, where, statementId });
              continue;
            }
            examples.push({
              family: 'cqc-api-location',
              file,
              where,
              label: `${statement.id} ${statement.name}`,
              text,
              gold: [...statement.themes],
              predicted: tagLabelledText(text, 'cqc-api-location', assessmentDate, null, options),
            });
          }
        }
  return { examples, unmapped };
}

/** A hand-labelled finding as compareGuideWithMapping reads it. */
export interface GuideLabelledText {
  source: string;
  text: string;
  themes: readonly string[];
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/**
 * The quality-statement findings that are in the hand-labelled set too (same report file, same
 * text), with the labelling guide's labels in place of the tagger's: how far a reader following
 * the guide agrees with the mapping. The guide labels every theme a commentary speaks of and
 * the mapping only its statement's, so this is about as high as a tagger that reads as the guide
 * says can score against the mapping.
 */
export function compareGuideWithMapping(
  examples: readonly LabelledExample[],
  labelled: readonly GuideLabelledText[],
): LabelledExample[] {
  return examples.flatMap((example) => {
    const row = labelled.find((r) => r.source === example.file && sameText(r.text, example.text));
    return row ? [{ ...example, predicted: [...row.themes] }] : [];
  });
}
