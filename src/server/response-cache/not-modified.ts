/**
 * Conditional requests: a client that sends back the ETag of the answer it holds
 * (`If-None-Match`) gets 304 and no body when the answer is still the same.
 */

/** The entity tags of an If-None-Match header (`*` matches any); weak tags compare as strong ones. */
function readEntityTags(header: string): string[] {
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .filter((tag) => tag !== '');
}

/** True when a 200 answer carrying `etag` may be sent as 304 to a client holding `ifNoneMatch`. */
export function isNotModified(
  ifNoneMatch: string | undefined,
  status: number,
  etag: string | undefined,
): boolean {
  if (!ifNoneMatch || !etag || status !== 200) return false;
  const held = readEntityTags(ifNoneMatch);
  return held.includes('*') || held.includes(etag.replace(/^W\//, ''));
}
