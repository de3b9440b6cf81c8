/**
 * `npx tsx scripts/eval-ilacs.ts <folder> [--csv FILE] [--quiet]`: parses every report file in a
 * folder (.pdf through the PDF reader, .txt as is), compares the LA children's services documents
 * with the ILACS history CSV, and reports how many LA reports of each family give a location,
 * dates and findings. Exit code 0 unless the folder cannot be read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareWithIlacsHistory } from '../src/eval/ilacs-agreement.ts';
import { formatIlacsAgreement } from '../src/eval/ilacs-agreement-format.ts';
import { formatCompleteness, measureCompleteness } from '../src/eval/ilacs-completeness.ts';
import type { ReportDocument } from '../src/ingest/document.ts';
import { parseReport } from '../src/ingest/parsers/index.ts';
import { listInputFiles, readSourceText } from '../src/ingest/sources/read-source.ts';
import { sha256Hex } from '../src/ingest/text/hash.ts';

const DEFAULT_CSV = '/work/shared/corpus/datasets/ofsted_csc_ilacs_history.csv';

function readArgs(argv: readonly string[]): { folder: string | null; csv: string; quiet: boolean } {
  let folder: string | null = null;
  let csv = DEFAULT_CSV;
  let quiet = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--csv') csv = argv[++i] ?? csv;
    else if (arg === '--quiet') quiet = true;
    else folder = arg;
  }
  return { folder, csv, quiet };
}

async function main(): Promise<number> {
  const { folder, csv, quiet } = readArgs(process.argv.slice(2));
  if (!folder) {
    console.error('usage: npx tsx scripts/eval-ilacs.ts <folder> [--csv FILE] [--quiet]');
    return 2;
  }
  const { files, problems } = await listInputFiles([folder]);
  for (const p of problems) console.error(`${p.file}: ${p.reason}`);
  if (files.length === 0) return problems.length > 0 ? 1 : 0;

  const documents: ReportDocument[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const source = await readSourceText(file);
    if (!source.ok) {
      skipped.push(`${path.basename(file)}: ${source.reason}`);
      continue;
    }
    const parsed = parseReport({ text: source.text, source: { fileName: path.basename(file), sha256: sha256Hex(source.text), format: source.format } });
    if (parsed.ok) documents.push(parsed.document);
    else skipped.push(`${path.basename(file)}: ${parsed.message}`);
  }
  console.log(`${files.length} files, ${documents.length} parsed, ${skipped.length} not parsed`);
  if (!quiet) for (const s of skipped) console.log(`  not parsed: ${s}`);
  console.log('');
  console.log(formatCompleteness(measureCompleteness(documents)));
  console.log('');
  console.log(formatIlacsAgreement(compareWithIlacsHistory(documents, await readFile(csv, 'utf8')), { disagreements: !quiet }));
  return 0;
}

process.exitCode = await main();
