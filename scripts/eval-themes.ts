/**
 * Theme agreement with the CQC's quality-statement labels, over every report in a folder:
 *
 *   npx tsx scripts/eval-themes.ts <folder> [--by-file] [--quiet]
 *
 * Each .json / .txt file goes through the ingest pipeline (parse → classify) exactly as
 * `npm run ingest` would; findings labelled with a quality statement are scored against the
 * themes seed/reference/cqc-quality-statements.json maps the statement to (see
 * src/eval/theme-agreement.ts). `--by-file` adds each file's own figures, `--quiet` leaves out the
 * list of disagreements. Exit code 0 whatever the figures: this measures, it does not gate.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ReportDocument, SourceFormat } from '../src/ingest/document.ts';
import { buildReportDocument } from '../src/ingest/pipeline.ts';
import { formatThemeAgreement } from '../src/eval/theme-agreement-format.ts';
import { measureThemeAgreement } from '../src/eval/theme-agreement.ts';

const FORMATS: Readonly<Record<string, SourceFormat>> = { '.json': 'json', '.txt': 'txt' };

function listFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) return listFiles(full);
      return FORMATS[path.extname(name).toLowerCase()] && !name.endsWith('.meta.json') ? [full] : [];
    });
}

function readDocuments(folder: string): ReportDocument[] {
  const documents: ReportDocument[] = [];
  for (const file of listFiles(folder)) {
    const format = FORMATS[path.extname(file).toLowerCase()]!;
    const result = buildReportDocument({ text: readFileSync(file, 'utf8'), fileName: path.basename(file), format });
    if (result.ok) documents.push(result.document);
    else console.warn(`skipped ${result.message}`);
  }
  return documents;
}

function main(): void {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--'));
  if (!folder) {
    console.error('usage: npx tsx scripts/eval-themes.ts <folder> [--by-file] [--quiet]');
    process.exitCode = 2;
    return;
  }
  const documents = readDocuments(folder);
  const result = measureThemeAgreement(documents);
  console.log(formatThemeAgreement(result, { disagreements: !args.includes('--quiet') }));
  if (args.includes('--by-file')) {
    console.log('\nper file:');
    for (const doc of documents) {
      const one = measureThemeAgreement([doc]);
      if (one.examples === 0) continue;
      const m = one.micro;
      console.log(`${doc.source.fileName}: ${one.examples} findings  P ${m.precision.toFixed(2)}  R ${m.recall.toFixed(2)}  F1 ${m.f1.toFixed(2)}`);
    }
  }
}

main();
