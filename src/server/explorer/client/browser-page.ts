/**
 * The few browser APIs the explorer page touches. The project's TypeScript settings are for a
 * Node server (no DOM library), so this bundle declares just what it uses instead of pulling the
 * DOM types into every server file.
 */

export interface PageElement {
  textContent: string | null;
  setAttribute(name: string, value: string): void;
}

export interface PageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

interface BrowserGlobals {
  document: { getElementById(id: string): PageElement | null };
  location: { origin: string; search: string };
  localStorage: PageStorage;
}

const browser = globalThis as unknown as BrowserGlobals;

export function findElement(id: string): PageElement {
  const element = browser.document.getElementById(id);
  if (!element) throw new Error(`The explorer page has no element #${id}`);
  return element;
}

export function readPageOrigin(): string {
  return browser.location.origin;
}

/** The page URL's query string, `?…` or empty. */
export function readPageSearch(): string {
  return browser.location.search;
}

/** localStorage, or null where the browser refuses it (private modes, blocked storage). */
export function openLocalStorage(): PageStorage | null {
  try {
    return browser.localStorage;
  } catch {
    return null;
  }
}
