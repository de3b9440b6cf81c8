/**
 * Writes the golden theme answers (tests/golden/answers/themes/) of the seeds and fixtures from
 * a reader's labels, not from the tagger: each finding the pipeline splits out of those reports
 * gets the themes `tests/golden/themes/findings.jsonl` gives it (a finding missing there takes
 * the label of a labelled finding with the same text, which only Ofsted's standard headline
 * sentences need), and the answers are plain counts over those labels.
 *
 * Usage: npx tsx scripts/derive-theme-answers.ts (after a label changes; the golden test fails
 * until the files agree with the labels again)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildThemeAnswers,
  GOLDEN_THEME_DIR,
  type GoldenThemeAnswer,
} from '../tests/golden/theme-answers.ts';

function serialise(answer: GoldenThemeAnswer): string {
  const rows = answer.rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  const { rows: _rows, file: _file, ...head } = answer;
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${headJson},\n  "rows": [\n${rows}\n  ]\n}\n`;
}

for (const answer of buildThemeAnswers()) {
  const file = path.join(GOLDEN_THEME_DIR, answer.file);
  writeFileSync(file, serialise(answer));
  console.log(`${path.relative(process.cwd(), file)}: ${answer.rows.length} rows`);
}
