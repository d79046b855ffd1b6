// Japanese and English: the language is chosen once, remembered in the browser, and defaults to
// the browser's own. Each page keeps its words beside its code with `strings`, so a page and
// its translation change together; the type makes a missing Japanese word a build error.

export type Lang = "en" | "ja";

const storageKey = "fmsledger.lang";
const listeners: (() => void)[] = [];

function initialLang(): Lang {
  const saved = localStorage.getItem(storageKey);
  if (saved === "en" || saved === "ja") return saved;
  const preferred = (navigator.languages?.[0] ?? navigator.language ?? "en").toLowerCase();
  return preferred.startsWith("ja") ? "ja" : "en";
}

let current: Lang = initialLang();
document.documentElement.lang = current;

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  localStorage.setItem(storageKey, next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): void {
  listeners.push(listener);
}

// Words are strings or functions of their arguments; Japanese must have the same keys and the
// same argument types as English.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Words = Record<string, string | ((...args: any[]) => string)>;

/** A dictionary that answers in the current language at the moment each word is read. */
export function strings<T extends Words>(en: T, ja: { [K in keyof T]: T[K] }): T {
  return new Proxy({} as T, {
    get: (_target, key) => (current === "ja" ? ja : en)[key as keyof T],
  });
}

/** The label of a code in a table of labels, or the code itself when the table lacks it. */
export function label(table: { en: Record<string, string>; ja: Record<string, string> }, code: string): string {
  return (current === "ja" ? table.ja[code] : table.en[code]) ?? table.en[code] ?? code;
}
