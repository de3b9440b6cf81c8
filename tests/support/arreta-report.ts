/**
 * The real Arreta Care report (tests/fixtures/corpus/cqc, 2023, overall Good, a first
 * inspection), and the same report as a service inspected before would print it: the CQC
 * template's "Rating at last inspection" sentence in place of its first-inspection sentence.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ARRETA_FILE = 'cqc_arreta-care-limited_2023-11-14.txt';
const FIRST_INSPECTION =
  'This service was registered with us on 5 March 2020 and this is the first inspection.';

export function readArretaText(): string {
  return readFileSync(
    path.resolve(import.meta.dirname, '../fixtures/corpus/cqc', ARRETA_FILE),
    'utf8',
  );
}

/** The report with `sentence` as its rating at the last inspection. */
export function arretaWithLastRating(sentence: string): string {
  const text = readArretaText();
  if (!text.includes(FIRST_INSPECTION)) throw new Error('the Arreta text has changed');
  return text.replace(FIRST_INSPECTION, sentence);
}
