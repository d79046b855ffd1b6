#!/usr/bin/env node
// Browser tests of the web UI against a real `fmsledger serve` on a fresh demo database.
//
//   cd web && npm ci && npm run build && node ../tests/e2e/run.mjs <path to fmsledger> [--only NAME]
//
// Runs every flow in flows/ in the order below (each one user's job done through the UI), on one
// server. Drives Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through playwright-core.
// Screenshots of every page visited go to build/e2e-screenshots (or $FMSLEDGER_E2E_SCREENSHOTS).
// Prints one `ok -` line per check and exits non-zero on any failure; the server is stopped on
// every exit path.

import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Harness } from "./harness.mjs";

const flows = ["pages", "case", "work", "office", "attention"];

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const binaryArg = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--only");
if (!binaryArg) {
  console.error("usage: node tests/e2e/run.mjs <path to fmsledger> [--only FLOW]");
  process.exit(2);
}
const binary = path.resolve(binaryArg);
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
for (const [what, p] of [["fmsledger", binary], ["chromium", chromiumPath], ["web/dist/index.html", path.join(repo, "web", "dist", "index.html")]]) {
  if (!existsSync(p)) {
    console.error(`e2e: ${what} not found at ${p}`);
    process.exit(2);
  }
}
if (only && !flows.includes(only)) {
  console.error(`e2e: no flow named ${only} (flows: ${flows.join(", ")})`);
  process.exit(2);
}

const t = new Harness({
  repo, binary, chromiumPath,
  screenshots: process.env.FMSLEDGER_E2E_SCREENSHOTS ?? path.join(repo, "build", "e2e-screenshots"),
});
process.on("exit", () => t.stop());
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => { console.error(`e2e: ${sig}`); process.exit(1); });

let failed = false;
try {
  await t.start();
  console.log(`e2e: server at ${t.base}`);
  for (const name of flows) {
    if (only && name !== only) continue;
    t.step = name;
    const flow = await import(`./flows/${name}.mjs`);
    const before = t.passed.length;
    const started = Date.now();
    await flow.run(t);
    await t.closePages();
    console.log(`e2e: flow ${name}: ${t.passed.length - before} checks in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  t.step = "page errors";
  t.check(t.problems.length === 0, `no script error, CSP error or request leaving the server (${t.problems.join(" | ")})`);
} catch (e) {
  failed = true;
  console.error(`e2e: FAILED in flow "${t.step}": ${e.message}`);
  if (t.serverLog) console.error(`e2e: server log (last lines):\n${t.serverLog.trim().split("\n").slice(-15).join("\n")}`);
} finally {
  await t.close();
}
for (const p of t.passed) console.log(`ok - ${p}`);
console.log(failed ? `e2e: FAIL (${t.passed.length} checks passed before the failure)` : `e2e: PASS (${t.passed.length} checks)`);
process.exit(failed ? 1 : 0);
