type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Builds an element. Children become text nodes, never HTML, so names typed in Trello (a card called
 * `<img src=x onerror=alert(1)>`) always show as text. `on…` attributes take listeners; `false`/`null` leave out.
 */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

/** Appends children as nodes or text. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let lastId = 0;

/** A unique element id derived from a field name, so every label points at its own input. */
export function uniqueId(name: string): string {
  lastId += 1;
  return `f-${name.replace(/[^a-zA-Z0-9]/g, "-")}-${lastId}`;
}
