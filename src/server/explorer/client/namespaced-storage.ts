/**
 * GraphiQL's saved state (tabs, history, theme) under a prefix of our own, so changing the
 * example set starts browsers on the new examples rather than on tabs saved for the old ones.
 */
import type { PageStorage } from './browser-page.ts';

/** The storage shape GraphiQL accepts (it mirrors localStorage). */
export interface GraphiQLStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  clear(): void;
  readonly length: number;
}

export function createNamespacedStorage(backing: PageStorage, namespace: string): GraphiQLStorage {
  const prefix = `${namespace}:`;
  const ownKeys = (): string[] => {
    const keys: string[] = [];
    for (let index = 0; index < backing.length; index += 1) {
      const key = backing.key(index);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  };
  return {
    getItem: (key) => backing.getItem(prefix + key),
    setItem: (key, value) => backing.setItem(prefix + key, value),
    removeItem: (key) => backing.removeItem(prefix + key),
    clear: () => ownKeys().forEach((key) => backing.removeItem(key)),
    get length() {
      return ownKeys().length;
    },
  };
}
