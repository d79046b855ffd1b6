// Small DOM functions: every text goes through textContent, never innerHTML.

export type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return el;
}

export interface Column<T> {
  header: string;
  cell: (row: T) => Child | Child[];
  numeric?: boolean;
}

/**
 * A table with a caption, column headers (scope="col") and one row per item, in a box that
 * scrolls sideways on its own so a wide table never widens the page.
 */
export function table<T>(caption: string, columns: Column<T>[], rows: T[], empty: string, rowClass?: (row: T) => string | undefined): HTMLElement {
  if (rows.length === 0) return h("p", { class: "empty" }, `${caption}: ${empty}`);
  const head = h("tr", {}, ...columns.map((c) => h("th", { scope: "col", class: c.numeric ? "num" : undefined }, c.header)));
  const body = rows.map((row) =>
    h("tr", { class: rowClass?.(row) }, ...columns.map((c) => h("td", { class: c.numeric ? "num" : undefined }, c.cell(row)))),
  );
  return h(
    "div",
    { class: "table-wrap", tabindex: "0", role: "region", "aria-label": caption },
    h("table", {}, h("caption", {}, caption), h("thead", {}, head), h("tbody", {}, ...body)),
  );
}

/** A definition list of facts: [term, value] pairs. */
export function facts(pairs: [string, Child][]): HTMLElement {
  return h("dl", { class: "facts" }, ...pairs.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

export function link(href: string, text: string): HTMLAnchorElement {
  return h("a", { href }, text);
}

export function caseHref(id: string, tab?: string): string {
  return `#/cases/${encodeURIComponent(id)}${tab ? `/${tab}` : ""}`;
}

export function caseLink(id: string, tab?: string): HTMLAnchorElement {
  return h("a", { href: caseHref(id, tab) }, id);
}

export function sdrHref(number: string): string {
  return `#/sdrs/${encodeURIComponent(number)}`;
}

/** A row of tab links, each its own address; the current one is marked for screen readers. */
export function tabs(label: string, items: { href: string; text: string; current: boolean }[]): HTMLElement {
  return h(
    "nav",
    { class: "tabs", "aria-label": label },
    h("ul", {}, ...items.map((t) => h("li", {}, h("a", { href: t.href, "aria-current": t.current ? "page" : undefined }, t.text)))),
  );
}

/** A status message region (polite) that a form writes its outcome into. */
export function statusRegion(id?: string): HTMLElement {
  return h("div", { id, class: "outcome", role: "status", "aria-live": "polite" });
}

/** A labelled form field; the input gets the id the label points at. */
export function field(id: string, text: string, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  input.id = id;
  if (!input.name) input.name = id;
  const hintEl = hint ? h("span", { class: "hint", id: `${id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field" }, h("label", { for: id }, text), input, hintEl);
}

export function select(options: [string, string][], value?: string): HTMLSelectElement {
  const el = h("select", {}, ...options.map(([v, text]) => h("option", { value: v }, text)));
  if (value !== undefined) el.value = value;
  return el;
}
