export {
  ResponseCache,
  computeEtag,
  measureEntryBytes,
  type ResponseCacheStats,
} from './response-cache.ts';
export { responseCachePlugin, CACHE_STATUS_HEADER } from './response-cache-plugin.ts';
export { isNotModified } from './not-modified.ts';
export { presentStoredData, stringifyResult } from './stored-text.ts';
