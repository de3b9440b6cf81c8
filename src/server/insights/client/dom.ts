/** A small element builder for the insights pages: no framework, to keep the pages light. */

type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | null | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== null && value !== undefined) element.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : String(child));
  }
  return element;
}

export function readPageConfig<T>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no element #${id}`);
  return JSON.parse(element.textContent ?? '{}') as T;
}

export function showError(into: Element, error: unknown): void {
  into.replaceChildren(
    h('p', { class: 'error', role: 'alert' }, (error as Error).message ?? String(error)),
  );
}
