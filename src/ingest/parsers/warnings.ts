import type { DocumentWarning, SourcePosition } from '../../model/document.ts';

/**
 * Problems met while reading a report. Parsers never throw on bad input: they record what they
 * could not read here and carry on, and only the CLI decides what is fatal.
 */
export class WarningLog {
  private readonly items: DocumentWarning[] = [];

  add(code: string, message: string, position: SourcePosition | null = null): void {
    this.items.push({ code, message, position: position ? { ...position } : null });
  }

  list(): DocumentWarning[] {
    return this.items.map((w) => ({ ...w, position: w.position ? { ...w.position } : null }));
  }
}
