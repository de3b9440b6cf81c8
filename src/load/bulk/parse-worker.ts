/** Worker-thread entry of the parse pool: one ParseTask at a time, answered by id. */
import { parentPort } from 'node:worker_threads';
import { runParseTask, type ParseTask } from './parse-task.ts';

parentPort!.on('message', (message: { id: number; task: ParseTask }) => {
  void runParseTask(message.task).then((outcome) =>
    parentPort!.postMessage({ id: message.id, outcome }),
  );
});
