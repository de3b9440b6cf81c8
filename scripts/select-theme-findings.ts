/**
 * Chooses the findings of the hand-labelled theme set (tests/golden/themes/) from report files,
 * by the rule in src/eval/theme-sample.ts, and prints them as JSON Lines without labels:
 *
 *   npx tsx scripts/select-theme-findings.ts [--check FILE] [--out FILE] [--second-pass FILE] INPUT...
 *
 * INPUT: report files or folders, as for `npm run ingest` (the set was drawn from the shared
 * corpus's report texts, seeds, CQC API records and PDFs, and the children's-home fixtures: see
 * tests/golden/themes/README.md for the exact command). Each file is parsed with `parseReport`
 * only: no tagger runs, so the selection never sees a theme. The development-only stratum's
 * reports (`chooseExtraReports`) follow the first choice; their rows are all `dev`. `--check FILE` compares a labelled
 * set with the selection (same ids, texts, lines, sections and splits) and exits 1 on any
 * difference. `--second-pass FILE` writes the draw for the second labelling pass: id, family,
 * section and text only, no labels.
 * A summary of the reports taken and skipped goes to stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseReport } from '../src/ingest/parsers/index.ts';
import { listInputFiles, readSourceText } from '../src/ingest/sources/read-source.ts';
import { sha256Hex } from '../src/ingest/text/hash.ts';
import {
  assignSplits,
  chooseExtraReports,
  chooseReports,
  drawSecondPass,
  groupOf,
  selectFindings,
  type ParsedReport,
  type SampledFinding,
  type Split,
} from '../src/eval/theme-sample.ts';

type SelectedRow = SampledFinding & { split: Split };

async function parseInputs(inputs: readonly string[]): Promise<ParsedReport[]> {
  const { files, problems } = await listInputFiles(inputs);
  for (const p of problems) console.error(`skip ${p.file}: ${p.reason}`);
  const reports: ParsedReport[] = [];
  for (const file of files) {
    const source = await readSourceText(file);
    if (!source.ok) {
      console.error(`skip ${file}: ${source.reason}`);
      continue;
    }
    const fileName = path.basename(file);
    const parsed = parseReport({
      text: source.text,
      source: { fileName, sha256: sha256Hex(source.text), format: source.format },
    });
    if (!parsed.ok) {
      console.error(`skip ${file}: ${parsed.message}`);
      continue;
    }
    reports.push({ source: fileName, format: source.format, document: parsed.document });
  }
  return reports;
}

/** Differences between a labelled set and the selection, one line each. */
function compareWithSet(selected: readonly SelectedRow[], setFile: string): string[] {
  const rows = readFileSync(setFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SelectedRow);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const wanted = new Map(selected.map((s) => [s.id, s]));
  const problems: string[] = [];
  for (const s of selected) {
    const row = byId.get(s.id);
    if (!row) problems.push(`${s.id} (${s.source} line ${s.line}) selected but not in the set`);
    else
      for (const field of [
        'text',
        'line',
        'section',
        'source',
        'group',
        'family',
        'split',
      ] as const)
        if (row[field] !== s[field]) problems.push(`${s.id}: ${field} differs`);
  }
  for (const r of rows)
    if (!wanted.has(r.id)) problems.push(`${r.id} (${r.source} line ${r.line}) not selected`);
  return problems;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      check: { type: 'string' },
      out: { type: 'string' },
      'second-pass': { type: 'string' },
    },
  });
  const reports = await parseInputs(positionals);
  const first = chooseReports(reports);
  const extra = chooseExtraReports(reports, first.taken);
  const taken = [...first.taken, ...extra.taken];
  const skipped = [...first.skipped, ...extra.skipped];
  const { findings: sampled, repeatedTexts } = selectFindings(first.taken, extra.taken);
  const splits = assignSplits(sampled);
  const findings: SelectedRow[] = sampled.map((f) => ({ ...f, split: splits.get(f.id)! }));
  for (const s of skipped) console.error(`not taken ${s.source}: ${s.reason}`);
  for (const r of taken) {
    const n = findings.filter((f) => f.source === r.source).length;
    const stratum = extra.taken.includes(r) ? ' [dev-extra]' : '';
    console.error(
      `taken ${groupOf(r.document).padEnd(21)} ${r.source} (${r.document.findings.length} findings, ${n} selected)${stratum}`,
    );
  }
  console.error(
    `${findings.length} findings from ${taken.length} reports (${repeatedTexts} repeated texts left out)`,
  );
  if (values.check) {
    const problems = compareWithSet(findings, values.check);
    for (const p of problems) console.error(p);
    console.error(
      problems.length === 0
        ? `${values.check} matches the selection`
        : `${problems.length} differences`,
    );
    return problems.length === 0 ? 0 : 1;
  }
  const secondPassFile = values['second-pass'];
  if (secondPassFile) {
    const byId = new Map(findings.map((f) => [f.id, f]));
    // In draw order (group by group, seeded within), not report order, so neighbours in the
    // file do not lend each other context.
    const rows = drawSecondPass(findings).map((id) => {
      const { family, section, text } = byId.get(id)!;
      return JSON.stringify({ id, family, section, text });
    });
    writeFileSync(secondPassFile, rows.join('\n') + '\n');
    console.error(`${rows.length} findings for the second pass in ${secondPassFile}`);
  }
  const lines = findings.map((f) => JSON.stringify(f)).join('\n') + '\n';
  if (values.out) writeFileSync(values.out, lines);
  else process.stdout.write(lines);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('select-theme-findings failed:', error);
    process.exit(1);
  },
);
