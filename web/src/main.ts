// The page frame: header (navigation, user, language), the router, focus on navigation.
import "./style.css";
import { ApiError, currentSession, signOut, type SessionInfo } from "./lib/api";
import { h } from "./lib/dom";
import { loadFiscalYears } from "./lib/fiscal";
import { lang, onLangChange, setLang, strings } from "./lib/i18n";
import { roleLabel } from "./lib/labels";
import { problemPage } from "./lib/problem_view";
import { setRefresher } from "./lib/refresh";
import { can, currentUser, setSession } from "./lib/session";
import { navItems, routes } from "./routes";
import { renderSignIn } from "./pages/signin";

const T = strings(
  { skip: "Skip to content", main: "Main", signOut: "Sign out", loading: "Loading…", notFound: "Not found",
    noPage: (p: string) => `No page at ${p}.`, switchTo: "日本語", switchLabel: "表示言語を日本語に切り替える",
    signedInAs: (who: string, roles: string) => `${who} · ${roles}` },
  { skip: "本文へ移動", main: "メイン", signOut: "サインアウト", loading: "読み込み中…", notFound: "見つかりません",
    noPage: (p: string) => `${p} というページはありません。`, switchTo: "English", switchLabel: "Switch the language to English",
    signedInAs: (who: string, roles: string) => `${who} · ${roles}` },
);

const main = document.getElementById("main") as HTMLElement;
const top = document.getElementById("top") as HTMLElement;
let renderCount = 0;

function drawHeader(): void {
  const s = currentUser();
  const langButton = h("button", { type: "button", class: "lang", lang: lang() === "ja" ? "en" : "ja", "aria-label": T.switchLabel }, T.switchTo);
  langButton.addEventListener("click", () => setLang(lang() === "ja" ? "en" : "ja"));
  const parts: (Node | null)[] = [h("a", { class: "brand", href: "#/attention" }, "fmsledger")];
  if (s) {
    parts.push(h("nav", { id: "nav", "aria-label": T.main }, h("ul", {}, ...navItems().map((i) => h("li", {}, h("a", { href: i.href }, i.text))))));
    const roles = [...new Set(s.grants.map((g) => roleLabel(g.role)))].join(", ");
    const signOutButton = h("button", { type: "button", id: "sign-out" }, T.signOut);
    signOutButton.addEventListener("click", () => void doSignOut());
    parts.push(h("div", { id: "who", class: "who" }, h("span", { id: "who-name" }, T.signedInAs(s.display_name || s.user, roles)), langButton, signOutButton));
  } else {
    parts.push(h("div", { class: "who" }, langButton));
  }
  top.replaceChildren(...parts.filter((p): p is Node => p !== null));
  (document.querySelector(".skip") as HTMLElement).textContent = T.skip;
  markCurrent();
}

function currentPath(): { path: string; query: URLSearchParams } {
  const hash = location.hash.replace(/^#/, "") || "/attention";
  const [path, q = ""] = hash.split("?", 2);
  return { path, query: new URLSearchParams(q) };
}

function markCurrent(): void {
  const { path } = currentPath();
  for (const a of top.querySelectorAll("nav a")) {
    const base = a.getAttribute("href")!.slice(1);
    if (path === base || path.startsWith(`${base}/`)) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

async function signedIn(s: SessionInfo): Promise<void> {
  setSession(s);
  if (can("read")) await loadFiscalYears();
  drawHeader();
  const target = sessionStorage.getItem("fmsledger.after-sign-in");
  sessionStorage.removeItem("fmsledger.after-sign-in");
  go(target && target !== "#/sign-in" ? target : "#/attention");
}

/** Shows the page at `hash`: a change of hash renders through the hashchange listener. */
function go(hash: string): void {
  if (location.hash === hash) void route(true);
  else location.hash = hash;
}

function toSignIn(): void {
  setSession(null);
  drawHeader();
  if (location.hash !== "#/sign-in") sessionStorage.setItem("fmsledger.after-sign-in", location.hash);
  location.hash = "#/sign-in";
}

async function viewFor(path: string, query: URLSearchParams): Promise<HTMLElement> {
  if (path === "/sign-in") return renderSignIn(signedIn);
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (m) return await r.render(m.slice(1).map((p) => (p === undefined ? p : decodeURIComponent(p))) as string[], query);
  }
  return h("section", {}, h("h1", {}, T.notFound), h("p", {}, T.noPage(path)));
}

async function route(moveFocus: boolean): Promise<void> {
  const mine = ++renderCount;
  const { path, query } = currentPath();
  if (currentUser() === null && path !== "/sign-in") {
    toSignIn();
    return;
  }
  markCurrent();
  main.setAttribute("aria-busy", "true");
  main.replaceChildren(h("p", { class: "loading", role: "status" }, T.loading));
  let view: HTMLElement;
  try {
    view = await viewFor(path, query);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      toSignIn();
      return;
    }
    view = problemPage(e);
  }
  if (mine !== renderCount) return; // a later navigation won
  main.replaceChildren(view);
  main.removeAttribute("aria-busy");
  const heading = main.querySelector("h1");
  document.title = heading ? `${heading.textContent} · fmsledger` : "fmsledger";
  // Keyboard and screen-reader users land on the new page's heading.
  if (heading && moveFocus) {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
}

setRefresher(() => void route(false));

async function doSignOut(): Promise<void> {
  try {
    await signOut();
  } catch {
    // the session may already have ended; sign out locally all the same
  }
  sessionStorage.removeItem("fmsledger.after-sign-in");
  setSession(null);
  drawHeader();
  go("#/sign-in");
}

window.addEventListener("hashchange", () => void route(true));
onLangChange(() => {
  drawHeader();
  void route(false);
});

(async () => {
  drawHeader();
  try {
    const s = await currentSession();
    setSession(s);
    if (s && can("read")) await loadFiscalYears();
  } catch (e) {
    main.replaceChildren(problemPage(e));
    return;
  }
  drawHeader();
  const start = currentUser() && (location.hash === "" || location.hash === "#/sign-in") ? "#/attention" : location.hash || "#/attention";
  go(start);
})();
