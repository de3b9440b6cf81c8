/**
 * `npm run eval -- <folder> [--ilacs-csv FILE] [--quiet]`: parses every report in a folder
 * through the real pipeline and prints, per family and overall, how completely the reports parse,
 * agreement with the ILACS history CSV (dates and every judgement grade) and theme agreement with
 * the CQC quality-statement labels, listing every disagreement with file, field and both values.
 * It measures and never fails on the figures: exit code 0 unless the folder cannot be read.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { formatCoverage, measureCoverage, type ParsedFile } from '../eval/coverage.ts';
import { compareWithIlacsHistory } from '../eval/ilacs-agreement.ts';
import { formatIlacsAgreement } from '../eval/ilacs-agreement-format.ts';
import { formatThemeAgreement } from '../eval/theme-agreement-format.ts';
import { measureThemeAgreement } from '../eval/theme-agreement.ts';
import type { ReportDocument } from '../model/document.ts';
import { buildReportDocument } from '../ingest/pipeline.ts';
import { listInputFiles, readSourceText } from '../ingest/sources/read-source.ts';

const USAGE = `Usage: npm run eval -- <folder> [--ilacs-csv FILE] [--quiet]

  --ilacs-csv FILE   ILACS history to compare with (default: <folder>/datasets/ofsted_csc_ilacs_history.csv
                     or <folder>/../datasets/ofsted_csc_ilacs_history.csv when present)
  --quiet            figures only, no list of disagreements`;

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
        quiet: { type: 'boolean', default: false },
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
  console.log(formatThemeAgreement(measureThemeAgreement(documents), { disagreements: !quiet }));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('eval failed:', error);
    process.exit(1);
  },
);
