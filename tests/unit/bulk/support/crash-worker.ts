/**
 * A worker for the pool tests: answers `{ n }` with `n * 2` (typed TypeScript, so it also
 * proves the tsx bootstrap), dies on `{ crash: 'throw' }` and exits on `{ crash: 'exit' }`.
 */
import { parentPort } from 'node:worker_threads';

type Task = { n: number; crash?: 'throw' | 'exit' };

parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
  if (task.crash === 'throw')
    setImmediate(() => {
      throw new Error(`worker blew up on ${task.n}`);
    });
  else if (task.crash === 'exit') process.exit(7);
  else parentPort!.postMessage({ id, outcome: { ok: true, value: task.n * 2 } });
});
