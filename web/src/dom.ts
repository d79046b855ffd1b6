// Small DOM functions: every text goes through textContent, never innerHTML.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (value === true) el.setAttribute(name, "");
    else el.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return el;
}

export interface Column<T> {
  header: string;
  cell: (row: T) => Child;
  numeric?: boolean;
}

/** A table with a caption, column headers (scope="col") and one row per item. */
export function table<T>(caption: string, columns: Column<T>[], rows: T[], empty = "None."): HTMLElement {
  if (rows.length === 0) return h("p", { class: "empty" }, `${caption}: ${empty}`);
  const head = h("tr", {}, ...columns.map((c) => h("th", { scope: "col", class: c.numeric ? "num" : undefined }, c.header)));
  const body = rows.map((row) => h("tr", {}, ...columns.map((c) => h("td", { class: c.numeric ? "num" : undefined }, c.cell(row)))));
  return h("div", { class: "table-wrap" }, h("table", {}, h("caption", {}, caption), h("thead", {}, head), h("tbody", {}, ...body)));
}

const money = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1716794450.00" → "1,716,794,450.00" (display only; amounts stay decimal strings). */
export function formatMoney(amount: string, currency?: string): string {
  const n = Number(amount);
  const text = Number.isFinite(n) ? money.format(n) : amount;
  return currency ? `${currency} ${text}` : text;
}

export function caseLink(id: string): HTMLAnchorElement {
  return h("a", { href: `#/cases/${encodeURIComponent(id)}` }, id);
}
