// The browser-test harness: a real `fmsledger serve` on a fresh demo database, Debian's
// Chromium through playwright-core, and the toolkit every flow (flows/*.mjs) receives:
// pages signed in as a demo user in a language and width, the API as that user, checks,
// axe-core audits, screenshots, and the sideways-scroll check at phone width.

import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";

export const demoPassword = "fmsledger-demo";

export class Harness {
  constructor({ repo, binary, chromiumPath, screenshots }) {
    this.repo = repo;
    this.binary = binary;
    this.chromiumPath = chromiumPath;
    this.screenshots = screenshots;
    this.webRoot = path.join(repo, "web", "dist");
    // playwright-core and axe-core are devDependencies of web/, so resolve them from there.
    const require = createRequire(path.join(repo, "web", "package.json"));
    this.chromium = require("playwright-core").chromium;
    this.axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    this.tmp = mkdtempSync(path.join(tmpdir(), "fmsledger-e2e-"));
    this.db = path.join(this.tmp, "e2e.db");
    this.env = { ...process.env, FMSLEDGER_PASSWORD_COST: "minimum", ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? "detect_leaks=0" };
    this.passed = [];
    this.problems = []; // script errors, CSP errors, requests leaving the server
    this.cookies = new Map();
    this.contexts = [];
    this.serverLog = "";
    this.step = "start";
    mkdirSync(screenshots, { recursive: true });
  }

  check(condition, message) {
    if (!condition) throw new Error(`assertion failed: ${message}`);
    this.passed.push(message);
  }

  async start() {
    this.step = "demo database";
    execFileSync(this.binary, ["--db", this.db, "demo"], { env: this.env, stdio: ["ignore", "ignore", "inherit"] });
    this.step = "start server";
    // Every page of every flow comes from 127.0.0.1 through one Chromium, whose closed contexts
    // keep idle sockets open a while: the per-client limit (32 by default, against one hostile
    // address) would refuse the test itself.
    const serve = ["--db", this.db, "serve", "--listen", "127.0.0.1:0", "--web-root", this.webRoot, "--max-connections-per-client", "512"];
    this.server = spawn(this.binary, serve, { env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    this.server.stderr.on("data", (d) => { this.serverLog += d; });
    const lines = readline.createInterface({ input: this.server.stdout });
    const first = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("server printed no address within 20 s")), 20000);
      this.server.once("exit", (code, sig) => { clearTimeout(timer); reject(new Error(`server exited early (${code ?? sig})`)); });
      lines.once("line", (line) => { clearTimeout(timer); resolve(line); });
    });
    const m = /^fmsledger serving .* on (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(first);
    if (!m) throw new Error(`unexpected first line from the server: ${first}`);
    lines.on("line", () => {}); // keep draining stdout
    this.base = m[1];
    this.step = "launch chromium";
    this.browser = await this.chromium.launch({
      executablePath: this.chromiumPath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-component-update"],
    });
  }

  stop() {
    if (this.server && this.server.exitCode === null && this.server.signalCode === null) {
      try { this.server.kill("SIGTERM"); } catch { /* already gone */ }
    }
    try { rmSync(this.tmp, { recursive: true, force: true }); } catch { /* best effort */ }
  }

  async close() {
    if (this.browser) await this.browser.close().catch(() => {});
    this.stop();
  }

  /** A fresh page (own cookies and storage) in `lang` at `width`, signed in as `user` unless null. */
  async page(user, { lang = "en", width = 1280, height = 900 } = {}) {
    const context = await this.browser.newContext({
      viewport: { width, height },
      timezoneId: "Asia/Tokyo",
      locale: lang === "ja" ? "ja-JP" : "en-GB",
      acceptDownloads: true,
    });
    this.contexts.push(context);
    await context.addInitScript((l) => localStorage.setItem("fmsledger.lang", l), lang);
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.on("pageerror", (e) => this.problems.push(`${this.step}: page error: ${e.message}`));
    page.on("console", (msg) => {
      // A refused request shows as a console error too; only script and CSP problems count.
      if (msg.type() === "error" && !/status of (400|401|403|404|409|412|422|429)/.test(msg.text())) this.problems.push(`${this.step}: console: ${msg.text()}`);
    });
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(this.base) && !url.startsWith("data:") && !url.startsWith("blob:")) this.problems.push(`${this.step}: request left the server: ${url}`);
    });
    if (user) {
      const answer = await context.request.post(`${this.base}api/session`, { data: { user, password: demoPassword } });
      if (answer.status() !== 201) throw new Error(`sign-in of ${user} answered ${answer.status()}`);
    }
    await this.go(page, user ? "#/attention" : "#/sign-in");
    return page;
  }

  /** Navigates to `hash` and waits until the page is drawn (its h1 present, not busy). */
  async go(page, hash) {
    const url = `${this.base}${hash}`;
    if (page.url() === url) await page.reload();
    else await page.goto(url);
    await this.settled(page);
  }

  async settled(page) {
    await page.locator("main h1").first().waitFor();
    await page.waitForFunction(() => !document.querySelector("main")?.hasAttribute("aria-busy"));
  }

  /** The JSON of a GET as `user` (signed in once, through the API). */
  async api(user, apiPath) {
    let cookie = this.cookies.get(user);
    if (!cookie) {
      const answer = await fetch(`${this.base}api/session`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ user, password: demoPassword }) });
      if (answer.status !== 201) throw new Error(`API sign-in of ${user} answered ${answer.status}`);
      cookie = answer.headers.get("set-cookie").split(";")[0];
      this.cookies.set(user, cookie);
    }
    const response = await fetch(`${this.base}${apiPath.replace(/^\//, "")}`, { headers: { Cookie: cookie, Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) throw new Error(`GET ${apiPath} as ${user}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }

  /**
   * axe-core on the page as it is (no violation allowed) and a screenshot named after the page and
   * its language. At phone width the page must not scroll sideways; axe-core and the screenshot
   * are taken at desktop width only (the same page, in the same language), unless
   * FMSLEDGER_E2E_PHONE_AUDIT=1 asks for them at both.
   */
  async audit(page, name) {
    const lang = await page.evaluate(() => document.documentElement.lang);
    const width = page.viewportSize()?.width ?? 0;
    const phone = width <= 390;
    if (phone) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      this.check(overflow <= 0, `${name} (${lang}) does not scroll sideways at ${width} px (overflow ${overflow} px)`);
      if (process.env.FMSLEDGER_E2E_PHONE_AUDIT !== "1") return;
    }
    // Evaluated through the debugging protocol, which the page's CSP does not govern.
    await page.evaluate(this.axeSource);
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    });
    const file = `${name}-${lang}${phone ? "-390" : ""}.png`.replace(/[^A-Za-z0-9._-]/g, "_");
    await page.screenshot({ path: path.join(this.screenshots, file), fullPage: true });
    this.check(violations.length === 0, `axe-core finds no violation on ${name} (${lang}${phone ? ", 390 px" : ""})${violations.length ? `: ${violations.join(" | ")}` : ""}`);
  }

  async closePages() {
    for (const c of this.contexts.splice(0)) await c.close().catch(() => {});
  }
}
