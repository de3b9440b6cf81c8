/**
 * The HTTP side of the CQC Syndication API: one GET at a time through the pacer, the
 * subscription key as `Ocp-Apim-Subscription-Key`, retries with backoff and jitter on 429
 * (honouring Retry-After), 5xx, network errors, timeouts and JSON that does not parse. 404 and
 * 410 are an answer ("gone"), not an error; any other status, or a failure after the last
 * attempt, is a CqcFetchError with one line saying what was asked and what came back.
 */
import {
  DEFAULT_BACKOFF,
  parseRetryAfter,
  retryDelayMs,
  type BackoffPolicy,
} from './retry-delay.ts';
import { RequestPacer, sleep } from './request-pacer.ts';

export const DEFAULT_CQC_BASE_URL = 'https://api.service.cqc.org.uk/public/v1';

export interface CqcHttpOptions {
  baseUrl: string;
  /** Null: requests go without a key (the API may throttle or refuse them). */
  subscriptionKey: string | null;
  requestsPerSecond: number;
  /** Tries per request, the first included. */
  maxAttempts: number;
  timeoutMs: number;
  backoff?: BackoffPolicy;
  /** Lines about retries. */
  log: (line: string) => void;
}

export type Fetched<T> = { kind: 'ok'; body: T } | { kind: 'gone'; status: number };

export class CqcFetchError extends Error {
  override name = 'CqcFetchError';
}

/** Why one try failed and whether another may succeed. */
interface TryFailure {
  retry: boolean;
  reason: string;
  retryAfterMs: number | null;
}

type TryResult<T> = Fetched<T> | { kind: 'failed'; failure: TryFailure };

export class CqcHttp {
  readonly #options: CqcHttpOptions;
  readonly #pacer: RequestPacer;
  /** Requests sent (every try counts), for the summary. */
  requests = 0;

  constructor(options: CqcHttpOptions) {
    this.#options = options;
    this.#pacer = new RequestPacer(options.requestsPerSecond);
  }

  /** A JSON document; its text is kept too, to be cached byte for byte. */
  getJson(uri: string): Promise<Fetched<{ value: unknown; text: string }>> {
    return this.#get(uri, 'application/json', async (response) => {
      const text = await response.text();
      try {
        return { value: JSON.parse(text) as unknown, text };
      } catch (error) {
        throw new MalformedBody(`malformed JSON (${(error as Error).message})`);
      }
    });
  }

  /** The raw bytes of a document (a report's PDF). */
  getBytes(uri: string, accept: string): Promise<Fetched<Buffer>> {
    return this.#get(uri, accept, async (response) => Buffer.from(await response.arrayBuffer()));
  }

  urlOf(uri: string): string {
    return this.#options.baseUrl.replace(/\/+$/, '') + (uri.startsWith('/') ? uri : `/${uri}`);
  }

  async #get<T>(
    uri: string,
    accept: string,
    readBody: (response: Response) => Promise<T>,
  ): Promise<Fetched<T>> {
    const { maxAttempts, backoff = DEFAULT_BACKOFF } = this.#options;
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.#try(uri, accept, readBody);
      if (result.kind !== 'failed') return result;
      const { failure } = result;
      if (!failure.retry || attempt >= maxAttempts) {
        const tries = attempt > 1 ? ` after ${attempt} tries` : '';
        throw new CqcFetchError(`GET ${uri}: ${failure.reason}${tries}`);
      }
      const wait = retryDelayMs(attempt, failure.retryAfterMs, backoff);
      this.#options.log(
        `sync: GET ${uri}: ${failure.reason}; retrying in ${(wait / 1000).toFixed(1)} s (try ${attempt + 1} of ${maxAttempts})`,
      );
      await sleep(wait);
    }
  }

  async #try<T>(
    uri: string,
    accept: string,
    readBody: (response: Response) => Promise<T>,
  ): Promise<TryResult<T>> {
    await this.#pacer.waitTurn();
    this.requests += 1;
    const headers: Record<string, string> = { Accept: accept };
    if (this.#options.subscriptionKey)
      headers['Ocp-Apim-Subscription-Key'] = this.#options.subscriptionKey;
    let response: Response;
    try {
      response = await fetch(this.urlOf(uri), {
        headers,
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
    } catch (error) {
      return failed(true, `no answer (${networkReason(error)})`, null);
    }
    const { status } = response;
    if (status === 404 || status === 410) {
      await response.body?.cancel();
      return { kind: 'gone', status };
    }
    if (status !== 200) {
      await response.body?.cancel();
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      const retry = status === 429 || status >= 500;
      return failed(retry, `HTTP ${status}${statusHint(status)}`, retryAfter);
    }
    try {
      return { kind: 'ok', body: await readBody(response) };
    } catch (error) {
      if (error instanceof MalformedBody) return failed(true, error.message, null);
      return failed(true, `body cut short (${networkReason(error)})`, null);
    }
  }
}

class MalformedBody extends Error {}

function failed(retry: boolean, reason: string, retryAfterMs: number | null): TryResult<never> {
  return { kind: 'failed', failure: { retry, reason, retryAfterMs } };
}

function statusHint(status: number): string {
  if (status === 401 || status === 403)
    return ' (refused: check CQC_SUBSCRIPTION_KEY, the key from the CQC API portal)';
  if (status === 429) return ' (throttled)';
  return '';
}

function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'timed out';
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : error.message;
}
