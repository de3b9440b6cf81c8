/**
 * The Apollo plugin that serves and fills the response cache. It sits in Apollo's pipeline, after
 * parsing, validation and the limits plugin, so a cached answer is only ever given to a request
 * that would have been allowed to run, and anything that runs operations through Apollo (HTTP,
 * `executeOperation`) shares it.
 *
 * Per request: once the operation is known, a query that reads the graph takes the graph's
 * answer version from the server's VersionWatcher, with no round trip, while the watcher's last
 * read started at most two intervals ago (`GRAPH_WATCH_MS`); otherwise (the watcher is failing,
 * slow, or just starting) it reads the version itself, one lookup on a unique key through the
 * request's own database handle, counted like any query. With the key made from it, a stored
 * answer is returned instead of executing. After execution, an answer without errors is stored.
 * Mutations, subscriptions, answers with errors, operations touching a live field (health) and
 * those selecting only `__typename` or introspection (they read no graph) are neither served nor
 * stored; a mutation, once answered, tells the watcher that this process wrote.
 */
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { buildCacheKey } from './cache-key.ts';
import type { ResponseCache } from './response-cache.ts';
import { presentStoredData } from './stored-text.ts';
import { listRootFields } from './root-fields.ts';

export interface ResponseCachePluginOptions<Context extends BaseContext> {
  cache: ResponseCache;
  /** The graph's answer version as the watcher knows it, or null when it cannot vouch for it. */
  watchedVersion: () => string | null;
  /** The graph's answer version, read fresh for this request (errors fail the request). */
  readVersion: (context: Context) => Promise<string>;
  /** Told when a mutation was answered (it may have written): later requests must see it. */
  noteWrite: () => void;
  /** Who asks, as far as the answers may depend on it. */
  identify: (context: Context) => string;
  /** Root fields whose answer is not the graph's but the moment's (health). */
  liveFields: ReadonlySet<string>;
}

export const CACHE_STATUS_HEADER = 'x-response-cache';

function readsGraph(rootFields: readonly string[], liveFields: ReadonlySet<string>): boolean {
  const graphFields = rootFields.filter((name) => !name.startsWith('__'));
  return graphFields.length > 0 && !graphFields.some((name) => liveFields.has(name));
}

export function responseCachePlugin<Context extends BaseContext>(
  options: ResponseCachePluginOptions<Context>,
): ApolloServerPlugin<Context> {
  const { cache } = options;
  return {
    async requestDidStart() {
      let key: string | null = null;
      let servedEtag: string | null = null;
      let wrote = false;
      return {
        async didResolveOperation(request) {
          const { operation, document } = request;
          wrote = operation?.operation === 'mutation';
          if (operation?.operation !== 'query') return;
          if (!readsGraph(listRootFields(document, operation), options.liveFields)) return;
          // A failure here (the database is down) fails the request as its own query would.
          const version =
            options.watchedVersion() ?? (await options.readVersion(request.contextValue));
          key = buildCacheKey({
            queryHash: request.queryHash,
            operationName: request.operationName,
            variables: request.request.variables,
            identity: options.identify(request.contextValue),
            version,
          });
        },
        async responseForOperation() {
          if (key === null) return null;
          const answer = cache.get(key);
          if (!answer) return null;
          servedEtag = answer.etag;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            // Written out as the stored text (stored-text.ts): no parse and no serialisation.
            body: { kind: 'single', singleResult: { data: presentStoredData(answer.json) } },
          };
        },
        async willSendResponse({ response, request }) {
          if (wrote) options.noteWrite();
          if (key === null) return;
          let etag = servedEtag;
          if (etag === null) {
            const { body } = response;
            if (body.kind !== 'single') return;
            const { data, errors } = body.singleResult;
            if (errors?.length || data === null || data === undefined) return;
            if (response.http.status !== undefined && response.http.status !== 200) return;
            const stored = cache.store(key, data);
            etag = stored.etag;
            // Written out as the text just stored, not serialised a second time by Apollo.
            if (request.http) body.singleResult.data = presentStoredData(stored.json);
          }
          response.http.headers.set('etag', etag);
          // Private: the key holds the caller's identity. no-cache: a browser asks again, with
          // If-None-Match, and gets 304 while the graph has not changed.
          response.http.headers.set('cache-control', 'private, no-cache');
          response.http.headers.set(CACHE_STATUS_HEADER, servedEtag === null ? 'miss' : 'hit');
        },
      };
    },
  };
}
