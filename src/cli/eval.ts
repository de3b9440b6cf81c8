/**
 * `npm run eval -- --answers DIR`: the answer audit (src/app/audit/): a generated corpus loaded
 * into a scratch graph, every cross-report question asked over HTTP and compared with the answer
 * computed from its ground truth; exit code 1 when any figure is below 1.
 *
 * `npm run eval -- --agreement [--labels FILE] [--second-pass FILE] [--quiet]`: agreement between
 * the hand-labelled findings and the independent second labelling pass on 100 of them (per theme
 * Cohen's kappa and positive agreement, micro-F1 of one pass against the other, exact-set share,
 * bootstrap intervals, every finding labelled differently). No folder, no tagger.
 *
 * `npm run eval -- <folder> [--ilacs-csv FILE] [--labels FILE] [--quiet]`: parses every report
 * in a folder through the real pipeline and prints, per family and overall, how completely the
 * reports parse, agreement with the ILACS history CSV (dates and every judgement grade), and the
 * theme tagger scored against three labelled sets: the CQC quality-statement findings and
 * evidence-category commentaries of the folder's CQC API records, and the hand-labelled findings
 * of tests/golden/themes (development and test parts apart). Every disagreement is listed with
 * file, field and both values, except the test part's: the tagger is never tuned on it, so only
 * its figures are shown. It measures and never fails on the figures: exit code 0 unless the
 * folder cannot be read.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { formatCoverage, measureCoverage, type ParsedFile } from '../eval/coverage.ts';
import { compareWithIlacsHistory } from '../eval/ilacs-agreement.ts';
import { formatIlacsAgreement } from '../eval/ilacs-agreement-format.ts';
import { DEFAULT_BOOTSTRAP } from '../eval/bootstrap.ts';
import {
  compareGuideWithMapping,
  labelCqcCommentaries,
  labelCqcFindings,
  type UnmappedLabel,
} from '../eval/cqc-labels.ts';
import { readLabelledFindings, readPassLabels, tagLabelledFindings } from '../eval/theme-labels.ts';
import { measureLabelAgreement, pairLabelPasses } from '../eval/label-agreement.ts';
import { formatLabelAgreement } from '../eval/label-agreement-format.ts';
import type { TagOptions } from '../eval/tag-labelled-text.ts';
import { formatLabelledSet } from '../eval/theme-evaluation-format.ts';
import { evaluateByFamily, type LabelledExample } from '../eval/theme-evaluation.ts';
import { PROJECT_ROOT, readConfig } from '../config.ts';
import { readThemeTaxonomy } from '../reference/index.ts';
import { auditAnswers } from '../app/audit/audit-answers.ts';
import { openScratchGraph } from '../app/audit/scratch-graph.ts';
import { formatAuditResults, isResultPassing } from '../eval/answers/audit-report.ts';
import type { ReportDocument } from '../model/document.ts';
import { parseJsonText } from '../ingest/parsers/cqc-api-location/json-values.ts';
import { buildReportDocument } from '../ingest/pipeline.ts';
import { listInputFiles, readSourceText } from '../ingest/sources/read-source.ts';

const DEFAULT_LABELS = path.join(PROJECT_ROOT, 'tests/golden/themes/findings.jsonl');
const DEFAULT_SECOND_PASS = path.join(PROJECT_ROOT, 'tests/golden/themes/second-pass.jsonl');

const USAGE = `Usage: npm run eval -- <folder> [--ilacs-csv FILE] [--labels FILE] [--rules-only] [--quiet]
       npm run eval -- --answers DIR [--quiet]
       npm run eval -- --agreement [--labels FILE] [--second-pass FILE] [--quiet]

  --answers DIR      audit the API's cross-report answers on a generated corpus (the --out of
                     npm run generate): load it into a scratch Neo4j (a fresh local one, or the
                     database at NEO4J_URI, which is EMPTIED), ask every question over HTTP and
                     compare with ground-truth.jsonl; exit 1 when any figure is below 1

  --agreement        agreement between the hand-labelled findings (--labels) and the second
                     labelling pass on 100 of them: per theme Cohen's kappa and positive
                     agreement, micro-F1 of one pass against the other, exact-set share, with
                     bootstrap intervals, and every finding labelled differently
  --second-pass FILE the second pass, JSON Lines of id, themes, boilerplate
                     (default: tests/golden/themes/second-pass.jsonl)

  --ilacs-csv FILE   ILACS history to compare with (default: <folder>/datasets/ofsted_csc_ilacs_history.csv
                     or <folder>/../datasets/ofsted_csc_ilacs_history.csv when present)
  --labels FILE      hand-labelled findings, JSON Lines with a dev/test split
                     (default: tests/golden/themes/findings.jsonl)
  --rules-only       tag with the rules alone, without the learned model (seed/reference/theme-model.json)
  --quiet            figures only, no list of disagreements`;

async function runLabelAgreement(
  labelsFile: string,
  secondPassFile: string,
  quiet: boolean,
): Promise<number> {
  const first = readLabelledFindings(await readFile(labelsFile, 'utf8'));
  const second = readPassLabels(await readFile(secondPassFile, 'utf8'));
  const themeOrder = readThemeTaxonomy().themes.map((t) => t.id);
  const agreement = measureLabelAgreement(pairLabelPasses(first, second), themeOrder);
  const title = `Agreement of ${path.relative(process.cwd(), secondPassFile)} (second) with ${path.relative(process.cwd(), labelsFile)} (first): bootstrap ${DEFAULT_BOOTSTRAP.level * 100}% intervals from ${DEFAULT_BOOTSTRAP.resamples} resamples of the findings (seed ${DEFAULT_BOOTSTRAP.seed})`;
  console.log(formatLabelAgreement(title, agreement, { disagreements: !quiet }));
  return 0;
}

/** Disagreements listed per audited request (all of them are counted in the figures). */
const DISAGREEMENTS_SHOWN = 5;

