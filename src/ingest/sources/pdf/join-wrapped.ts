/** Joining text that a line or page break cut: shared by the line, block and page stages. */

/**
 * Joins wrapped pieces of one paragraph or cell: a space between them, except after a hyphen
 * that ends a word before a lower-case continuation ("multi-" + "agency"). A hyphen left hanging
 * before "and", "or" or "to" ("trauma- and attachment-focused") keeps its space.
 */
export function joinWrapped(first: string, second: string): string {
  const head = first.replace(/\s+$/, '');
  const tail = second.replace(/^\s+/, '');
  if (!head) return tail;
  if (!tail) return head;
  if (/\p{L}-$/u.test(head) && /^\p{Ll}/u.test(tail) && !/^(?:and|or|to)\b/.test(tail))
    return `${head}${tail}`;
  return `${head} ${tail}`;
}
