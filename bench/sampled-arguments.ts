/**
 * `npx tsx bench/sampled-arguments.ts [options]`: every cross-report question asked with argument
 * sets a user might send, drawn with a fixed seed from the graph NEO4J_URI holds (its
 * regulations, legislation, regions, local authorities, providers, provider groups, themes,
 * findings, and date windows of random start and length, alone or two filters together), over
 * HTTP to the API server in a process of its own (bench/sampled-server-child.ts, no response
 * cache). Prints p50/p95/max per question over every request, the slowest argument sets, and how
 * many sets a summary answered (from the names of the queries each request sent). `--help` lists
 * the options. Nothing here asserts a time: it prints.
 */
import http from 'node:http';
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { PROJECT_ROOT, readConfig } from '../src/config.ts';
import { createDriver, type Connection } from '../src/db/driver.ts';
import { Database } from '../src/db/executor.ts';
import { findFreePort } from '../src/db/local-neo4j.ts';
import { runMigrations } from '../src/app/prepare-graph.ts';
import { describeRefresh } from '../src/graph/summaries/refresh-scheduler.ts';
import { refreshSummaries } from '../src/graph/summaries/refresh-summaries.ts';
import { postGraphql } from './post-graphql.ts';
import { startServerChild } from './server-child.ts';
import { formatMs, percentile } from './stats.ts';
import { drawArgumentSets, QUESTIONS, type ArgumentSet } from './sampled-argument-sets.ts';
import { drawFamilySets } from './sampled-families.ts';
import { readGraphPools } from './sampled-graph-pools.ts';

const HELP = `npx tsx bench/sampled-arguments.ts [options]

Asks every cross-report question with argument sets drawn from the graph at NEO4J_URI
(NEO4J_PASSWORD or NEO4J_PASSWORD_FILE), over HTTP to the API server started as a child
process, and prints p50/p95/max per question, the slowest sets and which sets a summary
answered. The graph is migrated and its stale summaries rebuilt first, as npm start would.

  --sets N        argument sets per question (default 50; set 0 is always the unfiltered question)
  --families N    also N sets of each shape family the general draw gives rarely or never
                  (bench/sampled-families.ts: windows off year or month boundaries with a year
                  split, rates and sorts, themeTrends by place, ...; default 3, 0 for none)
  --runs N        timed runs of each set, after one untimed warm-up run (default 3)
  --seed S        seed of the sample (default 1); the same seed and graph give the same sets
  --only A,B      only these questions (${QUESTIONS.join(', ')})
  --slowest N     how many of the slowest sets to list (default 15)
  --json FILE     also write every set's timings and path as JSON
  --compare DIR   also ask the server of another checkout of the project (e.g. a git worktree
                  of the commit before a change, with node_modules) the same sets, each run
                  alternating between the two, and print its tables too; its summaries must
                  be fresh (run this bench from DIR once first)
  --no-prepare    skip the migrations and the summary refresh (a read-only look at the graph)
  --help          this text

Example (tier M loaded with npm run ingest into /tmp/m-data, its Neo4j running):
  NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD_FILE=/tmp/m-data/neo4j-password \\
    npx tsx bench/sampled-arguments.ts --runs 3`;

const { values: args } = parseArgs({
  options: {
    sets: { type: 'string', default: '50' },
    families: { type: 'string', default: '3' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    slowest: { type: 'string', default: '15' },
    json: { type: 'string' },
    compare: { type: 'string' },
    'no-prepare': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

/** How a request was answered, from the names of the queries it sent. */
type AnswerPath =
  'summary' | 'summary+exact edges' | 'exact' | 'exact (summary stale)' | 'no summary';

/** The exact queries of the four questions that keep a summary, from any seek (src/graph/scope-seek.ts). */
const EXACT_QUERY =
  /^analytics\.(repeated-breaches|breach-counts|theme-cooccurrence|theme-trends)(\.seek-[a-z-]+)?$/;

function classifyPath(names: readonly string[]): AnswerPath {
  const summary = names.some((name) => name.includes('.summary'));
  const exact = names.some((name) => EXACT_QUERY.test(name));
  if (exact) return summary ? 'exact (summary stale)' : 'exact';
  if (summary)
    return names.includes('analytics.theme-trends.window') ? 'summary+exact edges' : 'summary';
  return 'no summary';
}

interface SetResult {
  set: ArgumentSet;
  samples: number[];
  paths: AnswerPath[];
}

/** Lines `queries: [...]` from the child, one per request, in request order. */
class QueryLines {
  private readonly lines: string[][] = [];
  private waiting: ((names: string[]) => void) | null = null;
  private buffer = '';

  take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 1);
      if (!line.startsWith('queries: ')) continue;
      const names = JSON.parse(line.slice('queries: '.length)) as string[];
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(names);
      } else this.lines.push(names);
    }
  }

  /** The next request's names (the line may arrive just after the response). */
  next(): Promise<string[]> {
    const ready = this.lines.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no queries line from the server')), 10_000);
      this.waiting = (names) => {
        clearTimeout(timer);
        resolve(names);
      };
    });
  }
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
  };
}

