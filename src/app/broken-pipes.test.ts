import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A child that handles errors and signals as `npm start` does (src/app/main.ts: an unexpected
 * error is reported on stderr and shuts down with code 1, SIGINT with code 0) and logs a line every
 * few ms loses both pipes, then gets SIGINT: it must still be running and exit with 0. Without
 * ignoreBrokenPipes the first write to the closed pipe is an unexpected error (EPIPE), and the
 * child shuts down with 1 on its own (main.ts then hung in that shutdown, deaf to SIGINT).
 */
const CHILD = `
  import { ignoreBrokenPipes } from ${JSON.stringify(fileURLToPath(new URL('./broken-pipes.ts', import.meta.url)))};
  ignoreBrokenPipes();
  let stopping = false;
  const shutdown = (code) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(code), 20);
  };
  process.on('uncaughtException', (error) => {
    console.error('Unexpected error, shutting down:', error);
    shutdown(1);
  });
  process.on('SIGINT', () => shutdown(0));
  setInterval(() => console.log('still running'), 5);
`;

describe('ignoreBrokenPipes', () => {
  it('lets a command whose output pipes closed stop on SIGINT', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    child.stderr.destroy();
    // Long enough for many writes to meet the closed pipe.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  }, 30_000);
});
