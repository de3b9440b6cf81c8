/**
 * Fails when src/generated/ differs from what `npm run codegen` would write now: regenerates into
 * a scratch folder and compares file by file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const committed = path.resolve('src/generated');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'codegen-check-'));
try {
  const run = spawnSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], {
    env: { ...process.env, CODEGEN_OUT: scratch },
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const fresh = readdirSync(scratch).sort();
  const existing = existsSync(committed) ? readdirSync(committed).sort() : [];
  const stale = [...new Set([...fresh, ...existing])].filter((name) => {
    const a = path.join(scratch, name);
    const b = path.join(committed, name);
    return !existsSync(a) || !existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8');
  });
  if (stale.length > 0) {
    console.error(
      `src/generated is stale (${stale.join(', ')}): run \`npm run codegen\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log('src/generated matches schema/.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
