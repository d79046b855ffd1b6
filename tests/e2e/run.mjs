#!/usr/bin/env node
// Browser test of the web UI against a real `fmsledger serve` on a fresh demo database.
//
//   cd web && npm ci && npm run build && node ../tests/e2e/run.mjs <path to fmsledger>
//
// Drives Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through playwright-core. Exits
// non-zero on any failure; the server is stopped on every exit path.

import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import readline from "node:readline";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const webRoot = path.join(repo, "web", "dist");
// playwright-core is a devDependency of web/, so resolve it from there.
const require = createRequire(path.join(repo, "web", "package.json"));
const { chromium } = require("playwright-core");

const binaryArg = process.argv[2];
if (!binaryArg) {
  console.error("usage: node tests/e2e/run.mjs <path to fmsledger>");
  process.exit(2);
}
const binary = path.resolve(binaryArg);
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
for (const [what, p] of [["fmsledger", binary], ["chromium", chromiumPath], ["web/dist/index.html", path.join(webRoot, "index.html")]]) {
  if (!existsSync(p)) {
    console.error(`e2e: ${what} not found at ${p}`);
    process.exit(2);
  }
}

const tmp = mkdtempSync(path.join(tmpdir(), "fmsledger-e2e-"));
const db = path.join(tmp, "e2e.db");
const env = { ...process.env, FMSLEDGER_PASSWORD_COST: "minimum" };
let server = null;
let browser = null;
let serverLog = "";

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    try { server.kill("SIGTERM"); } catch { /* already gone */ }
  }
}
process.on("exit", () => {
  stopServer();
  try { rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ }
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => { console.error(`e2e: ${sig}`); process.exit(1); });
}

let step = "start";
const passed = [];
function check(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
  passed.push(message);
}

async function startServer() {
  server = spawn(binary, ["--db", db, "serve", "--listen", "127.0.0.1:0", "--web-root", webRoot], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stderr.on("data", (d) => { serverLog += d; });
  const lines = readline.createInterface({ input: server.stdout });
  const first = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server printed no address within 20 s")), 20000);
    server.once("exit", (code, sig) => { clearTimeout(timer); reject(new Error(`server exited early (${code ?? sig})`)); });
    lines.once("line", (line) => { clearTimeout(timer); resolve(line); });
  });
  const m = /^fmsledger serving .* on (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(first);
  if (!m) throw new Error(`unexpected first line from the server: ${first}`);
  lines.on("line", () => {}); // keep draining stdout
  return m[1];
}