async function runAnswerAudit(corpusDir: string, quiet: boolean): Promise<number> {
  const log = (line: string) => console.error(line);
  const graph = await openScratchGraph(readConfig(), log);
  try {
    const results = await auditAnswers({ db: graph.db, corpusDir, log });
    console.log(
      formatAuditResults(results, { disagreementsShown: quiet ? 0 : DISAGREEMENTS_SHOWN }),
    );
    return results.every(isResultPassing) ? 0 : 1;
  } finally {
    await graph.close();
  }
}

function findIlacsCsv(folder: string, given: string | undefined): string | null {
  if (given) return given;
  const candidates = [
    path.join(folder, 'datasets/ofsted_csc_ilacs_history.csv'),
    path.join(folder, '../datasets/ofsted_csc_ilacs_history.csv'),
    path.join(folder, '../../datasets/ofsted_csc_ilacs_history.csv'),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

async function parseFolder(folder: string): Promise<ParsedFile[]> {
  const { files, problems } = await listInputFiles([folder]);
  const parsed: ParsedFile[] = problems.map((p) => ({
    file: p.file,
    document: null,
    reason: p.reason,
  }));
  const bar =
    process.stderr.isTTY && files.length > 1
      ? new SingleBar(
          {
            format: 'eval [{bar}] {value}/{total} files | ETA {eta_formatted}',
            stream: process.stderr,
          },
          Presets.shades_classic,
        )
      : null;
  bar?.start(files.length, 0);
  for (const file of files) {
    const source = await readSourceText(file);
    if (!source.ok) {
      parsed.push({ file, document: null, reason: source.reason });
    } else {
      const result = buildReportDocument({
        text: source.text,
        fileName: path.basename(file),
        format: source.format,
      });
      parsed.push(
        result.ok
          ? { file, document: result.document, reason: null }
          : { file, document: null, reason: result.message },
      );
    }
    bar?.increment();
  }
  bar?.stop();
  return parsed;
}

async function main(): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        'ilacs-csv': { type: 'string' },
        labels: { type: 'string' },
        answers: { type: 'string' },
        agreement: { type: 'boolean', default: false },
        'second-pass': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'rules-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`eval: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.answers !== undefined) {
    if (positionals.length > 0) {
      console.error(`eval: --answers takes the corpus folder, no other folder\n\n${USAGE}`);
      return 2;
    }
    return runAnswerAudit(values.answers, values.quiet ?? false);
  }
  if (values.agreement) {
    if (positionals.length > 0) {
      console.error(`eval: --agreement reads the label files, no folder\n\n${USAGE}`);
      return 2;
    }
    return runLabelAgreement(
      values.labels ?? DEFAULT_LABELS,
      values['second-pass'] ?? DEFAULT_SECOND_PASS,
      values.quiet ?? false,
    );
  }
  const folder = positionals[0];
  if (!folder || positionals.length > 1) {
    console.error(`eval: give exactly one folder\n\n${USAGE}`);
    return 2;
  }
  const quiet = values.quiet ?? false;
  const parsed = await parseFolder(folder);
  const documents = parsed.flatMap((p): ReportDocument[] => (p.document ? [p.document] : []));
  console.log(`${parsed.length} files, ${documents.length} documents`);
  console.log('');
  console.log(formatCoverage(measureCoverage(parsed)));
  console.log('');
  const csv = findIlacsCsv(folder, values['ilacs-csv']);
  if (csv)
    console.log(
      formatIlacsAgreement(compareWithIlacsHistory(documents, await readFile(csv, 'utf8')), {
        disagreements: !quiet,
      }),
    );
  else
    console.log('ILACS agreement: no ofsted_csc_ilacs_history.csv found (give --ilacs-csv FILE)');
  console.log('');
  console.log(
    `Theme tagging against labels: bootstrap ${DEFAULT_BOOTSTRAP.level * 100}% intervals from ${DEFAULT_BOOTSTRAP.resamples} resamples of the examples (seed ${DEFAULT_BOOTSTRAP.seed})`,
  );
  const tagOptions = { rulesOnly: values['rules-only'] ?? false };
  if (tagOptions.rulesOnly) console.log('Tagged with the rules alone (--rules-only)');
  for (const set of await labelledSets(parsed, values.labels ?? DEFAULT_LABELS, tagOptions)) {
    console.log('');
    console.log(
      formatLabelledSet(
        { ...set, evaluations: evaluateByFamily(set.examples) },
        { disagreements: !quiet && set.disagreements },
      ),
    );
  }
  return 0;
}

