/**
 * `npx tsx bench/context-size.ts DIR...`: what keeping the sentences for `source { context }`
 * adds to the store, measured on the documents the pipeline makes of the reports under DIR (no
 * database: the figures are the property bytes the loader writes). Prints, per run:
 * - the report text read (what keeping whole texts would cost),
 * - the item texts the graph already holds (findings, requirements, recommendations, enforcement),
 * - the kept sentences, each once per report (ReportSentences.sentences, UTF-8 bytes), and the
 *   windows (four integers per item, contextWindow),
 * - what storing each item's own neighbours (up to 3 each side, sentences repeated per item) would
 *   have cost instead, for comparison.
 */
import { buildReportDocument } from '../src/ingest/pipeline.ts';
import { readSideMeta } from '../src/load/ingest-files.ts';
import { listInputFiles, readSourceText } from '../src/ingest/sources/read-source.ts';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const MiB = (n: number) => `${(n / 1048576).toFixed(2)} MiB`;

const inputs = process.argv.slice(2);
if (inputs.length === 0) {
  console.error('usage: npx tsx bench/context-size.ts DIR...');
  process.exit(2);
}
const { files } = await listInputFiles(inputs);
const totals = { reports: 0, items: 0, text: 0, itemText: 0, kept: 0, windows: 0, perItem: 0 };
for (const file of files) {
  const source = await readSourceText(file);
  if (!source.ok || source.format === 'csv') continue;
  const side = await readSideMeta(file);
  const built = buildReportDocument({
    text: source.text,
    fileName: file,
    format: source.format,
    meta: 'meta' in side && side.meta ? side.meta : undefined,
  });
  if (!built.ok || !built.document.context) continue;
  const doc = built.document;
  const { sentences, windows } = doc.context!;
  totals.reports += 1;
  totals.text += bytes(source.text);
  const items = [...doc.findings, ...doc.requirements, ...doc.recommendations, ...doc.enforcement];
  totals.items += items.length;
  totals.itemText += items.reduce((sum, item) => sum + bytes(item.text), 0);
  totals.kept += sentences.reduce((sum, s) => sum + bytes(s), 0);
  // A list of four integers: Neo4j stores a small int array in a few bytes each; count 8 each.
  totals.windows += Object.keys(windows).length * 4 * 8;
  for (const [first, firstSelf, lastSelf, last] of Object.values(windows))
    for (let i = first; i <= last; i++)
      if (i < firstSelf || i > lastSelf) totals.perItem += bytes(sentences[i]!);
}
const added = totals.kept + totals.windows;
console.log(`context size: ${inputs.join(' ')}`);
console.log(`  reports ${totals.reports}, sourced items ${totals.items}`);
console.log(`  report text read           ${MiB(totals.text)}`);
console.log(`  item texts already stored  ${MiB(totals.itemText)}`);
console.log(
  `  added: kept sentences ${MiB(totals.kept)} + windows ${MiB(totals.windows)} = ${MiB(added)} (${((100 * added) / totals.text).toFixed(0)}% of the report text, ${((100 * added) / totals.itemText).toFixed(0)}% of the item texts)`,
);
console.log(
  `  neighbours stored per item instead: ${MiB(totals.perItem)} (${(totals.perItem / Math.max(1, totals.kept)).toFixed(1)}x the kept sentences)`,
);
