/**
 * Prints the text the ingester reads from a PDF, for debugging the PDF reader:
 * `npx tsx scripts/pdf-to-text.ts <file.pdf>`. Exit code 1 with the reason when it cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { readPdfText } from '../src/ingest/sources/pdf/pdf-to-text.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx scripts/pdf-to-text.ts <file.pdf>');
  process.exit(2);
}
const result = await readPdfText(await readFile(file));
if (result.ok) process.stdout.write(result.text);
else {
  console.error(`${file}: ${result.reason}`);
  process.exitCode = 1;
}