/** The path a set took in most of its runs (a summary going stale mid-run shows as mixed). */
function describePaths(paths: readonly AnswerPath[]): string {
  const distinct = [...new Set(paths)];
  return distinct.length === 1 ? distinct[0]! : `mixed: ${distinct.join(', ')}`;
}

async function main(): Promise<void> {
  if (args.help) {
    console.log(HELP);
    return;
  }
  const sets = Number(args.sets);
  const runs = Number(args.runs);
  const seed = Number(args.seed);
  const only = args.only ? args.only.split(',').map((name) => name.trim()) : [...QUESTIONS];
  for (const name of only)
    if (!(QUESTIONS as readonly string[]).includes(name))
      throw new Error(`--only: unknown question ${name} (one of ${QUESTIONS.join(', ')})`);
  const config = readConfig();
  if (config.neo4j.kind !== 'external')
    throw new Error(
      'set NEO4J_URI (and NEO4J_PASSWORD_FILE) to the Neo4j holding the graph to ask; see --help',
    );
  const connection = config.neo4j;
  const driver = createDriver(connection);
  const db = new Database(driver, connection.database, 600_000);
  const keepAlive = new http.Agent({ keepAlive: true });
  const started = Date.now();
  try {
    console.log(
      `sampled-arguments: ${sets} sets per question and ${args.families} per shape family, ${runs} timed runs each after 1 warm-up, seed ${seed}, ${os.cpus().length} cores, node ${process.version}, neo4j ${connection.uri}`,
    );
    if (!args['no-prepare']) {
      await runMigrations(db, { seedDir: null, log: () => {} });
      const refreshed = await refreshSummaries(db, { onlyStale: true });
      console.log(`summaries: ${describeRefresh(refreshed)}`);
    }
    const pools = await readGraphPools(driver, seed);
    console.log(`graph: ${pools.describe()}`);
    const drawn = [
      ...drawArgumentSets(pools, seed, sets),
      ...drawFamilySets(pools, seed, Number(args.families)),
    ].filter((set) => only.includes(set.question));

    const ours = await startSide(PROJECT_ROOT, connection);
    const other = args.compare ? await startSide(path.resolve(args.compare), connection) : null;
    const results: SetResult[] = [];
    const otherResults: SetResult[] = [];
    try {
      const ask = async (side: Side, set: ArgumentSet) => {
        const start = process.hrtime.bigint();
        await postGraphql(side.url, { query: set.graphql }, keepAlive);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        return { ms, path: classifyPath(await side.lines.next()) };
      };
      // Set by set, a question at a time, so the load average beside each question is its own.
      for (const question of only) {
        const load = loadAverage();
        const mine = drawn.filter((set) => set.question === question);
        for (const set of mine) {
          const sides = other ? [ours, other] : [ours];
          for (const side of sides) await ask(side, set);
          const result: SetResult = { set, samples: [], paths: [] };
          const otherResult: SetResult = { set, samples: [], paths: [] };
          for (let run = 0; run < runs; run += 1) {
            // With --compare, each run starts with the other side than the run before.
            for (const side of run % 2 === 0 ? sides : [...sides].reverse()) {
              const { ms, path: taken } = await ask(side, set);
              const into = side === ours ? result : otherResult;
              into.samples.push(ms);
              into.paths.push(taken);
            }
          }
          results.push(result);
          if (other) otherResults.push(otherResult);
        }
        const times = summarise(
          results.filter((r) => r.set.question === question).flatMap((r) => r.samples),
        );
        const theirs = other
          ? summarise(
              otherResults.filter((r) => r.set.question === question).flatMap((r) => r.samples),
            )
          : null;
        console.log(
          `  ${pad(question, 20)} p50 ${formatMs(times.p50)} ms, p95 ${formatMs(times.p95)} ms, max ${formatMs(times.max)} ms${theirs ? ` | --compare p50 ${formatMs(theirs.p50)} ms, p95 ${formatMs(theirs.p95)} ms, max ${formatMs(theirs.max)} ms` : ''} (load average before: ${load})`,
        );
      }
    } finally {
      await ours.stop();
      await other?.stop();
    }
    printTables(results, only);
    if (other) {
      console.log('');
      console.log(
        `The same sets asked of ${args.compare} (--compare), runs alternated with the above:`,
      );
      printTables(otherResults, only);
    }
    if (args.json)
      writeFileSync(
        args.json,
        JSON.stringify(
          results.map((r, k) => ({
            question: r.set.question,
            family: r.set.family ?? null,
            arguments: r.set.label,
            graphql: r.set.graphql,
            samplesMs: r.samples,
            paths: r.paths,
            ...(otherResults[k] && {
              compareSamplesMs: otherResults[k].samples,
              comparePaths: otherResults[k].paths,
            }),
          })),
          null,
          2,
        ),
      );
  } finally {
    keepAlive.destroy();
    await driver.close();
  }
  console.log(
    `sampled-arguments: done in ${((Date.now() - started) / 1000).toFixed(0)} s, load average now ${loadAverage()}`,
  );
}

