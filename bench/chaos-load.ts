/**
 * The ordinary query load of the chaos run, in a process of its own (`fork`ed by bench/chaos.ts):
 * its event loop is then not held up while the run builds and sends 25 MB hostile bodies, so
 * the latencies it records are the server's. A few clients, each asking the next question of
 * the mix as soon as its last answer came, until told to stop; then it sends every request's
 * record back and exits.
 */
import http from 'node:http';

export interface LoadRequest {
  name: string;
  body: string;
}

export interface LoadSettings {
  url: string;
  clients: number;
  requests: LoadRequest[];
  /** A request still unanswered after this long is recorded as failed. */
  timeoutMs: number;
}

export interface LoadRecord {
  name: string;
  /** Wall-clock ms (Date.now()), comparable with the parent's marks. */
  start: number;
  end: number;
  ok: boolean;
  /** `ok`, an error code, an HTTP status or a connection error. */
  outcome: string;
}

const agent = new http.Agent({ keepAlive: true });

function ask(settings: LoadSettings, request: LoadRequest): Promise<LoadRecord> {
  const start = Date.now();
  const done = (ok: boolean, outcome: string): LoadRecord => ({
    name: request.name,
    start,
    end: Date.now(),
    ok,
    outcome,
  });
  return new Promise((resolve) => {
    const sent = http.request(
      settings.url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
        timeout: settings.timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => resolve(done(false, `response ${error.message}`)));
        response.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString()) as {
              errors?: { extensions?: { code?: string } }[];
            };
            const code = json.errors?.[0]?.extensions?.code;
            if (response.statusCode === 200 && !json.errors) resolve(done(true, 'ok'));
            else resolve(done(false, `${response.statusCode} ${code ?? 'error'}`));
          } catch {
            resolve(done(false, `${response.statusCode} not JSON`));
          }
        });
      },
    );
    sent.on('timeout', () => sent.destroy(new Error(`no answer in ${settings.timeoutMs} ms`)));
    sent.on('error', (error: NodeJS.ErrnoException) =>
      resolve(done(false, `failed (${error.code ?? error.message})`)),
    );
    sent.end(request.body);
  });
}

async function runClient(
  settings: LoadSettings,
  offset: number,
  stopped: () => boolean,
  records: LoadRecord[],
): Promise<void> {
  for (let i = offset; !stopped(); i += 1) {
    records.push(await ask(settings, settings.requests[i % settings.requests.length]!));
  }
}

if (process.send) {
  let stop = false;
  process.on('message', (message: { start?: LoadSettings; stop?: true }) => {
    if (message.stop) {
      stop = true;
      return;
    }
    const settings = message.start!;
    const records: LoadRecord[] = [];
    // Each client starts at another point of the mix, so different questions run at once.
    const step = Math.max(1, Math.floor(settings.requests.length / settings.clients));
    void Promise.all(
      Array.from({ length: settings.clients }, (_, c) =>
        runClient(settings, c * step, () => stop, records),
      ),
    ).then(() => {
      agent.destroy();
      process.send!({ records }, () => process.exit(0));
    });
  });
}