interface LabelledSet {
  title: string;
  examples: LabelledExample[];
  notes: string[];
  /** False for a set whose disagreements must not be read (the test part). */
  disagreements: boolean;
}

function unmappedNotes(unmapped: readonly UnmappedLabel[]): string[] {
  return unmapped.length === 0
    ? []
    : [
        `not scored (quality statement not in the mapping): ${unmapped.map((u) => `${u.file} ${u.where} (${u.statementId})`).join('; ')}`,
      ];
}

async function labelledSets(
  parsed: readonly ParsedFile[],
  labelsFile: string,
  options: TagOptions,
): Promise<LabelledSet[]> {
  const documents = parsed.flatMap((p): ReportDocument[] => (p.document ? [p.document] : []));
  const findings = labelCqcFindings(documents, undefined, options);
  const commentaries: LabelledExample[] = [];
  const unmappedCommentaries: UnmappedLabel[] = [];
  for (const { file, document } of parsed) {
    if (document?.family !== 'cqc-api-location') continue;
    const json = parseJsonText(await readFile(file, 'utf8'));
    if (!json.ok) continue;
    const found = labelCqcCommentaries(
      json.value,
      path.basename(file),
      document.inspection.startDate,
      undefined,
      options,
    );
    commentaries.push(...found.examples);
    unmappedCommentaries.push(...found.unmapped);
  }
  const sets: LabelledSet[] = [
    {
      title: 'CQC quality-statement findings (as stored: one per statement)',
      examples: findings.examples,
      notes: unmappedNotes(findings.unmapped),
      disagreements: true,
    },
    {
      title: 'CQC evidence-category commentaries (each under its quality statement)',
      examples: commentaries,
      notes: unmappedNotes(unmappedCommentaries),
      disagreements: true,
    },
  ];
  if (existsSync(labelsFile)) {
    const rows = readLabelledFindings(await readFile(labelsFile, 'utf8'));
    const where = path.relative(process.cwd(), labelsFile);
    const dev = rows.filter((r) => r.split === 'dev');
    sets.push(
      {
        // Not the tagger: the ceiling of the first set for a tagger that reads as the guide does.
        title: `CQC quality-statement findings of the hand-labelled development part: the labelling guide's labels (not the tagger's) against the mapping`,
        examples: compareGuideWithMapping(findings.examples, dev),
        notes: [],
        disagreements: false,
      },
      {
        title: `Hand-labelled findings, development part (${where})`,
        examples: tagLabelledFindings(dev, options),
        notes: [],
        disagreements: true,
      },
      {
        title: `Hand-labelled findings, test part (${where}; disagreements not listed: never tune on it)`,
        examples: tagLabelledFindings(
          rows.filter((r) => r.split === 'test'),
          options,
        ),
        notes: [],
        disagreements: false,
      },
    );
  } else console.log(`no labelled findings at ${labelsFile} (give --labels FILE)`);
  return sets;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('eval failed:', error);
    process.exit(1);
  },
);
