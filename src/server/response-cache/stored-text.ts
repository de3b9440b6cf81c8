/**
 * A cached answer's `data` handed to Apollo without parsing its stored text, and written back as
 * that text. A hit used to parse the text into objects for Apollo to serialise again: for a body
 * of hundreds of kilobytes that pair was most of the hit's time. Now `presentStoredData` gives
 * Apollo an object that parses the text only if something reads it (`executeOperation`, a
 * plugin), and `stringifyResult`, Apollo's serialiser for this server, writes the stored text
 * as it is when an answer's data is such an object, so an HTTP hit never parses nor serialises.
 */
import type { FormattedExecutionResult } from 'graphql';

/** The stored JSON text of each `data` object presentStoredData made. */
const storedTexts = new WeakMap<object, string>();

/** `data` for Apollo from its stored text: parsed on first read, never if only written out. */
export function presentStoredData(json: string): Record<string, unknown> {
  let parsed: Record<string, unknown> | null = null;
  const target = (): Record<string, unknown> =>
    (parsed ??= JSON.parse(json) as Record<string, unknown>);
  const data = new Proxy<Record<string, unknown>>(
    {},
    {
      get: (_empty, key) => Reflect.get(target(), key),
      has: (_empty, key) => Reflect.has(target(), key),
      ownKeys: () => Reflect.ownKeys(target()),
      getOwnPropertyDescriptor: (_empty, key) => Reflect.getOwnPropertyDescriptor(target(), key),
      set: (_empty, key, value) => Reflect.set(target(), key, value),
      deleteProperty: (_empty, key) => Reflect.deleteProperty(target(), key),
    },
  );
  storedTexts.set(data, json);
  return data;
}

/**
 * Apollo's `stringifyResult`: the result as compact JSON (`JSON.stringify`, what the default
 * pretty-printing costs in bytes and time is of no use to a client), with a stored answer's text
 * written as it is. The output is the same text either way: the stored text is `JSON.stringify`
 * of the data it holds, and a result with only data serialises as `{"data":…}`.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  const stored =
    typeof result.data === 'object' && result.data !== null
      ? storedTexts.get(result.data)
      : undefined;
  if (stored !== undefined && result.errors === undefined && result.extensions === undefined)
    return `{"data":${stored}}`;
  return JSON.stringify(result);
}