interface Side {
  url: string;
  lines: QueryLines;
  stop(): Promise<void>;
}

/** The API server of the checkout at `root` (this one, or --compare's), in a process of its own. */
async function startSide(root: string, connection: Connection): Promise<Side> {
  const lines = new QueryLines();
  const port = await findFreePort();
  const child = await startServerChild(
    path.relative(PROJECT_ROOT, path.join(root, 'bench/sampled-server-child.ts')),
    connection,
    { PORT: String(port), HOST: '127.0.0.1' },
    /sampled-arguments server ready at/,
    (chunk) => lines.take(chunk),
  );
  return { url: `http://127.0.0.1:${port}/graphql`, lines, stop: child.stop };
}

function printTables(results: SetResult[], only: readonly string[]): void {
  console.log('');
  console.log(
    '| question | sets | requests | p50 ms | p95 ms | max ms | sets over 200 ms at p95 | answered by summary |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const question of only) {
    const mine = results.filter((r) => r.set.question === question);
    if (mine.length === 0) continue;
    const times = summarise(mine.flatMap((r) => r.samples));
    const slow = mine.filter((r) => summarise(r.samples).p95 > 200).length;
    const paths = mine.map((r) => describePaths(r.paths));
    const bySummary = paths.filter((p) => p.startsWith('summary')).length;
    const counted =
      mine[0]!.paths[0] === 'no summary' ? 'no summary' : `${bySummary}/${mine.length}`;
    console.log(
      `| ${question} | ${mine.length} | ${mine.length * mine[0]!.samples.length} | ${formatMs(times.p50)} | ${formatMs(times.p95)} | ${formatMs(times.max)} | ${slow} | ${counted} |`,
    );
  }
  const slowest = [...results]
    .sort((a, b) => summarise(b.samples).p50 - summarise(a.samples).p50)
    .slice(0, Number(args.slowest));
  console.log('');
  console.log('Slowest argument sets (by their p50):');
  console.log('| p50 ms | p95 ms | max ms | path | family | arguments |');
  console.log('|---|---|---|---|---|---|');
  for (const r of slowest) {
    const t = summarise(r.samples);
    console.log(
      `| ${formatMs(t.p50)} | ${formatMs(t.p95)} | ${formatMs(t.max)} | ${describePaths(r.paths)} | ${r.set.family ?? 'general'} | \`${r.set.label}\` |`,
    );
  }
  printFamilies(results);
  const over = results.filter((r) => summarise(r.samples).p95 > 200);
  console.log('');
  console.log(`Sets over 200 ms at p95: ${over.length}`);
  for (const r of over)
    console.log(
      `  p95 ${formatMs(summarise(r.samples).p95)} ms, ${describePaths(r.paths)}, ${r.set.family ?? 'general'}: \`${r.set.label}\``,
    );
  console.log('');
  const tally = new Map<string, number>();
  for (const r of results) {
    const key = `${r.set.question}: ${describePaths(r.paths)}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  console.log(
    `paths: ${[...tally.entries()].map(([key, count]) => `${key} ×${count}`).join('; ')}`,
  );
}

/** p50/p95/max per shape family (the general draw as one), in the order first asked. */
function printFamilies(results: SetResult[]): void {
  const families = new Map<string, SetResult[]>();
  for (const r of results) {
    const key = `${r.set.question}: ${r.set.family ?? 'general'}`;
    families.set(key, [...(families.get(key) ?? []), r]);
  }
  console.log('');
  console.log('| question: family | sets | p50 ms | p95 ms | max ms | sets over 200 ms at p95 |');
  console.log('|---|---|---|---|---|---|');
  for (const [key, mine] of families) {
    const t = summarise(mine.flatMap((r) => r.samples));
    const slow = mine.filter((r) => summarise(r.samples).p95 > 200).length;
    console.log(
      `| ${key} | ${mine.length} | ${formatMs(t.p50)} | ${formatMs(t.p95)} | ${formatMs(t.max)} | ${slow} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error('sampled-arguments failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
