/**
 * Parses uploaded reports (the ingestReport mutation) in a worker thread, so a large or hostile
 * upload neither stalls the server's event loop (20 MB of text held it 3.8 s) nor can exhaust
 * its heap: the worker has its own heap limit, and a worker that dies fails only its upload. The
 * worker starts with the first upload and is stopped with the server.
 */
import { ParseRunner } from '../load/bulk/parse-runner.ts';
import type { ParseOutcome, ParseTask } from '../load/bulk/parse-task.ts';

export class UploadParser {
  #runner: ParseRunner | null = null;
  #closed = false;

  parse(task: ParseTask): Promise<ParseOutcome> {
    if (this.#closed) return Promise.resolve({ ok: false, message: 'the server is stopping' });
    // One worker: uploads are rare, and more would only compete for the API's cores.
    this.#runner ??= new ParseRunner(1);
    return this.#runner.run(task);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#runner?.close();
  }
}
