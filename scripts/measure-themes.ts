/**
 * How well the theme tagger agrees with CQC's own labels. In CQC API assessment records each
 * quality statement carries commentary; seed/reference/cqc-quality-statements.json maps each
 * statement to themes, so each commentary is a labelled example. Prints micro precision, recall
 * and F1 over (example, theme) pairs, the same per theme, and how often the strongest tag is one
 * of the labelled themes.
 *
 *   npx tsx scripts/measure-themes.ts [folder of CQC API JSON records] [--verbose]
 *
 * Precision here is a lower bound: a commentary on "Safe and effective staffing" that also
 * describes training in safeguarding is rightly tagged safeguarding too, and counts as wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tagThemes } from '../src/ingest/classify/tag-themes.ts';
import { readCqcQualityStatements } from '../src/reference/index.ts';

interface Example {
  source: string;
  statement: string;
  text: string;
  expected: Set<string>;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function field(value: Json | undefined, key: string): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
}

function list(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** assessment[].ratings.asgRatings[].keyQuestionRatings[].topicareas[] with commentary. */
function readExamples(folder: string): Example[] {
  const mapping = new Map(readCqcQualityStatements().map((s) => [s.id, s]));
  const examples: Example[] = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const record = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Json;
    for (const assessment of list(field(record, 'assessment'))) {
      for (const group of list(field(field(assessment, 'ratings'), 'asgRatings'))) {
        for (const keyQuestion of list(field(group, 'keyQuestionRatings'))) {
          for (const topic of list(field(keyQuestion, 'topicareas'))) {
            const commentary = list(field(topic, 'evidenceCategory')).map((e) => text(field(e, 'commentary')).trim()).filter(Boolean);
            if (commentary.length === 0) continue;
            const id = text(field(topic, 'qualityStatementId'));
            const statement = mapping.get(id);
            if (!statement) {
              console.warn(`${file}: quality statement ${id} (${text(field(topic, 'name'))}) is not mapped; skipped`);
              continue;
            }
            examples.push({ source: file, statement: `${id} ${statement.name}`, text: commentary.join('\n\n'), expected: new Set(statement.themes) });
          }
        }
      }
    }
  }
  return examples;
}

function add(counts: Map<string, Counts>, theme: string, key: keyof Counts): void {
  const c = counts.get(theme) ?? { tp: 0, fp: 0, fn: 0 };
  c[key] += 1;
  counts.set(theme, c);
}

function ratio(n: number, d: number): number {
  return d === 0 ? 0 : n / d;
}

function scores(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

function pct(n: number): string {
  return `${(100 * n).toFixed(1)}%`.padStart(6);
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const folder = args.find((a) => !a.startsWith('--')) ?? '/work/shared/corpus/reports/cqc-api';
  const examples = readExamples(folder);
  const perTheme = new Map<string, Counts>();
  let topHits = 0;
  for (const example of examples) {
    const tags = tagThemes(example.text);
    if (tags[0] && example.expected.has(tags[0].id)) topHits += 1;
    const predicted = new Set(tags.map((t) => t.id));
    for (const theme of predicted) add(perTheme, theme, example.expected.has(theme) ? 'tp' : 'fp');
    for (const theme of example.expected) if (!predicted.has(theme)) add(perTheme, theme, 'fn');
    if (verbose) {
      console.log(`\n${example.source} | ${example.statement} | expected ${[...example.expected].join(', ')}`);
      for (const tag of tags) console.log(`  ${example.expected.has(tag.id) ? '+' : '-'} ${tag.id}: ${tag.terms.join(', ')}`);
      for (const theme of example.expected) if (!predicted.has(theme)) console.log(`  missed ${theme}`);
    }
  }
  const total = [...perTheme.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  console.log(`\n${examples.length} labelled quality-statement commentaries from ${folder}\n`);
  console.log('theme                      tp  fp  fn  precision  recall      F1');
  for (const [theme, c] of [...perTheme.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const s = scores(c);
    console.log(`${theme.padEnd(25)} ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}     ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`);
  }
  const s = scores(total);
  console.log(`\nmicro: tp ${total.tp} fp ${total.fp} fn ${total.fn}  precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  console.log(`strongest tag is a labelled theme in ${topHits} of ${examples.length} (${pct(ratio(topHits, examples.length)).trim()})`);
}

main();
