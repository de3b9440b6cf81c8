/**
 * Time of a first `npm start` on a fresh data folder: from the command's start to "ready" (Neo4j
 * started, migrations, the seed load), to the first answer of a cross-report question, and to the
 * summaries' first refresh; then a second start on the same folder (nothing reloaded).
 *
 *   npx tsx bench/first-start.ts [--keep]      # prints one line per figure
 *
 * Runs `src/app/main.ts` as `npm start` does, on 127.0.0.1 with free ports and a temporary data
 * folder (removed afterwards unless --keep). Extra environment (SEED_SYNTHETIC=false, say) is
 * passed through.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.ts';

interface StartTimes {
  readySeconds: number;
  firstAnswerSeconds: number;
  refreshSeconds: number | null;
  lines: string[];
}

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

function timeStart(dataDir: string): Promise<StartTimes> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_DATA_DIR: dataDir,
      NEO4J_LOCAL_PORT: '0',
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let readySeconds = 0;
    let firstAnswerSeconds = 0;
    let buffer = '';
    const finish = (refreshSeconds: number | null) => {
      child.kill('SIGINT');
      child.once('exit', () =>
        resolve({ readySeconds, firstAnswerSeconds, refreshSeconds, lines }),
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
          askFirstAnswer(ready[1]!).then(() => {
            firstAnswerSeconds = seconds();
          }, reject);
        }
        if (/^summaries (refreshed|not refreshed)/.test(line)) {
          // The first answer may still be on its way; wait for it before stopping.
          const wait = () => (firstAnswerSeconds > 0 ? finish(seconds()) : setTimeout(wait, 50));
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

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'first-start-'));
  try {
    for (const run of ['first', 'second']) {
      const times = await timeStart(dataDir);
      console.log(
        `start.${run}: ready ${times.readySeconds.toFixed(1)} s, first answer ${times.firstAnswerSeconds.toFixed(1)} s, summaries refreshed ${times.refreshSeconds?.toFixed(1) ?? '?'} s after the command started`,
      );
    }
  } finally {
    if (keep) console.log(`data folder kept: ${dataDir}`);
    else await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
