import "./style.css";
import { ApiError, currentSession, signOut, type SessionInfo } from "./api";
import { h } from "./dom";
import { renderSignIn } from "./pages/signin";
import { renderPortfolio } from "./pages/portfolio";
import { renderCase } from "./pages/case";
import { renderDiscrepancies } from "./pages/discrepancies";
import { renderImport } from "./pages/import";

const main = document.getElementById("main") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
const who = document.getElementById("who") as HTMLElement;
const whoName = document.getElementById("who-name") as HTMLElement;
const signOutButton = document.getElementById("sign-out") as HTMLButtonElement;

let session: SessionInfo | null = null;
let renderCount = 0;

function showUser(s: SessionInfo | null): void {
  session = s;
  nav.hidden = s === null;
  who.hidden = s === null;
  whoName.textContent = s ? `Signed in as ${s.display_name ? `${s.display_name} (${s.user})` : s.user}` : "";
}

export function signedIn(s: SessionInfo): void {
  showUser(s);
  const target = sessionStorage.getItem("fmsledger.after-sign-in");
  sessionStorage.removeItem("fmsledger.after-sign-in");
  go(target && target !== "#/sign-in" ? target : "#/cases");
}

/** Shows the page at `hash`: a change of hash renders through the hashchange listener. */
function go(hash: string): void {
  if (location.hash === hash) void route();
  else location.hash = hash;
}

function errorView(e: unknown): HTMLElement {
  if (e instanceof ApiError) {
    const heading = e.status === 404 ? "Not found" : e.status === 403 ? "Not allowed" : `Error ${e.status}`;
    return h("section", { class: "problem", role: "alert" }, h("h1", {}, heading), h("p", {}, e.problem.detail ?? e.problem.title ?? ""));
  }
  return h("section", { class: "problem", role: "alert" }, h("h1", {}, "Error"), h("p", {}, String(e)));
}

async function route(): Promise<void> {
  const mine = ++renderCount;
  const path = decodeURIComponent(location.hash.replace(/^#/, "")) || "/cases";
  if (session === null && path !== "/sign-in") {
    sessionStorage.setItem("fmsledger.after-sign-in", location.hash);
    location.hash = "#/sign-in";
    return;
  }
  for (const a of nav.querySelectorAll("a")) {
    const here = path.startsWith(a.getAttribute("href")!.slice(1));
    if (here) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  main.replaceChildren(h("p", { class: "loading", role: "status" }, "Loading…"));
  let view: HTMLElement;
  try {
    const caseMatch = /^\/cases\/([^/]+)$/.exec(path);
    if (path === "/sign-in") view = renderSignIn(signedIn);
    else if (path === "/cases") view = await renderPortfolio();
    else if (caseMatch) view = await renderCase(caseMatch[1]);
    else if (path === "/discrepancies") view = await renderDiscrepancies();
    else if (path === "/import") view = renderImport();
    else view = h("section", {}, h("h1", {}, "Not found"), h("p", {}, `No page at ${path}.`));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      showUser(null);
      sessionStorage.setItem("fmsledger.after-sign-in", location.hash);
      location.hash = "#/sign-in";
      return;
    }
    view = errorView(e);
  }
  if (mine !== renderCount) return; // a later navigation won
  main.replaceChildren(view);
  const heading = main.querySelector("h1");
  document.title = heading ? `${heading.textContent} · fmsledger` : "fmsledger";
}

signOutButton.addEventListener("click", async () => {
  try {
    await signOut();
  } catch {
    // the session may already have ended; sign out locally all the same
  }
  showUser(null);
  sessionStorage.removeItem("fmsledger.after-sign-in");
  go("#/sign-in");
});

window.addEventListener("hashchange", () => void route());

(async () => {
  try {
    showUser(await currentSession());
  } catch (e) {
    main.replaceChildren(errorView(e));
    return;
  }
  go(session && (location.hash === "" || location.hash === "#/sign-in") ? "#/cases" : location.hash);
})();
