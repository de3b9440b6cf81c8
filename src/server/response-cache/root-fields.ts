/**
 * The root fields an operation selects, through inline fragments and fragment spreads. Read by
 * node kind strings, not graphql's classes (see schema-shape.ts: graphql may be loaded twice).
 */
import type { DocumentNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';

export function listRootFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): string[] {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition') {
      fragments.set(definition.name.value, definition.selectionSet);
    }
  }
  const names: string[] = [];
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'Field') names.push(selection.name.value);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const spread = fragments.get(selection.name.value);
        if (spread) visit(spread);
      }
    }
  };
  visit(operation.selectionSet);
  return names;
}
