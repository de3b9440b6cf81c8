import type { SourceLine } from '../../text/lines.ts';
import { cleanInline } from '../../text/normalise.ts';

const cache = new WeakMap<SourceLine, string>();

/**
 * A line's text as compared and stored (cleanInline), worked out once per line: the stages of a
 * parse each look at every line, some more than once (headings wrap, so a line is read as the
 * start, middle and end of a heading), and cleaning dominated the parse time.
 */
export function cleanLine(line: SourceLine): string {
  let text = cache.get(line);
  if (text === undefined) {
    text = cleanInline(line.text);
    cache.set(line, text);
  }
  return text;
}
