/**
 * Time of a first `npm start` on a fresh data folder: from the command's start to "ready" (Neo4j
 * started, migrations, the seed load), to the first answer of a cross-report question, and to the
 * summaries' first refresh; then a second start on the same folder (nothing reloaded). Every
 * line the command prints, its progress lines on stderr included, is shown with the seconds
 * since the command started, so the stages of a slow start can be read off.
 *
 *   npx tsx bench/first-start.ts [--keep]           # the seed graph, in a temporary folder
 *   npx tsx bench/first-start.ts --data DIR         # a loaded folder (tier M, say), kept as it is
 *   npx tsx bench/first-start.ts --ask-after-warm   # ask once the app has warmed the questions
 *   npx tsx bench/first-start.ts --data DIR --before OTHER [--rounds N]
 *                                                   # second starts of OTHER's code and this one's, alternated
 *
 * The first question is asked the moment the command says it is ready, unless
 * `--ask-after-warm`: then once it says "questions warmed" (src/server/warm-questions.ts), as a
 * user arriving a few seconds later would. Either way the question's own time (asked to
 * answered) is printed beside the times since the command started.
 *
 * Runs `src/app/main.ts` as `npm start` does, on 127.0.0.1 with free ports and a temporary data
 * folder (removed afterwards unless --keep). With `--data DIR` both starts use that folder
 * (loaded beforehand, e.g. `npm run generate -- --locations 1000 --years 10 --seed 1 --out
 * /tmp/tier-m` then `NEO4J_DATA_DIR=/tmp/tier-m-data npm run ingest -- --quiet
 * /tmp/tier-m/reports`), the first start being the first after the ingest. Extra environment
 * (SEED_SYNTHETIC=false, say) is passed through. Prints the load average beside each figure:
 * on a shared machine compare starts taken together.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.ts';

interface StartTimes {
  readySeconds: number;
  firstAnswerSeconds: number;
  /** From asking the first question to its answer. */
  answerSeconds: number;
  refreshSeconds: number | null;
  warmedSeconds: number | null;
  /** Why the first question failed (a query timeout on a loaded machine), else null. */
  answerError: string | null;
  lines: string[];
}

const ASK_AFTER_WARM = process.argv.includes('--ask-after-warm');

const QUESTION = '{ breachCounts(groupBy: [REGULATION], first: 5) { totalCount } }';

async function askFirstAnswer(url: string): Promise<void> {
  const response = await fetch(new URL('graphql', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUESTION }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`question failed: ${JSON.stringify(body)}`);
}

/** `root`: the checkout whose `src/app/main.ts` runs (this one unless `--before`). */
function timeStart(dataDir: string, root = PROJECT_ROOT): Promise<StartTimes> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NEO4J_DATA_DIR: dataDir,
      NEO4J_LOCAL_PORT: '0',
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Progress lines ("[start 3.1 s] Neo4j: ...") and errors, timed as the bench sees them.
  let errorBuffer = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errorBuffer += chunk.toString('utf8');
    let newline: number;
    while ((newline = errorBuffer.indexOf('\n')) >= 0) {
      console.log(`  ${seconds().toFixed(1)} s  ${errorBuffer.slice(0, newline)}`);
      errorBuffer = errorBuffer.slice(newline + 1);
    }
  });
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let readySeconds = 0;
    let firstAnswerSeconds = 0;
    let askedSeconds = 0;
    let refreshSeconds: number | null = null;
    let warmedSeconds: number | null = null;
    let answerError: string | null = null;
    let serverUrl = '';
    let buffer = '';
    const ask = () => {
      askedSeconds = seconds();
      // A failed question (a timeout under load) is that start's result, not the bench's end:
      // in an alternated run the other starts still count.
      askFirstAnswer(serverUrl).then(
        () => {
          firstAnswerSeconds = seconds();
        },
        (error: unknown) => {
          answerError = (error instanceof Error ? error.message : String(error)).slice(0, 200);
          firstAnswerSeconds = seconds();
        },
      );
    };
    const finish = () => {
      child.kill('SIGINT');
      child.once('exit', () =>
        resolve({
          readySeconds,
          firstAnswerSeconds,
          answerSeconds: firstAnswerSeconds - askedSeconds,
          refreshSeconds,
          warmedSeconds,
          answerError,
          lines,
        }),
      );
    };
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        lines.push(`${seconds().toFixed(1)} s  ${line}`);
        console.log(`  ${lines.at(-1)}`);
        const ready = /is ready: explorer at (http:\/\/\S+?\/),/.exec(line);
        if (ready) {
          readySeconds = seconds();
          serverUrl = ready[1]!;
          if (!ASK_AFTER_WARM) ask();
        }
        if (/^summaries (refreshed|not refreshed)/.test(line)) refreshSeconds = seconds();
        if (/^questions (warmed|not warmed)/.test(line)) {
          warmedSeconds = seconds();
          if (ASK_AFTER_WARM) ask();
          // The first answer may still be on its way; wait for it before stopping.
          const wait = () => (firstAnswerSeconds > 0 ? finish() : setTimeout(wait, 50));
          wait();
        }
      }
    });
    child.once('exit', (code) => {
      if (readySeconds === 0)
        reject(new Error(`npm start exited with ${code}:\n${lines.join('\n')}`));
    });
  });
}

