/**
 * The operation name to send with a run. GraphiQL re-reads the selected operation 100 ms after
 * the editor changes, so a run right after switching tabs would send the previous tab's name and
 * fail with "Unknown operation named ...". A document with one operation needs no choosing: its
 * own name is always the right one.
 */
import { Kind, parse } from 'graphql';

export function pickOperationName(
  query: string,
  selected: string | null | undefined,
): string | undefined {
  let names: (string | undefined)[];
  try {
    names = parse(query)
      .definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => operation.name?.value);
  } catch {
    // The server reports the syntax error better than we could.
    return selected ?? undefined;
  }
  return names.length === 1 ? names[0] : (selected ?? undefined);
}