async function main() {
  step = "demo database";
  execFileSync(binary, ["--db", db, "demo"], { env, stdio: ["ignore", "ignore", "inherit"] });

  step = "start server";
  const base = await startServer();
  console.log(`e2e: server at ${base}`);

  const csv = path.join(tmp, "receipts-e2e.csv");
  writeFileSync(
    csv,
    "receipt_id,document_number,case_id,line,received_date,quantity_received,quantity_accepted,quantity_rejected,condition,inspector\n" +
      "JKR-2026-0301,PJAZTWK6100001,JA-P-TWK,001,2026-10-20,4,4,0,,Sato Kenji\n",
  );

  const badCsv = path.join(tmp, "bad-receipts.csv");
  writeFileSync(badCsv, "receipt_id,bogus\nJKR-2026-0399,x\n");

  step = "launch chromium";
  // playwright-core refuses --user-data-dir among the arguments and takes the (fresh) profile
  // directory as the first parameter of launchPersistentContext instead.
  const profile = mkdtempSync(path.join(tmp, "chromium-"));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
      "--disable-background-networking", "--disable-sync", "--disable-component-update"],
  });
  const context = browser;
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(`page error: ${e.message}`));
  page.on("console", (msg) => {
    // A refused request shows as a console error too; only script and CSP problems count.
    if (msg.type() === "error" && !/status of (401|404|422)/.test(msg.text())) pageErrors.push(`console: ${msg.text()}`);
  });
  // Nothing may leave the test server.
  const outside = [];
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) outside.push(r.url()); });

  const main = page.locator("main");
  const h1 = page.locator("main h1");

  async function signIn(user, password) {
    await page.locator("#user").fill(user);
    await page.locator("#password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  step = "sign-in page";
  await page.goto(base);
  await h1.filter({ hasText: "Sign in" }).waitFor();
  check(await page.getByLabel("User name").isVisible(), "the sign-in form has a labelled user name field");

  step = "wrong password";
  await signIn("pmo", "not-the-password");
  await page.locator("#sign-in-error").filter({ hasText: "the user name or the password is wrong" }).waitFor();
  check(true, "a wrong password shows the problem detail");

  step = "sign in as pmo";
  await signIn("pmo", "fmsledger-demo");
  await h1.filter({ hasText: "Portfolio" }).waitFor();
  check((await page.locator("#who-name").textContent()).includes("pmo"), "the header names the signed-in user");
  const twk = main.getByRole("link", { name: "JA-P-TWK", exact: true });
  check(await twk.count() === 1, "the portfolio lists JA-P-TWK");
  check(await main.locator("tbody tr").count() > 1, "the portfolio has several cases");

  step = "case page";
  await twk.click();
  await h1.filter({ hasText: "Tomahawk Block IV/V all-up rounds and Tactical Tomahawk Weapon Control Systems" }).waitFor();
  check(page.url().endsWith("#/cases/JA-P-TWK"), "the case page has its own address");
  check(await main.locator("table", { has: page.locator("caption", { hasText: /^Lines$/ }) }).locator("tbody tr").count() >= 5, "the case page lists the case's lines");
  check(await main.locator("table", { has: page.locator("caption", { hasText: "Payment schedule" }) }).locator("tbody tr").count() >= 2, "the case page shows the payment schedule");
  check(await main.locator("table", { has: page.locator("caption", { hasText: /^Versions$/ }) }).getByText("Amendment 2").count() >= 1, "the case page lists the versions");
  const caseDiscrepancies = main.locator("table", { has: page.locator("caption", { hasText: "Discrepancies of this case" }) });
  check(await caseDiscrepancies.locator("tbody tr", { hasText: "shipped-not-received" }).count() >= 1, "the case page shows a discrepancy row");
  check(await caseDiscrepancies.getByText("JKR-2026-0301").count() === 0, "no discrepancy names JKR-2026-0301 before the import");

  step = "raise an SDR";
  check((await main.textContent()).includes("Supply Discrepancy Reports: none raised"), "the case has no SDR yet");
  const choice = page.getByLabel("Discrepancy");
  const shortOption = choice.locator("option", { hasText: "quantity-short line 001: delivery PJAZTWK5210001" });
  check(await shortOption.count() === 1, "the short delivery is offered for an SDR");
  check(await choice.locator("option", { hasText: "duplicate-document" }).count() === 0, "a discrepancy without an SDR deadline is not offered");
  await choice.selectOption({ label: await shortOption.textContent() });
  await page.getByLabel("What the SDR claims and why").fill("4 rounds short of the delivery listing");
  await page.getByRole("button", { name: "Raise SDR" }).click();
  const sdrTable = main.locator("table", { has: page.locator("caption", { hasText: "Supply Discrepancy Reports" }) });
  await sdrTable.waitFor();
  const sdrRow = sdrTable.locator("tbody tr", { hasText: "A0001-JA-TWK/001" });
  check(await sdrRow.count() === 1, "the new SDR is listed on the case page");
  check((await sdrRow.textContent()).includes("draft") && (await sdrRow.textContent()).includes("2,120,000.00"), "the SDR is a draft claiming USD 2,120,000.00");
  check(await choice.locator("option", { hasText: "quantity-short line 001" }).count() === 0, "a discrepancy with an open SDR is no longer offered");

  step = "discrepancies page";
  await page.getByRole("navigation").getByRole("link", { name: "Discrepancies" }).click();
  await h1.filter({ hasText: "Discrepancies" }).waitFor();
  check(await main.locator("canvas").count() === 1, "the discrepancies page draws a chart");
  const allRows = await page.locator("#discrepancy-list tbody tr").count();
  await page.getByLabel("Discrepancy type", { exact: true }).selectOption("quantity-short");
  const shortRows = page.locator("#discrepancy-list tbody tr");
  check(await shortRows.count() >= 1 && await shortRows.count() < allRows, "the type filter narrows the table");
  check(await shortRows.filter({ hasNotText: "quantity-short" }).count() === 0, "the filtered table holds only that type");

  step = "import receipts";
  await page.getByRole("navigation").getByRole("link", { name: "Import" }).click();
  await h1.filter({ hasText: "Import receipts" }).waitFor();
  const result = page.locator("#import-result");
  await page.getByLabel("Receipts CSV file").setInputFiles(badCsv);
  await page.getByRole("button", { name: "Upload" }).click();
  await result.filter({ hasText: "nothing was recorded" }).waitFor();
  check(await result.locator("li", { hasText: 'bad-receipts.csv:1: field "bogus": unknown column' }).count() === 1, "a refused import lists the problem's errors");
  await page.getByLabel("Receipts CSV file").setInputFiles(csv);
  await page.getByRole("button", { name: "Upload" }).click();
  await result.filter({ hasText: "recorded receipts document" }).waitFor();
  check((await result.textContent()).includes("receipts-e2e.csv: recorded receipts document") && (await result.textContent()).includes("with 1 row"), "the import reports the receipt recorded");

  step = "the same file again";
  await page.getByLabel("Receipts CSV file").setInputFiles(csv);
  await page.getByRole("button", { name: "Upload" }).click();
  await result.filter({ hasText: "already recorded" }).waitFor();
  check((await result.textContent()).includes("nothing changed"), "the same content again is not recorded twice");

  step = "case page after the import";
  await result.getByRole("link", { name: "JA-P-TWK" }).click();
  await h1.filter({ hasText: "Tomahawk" }).waitFor();
  check(await caseDiscrepancies.locator("tbody tr", { hasText: "receipt JKR-2026-0301" }).count() === 1, "a discrepancy names JKR-2026-0301 on the case page");

  step = "sign out";
  await page.getByRole("button", { name: "Sign out" }).click();
  await h1.filter({ hasText: "Sign in" }).waitFor();
  check(await page.locator("#who").isHidden(), "the header no longer shows a user");
  const status = await page.evaluate(async () => (await fetch("/api/session")).status);
  check(status === 401, "the session has ended on the server");

  step = "sign in as dapa";
  await signIn("dapa", "fmsledger-demo");
  await h1.filter({ hasText: "Portfolio" }).waitFor();
  check(await main.getByText("no cases are visible to you").count() === 1, "dapa sees no cases");
  check(await main.getByText("JA-P-TWK").count() === 0, "dapa's portfolio does not name JA-P-TWK");

  step = "dapa opens JA-P-TWK";
  await page.goto(`${base}#/cases/JA-P-TWK`);
  await h1.filter({ hasText: "Not found" }).waitFor();
  check((await main.textContent()).includes("case JA-P-TWK not found"), "JA-P-TWK is not found for dapa");
  check(await main.getByText("Tomahawk").count() === 0, "nothing of the case is shown to dapa");

  step = "unknown path (SPA fallback)";
  await page.goto(`${base}no/such/page`);
  await h1.filter({ hasText: "Portfolio" }).waitFor();
  check(true, "an unknown path serves the application");

  step = "page errors";
  check(pageErrors.length === 0, `no script or CSP errors (${pageErrors.join(" | ")})`);
  check(outside.length === 0, `no request leaves the server (${outside.join(" ")})`);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`e2e: FAILED at step "${step}": ${e.message}`);
  if (serverLog) console.error(`e2e: server log (last lines):\n${serverLog.trim().split("\n").slice(-15).join("\n")}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  stopServer();
}
for (const p of passed) console.log(`ok - ${p}`);
console.log(failed ? `e2e: FAIL (${passed.length} checks passed before the failure)` : `e2e: PASS (${passed.length} checks)`);
process.exit(failed ? 1 : 0);