function readDataOption(): string | null {
  const at = process.argv.indexOf('--data');
  if (at === -1) return null;
  const dir = process.argv[at + 1];
  if (!dir) throw new Error('--data needs a folder (a loaded NEO4J_DATA_DIR)');
  return path.resolve(dir);
}

function readOption(name: string): string | null {
  const at = process.argv.indexOf(name);
  return at === -1 ? null : (process.argv[at + 1] ?? null);
}

function describeTimes(times: StartTimes): string {
  const failed = times.answerError ? `, FIRST QUESTION FAILED (${times.answerError})` : '';
  return `ready ${times.readySeconds.toFixed(1)} s, first answer ${times.firstAnswerSeconds.toFixed(1)} s (${(times.answerSeconds * 1000).toFixed(0)} ms after it was asked${ASK_AFTER_WARM ? ', once warmed' : ', at ready'}), summaries refreshed ${times.refreshSeconds?.toFixed(1) ?? '?'} s, questions warmed ${times.warmedSeconds?.toFixed(1) ?? '?'} s after the command started (load average ${loadavg()[0]!.toFixed(1)})${failed}`;
}

/**
 * `--before OTHER`: second starts on the `--data` folder, OTHER's code (a checkout of the code
 * before a change, with its node_modules and neo4j/target) and this one's in turn, the order
 * swapped every round, so a machine getting busier or quieter counts against both alike.
 */
async function compareStarts(before: string): Promise<void> {
  const dataDir = readDataOption();
  if (!dataDir) throw new Error('--before needs --data DIR (a loaded folder both start on)');
  const rounds = Number(readOption('--rounds') ?? '2');
  const sides = [
    { label: 'before', root: path.resolve(before) },
    { label: 'after', root: PROJECT_ROOT },
  ];
  for (let round = 0; round < rounds; round += 1) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      // A start that fails (a migration check timing out under load) is reported and the
      // alternation goes on.
      try {
        const times = await timeStart(dataDir, side.root);
        console.log(`start.${side.label} (round ${round + 1}): ${describeTimes(times)}`);
      } catch (error) {
        const reason = (error as Error).message.split('\n')[0];
        console.log(
          `start.${side.label} (round ${round + 1}): FAILED (${reason}; load average ${loadavg()[0]!.toFixed(1)})`,
        );
      }
    }
  }
}

async function main(): Promise<void> {
  const before = readOption('--before');
  if (before) return compareStarts(before);
  const given = readDataOption();
  const keep = given !== null || process.argv.includes('--keep');
  const dataDir = given ?? (await mkdtemp(path.join(tmpdir(), 'first-start-')));
  const graph = given ? `data folder ${given}` : 'seed graph';
  try {
    for (const run of ['first', 'second']) {
      const times = await timeStart(dataDir);
      console.log(`start.${run} (${graph}): ${describeTimes(times)}`);
    }
  } finally {
    if (given === null && keep) console.log(`data folder kept: ${dataDir}`);
    else if (given === null) await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
