#!/usr/bin/env node
// API contract test: every JSON answer of a real `fmsledger serve` (on a fresh demo database)
// must match the schema src/http/openapi.json declares for its route and status. The web UI's
// TypeScript types are generated from that document, so a mismatch here is a type the UI
// believes and the server breaks.
//
//   node tests/contract/run.mjs <path to fmsledger>
//
// Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses) comes from web/node_modules (npm ci in web/).
// Prints one "ok - ..." line per check; exits non-zero on any failure, listing Ajv's errors with
// the route. The server is stopped on every exit path.

import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
// ajv and ajv-formats are devDependencies of web/, so resolve them from there.
const require = createRequire(path.join(repo, "web", "package.json"));
let Ajv2020, addFormats;
try {
  Ajv2020 = require("ajv/dist/2020").default;
  addFormats = require("ajv-formats").default;
} catch (e) {
  console.error(`contract: ${e.message}\ncontract: install web/'s packages first: cd web && npm ci`);
  process.exit(2);
}

const binaryArg = process.argv[2];
if (!binaryArg) {
  console.error("usage: node tests/contract/run.mjs <path to fmsledger>");
  process.exit(2);
}
const binary = path.resolve(binaryArg);
if (!existsSync(binary)) {
  console.error(`contract: fmsledger not found at ${binary}`);
  process.exit(2);
}

// The document in the source tree, not the one the binary serves: the web types are generated
// from this file, and it is what a change to scripts/openapi.py changes.
const documentPath = path.join(repo, "src", "http", "openapi.json");
const doc = JSON.parse(readFileSync(documentPath, "utf8"));

// The document leaves additionalProperties unstated on answers, so that a member added later
// breaks no client. Here every object that lists its properties is closed: a member the server
// writes and the document does not name is a member the generated types do not have, and fails.
function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    // "properties" maps names to schemas: close the schemas, never treat a name as a keyword.
    out[key] = key === "properties"
      ? Object.fromEntries(Object.entries(value).map(([name, s]) => [name, closed(s)]))
      : closed(value);
  }
  if (out.properties && !("additionalProperties" in out)) out.additionalProperties = false;
  return out;
}

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strictTypes: false });
addFormats(ajv);
// OpenAPI's own formats, which say nothing a validator can check.
ajv.addFormat("password", true);
ajv.addFormat("binary", true);
// The schemas keep their "#/components/schemas/X" references: register them under the same
// path in a document of their own, so "openapi.json#/components/schemas/X" resolves.
ajv.addKeyword("components");
ajv.addSchema({ $id: "openapi.json", components: { schemas: closed(doc.components.schemas) } });

const tmp = mkdtempSync(path.join(tmpdir(), "fmsledger-contract-"));
const db = path.join(tmp, "contract.db");
// The sanitizer build's leak check fires at exit of a killed server; it is not what this tests.
const asan = process.env.ASAN_OPTIONS ? `${process.env.ASAN_OPTIONS}:detect_leaks=0` : "detect_leaks=0";
const env = { ...process.env, FMSLEDGER_PASSWORD_COST: "minimum", ASAN_OPTIONS: asan };
let server = null;
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
  process.on(sig, () => { console.error(`contract: ${sig}`); process.exit(1); });
}

async function startServer() {
  server = spawn(binary, ["--db", db, "serve", "--listen", "127.0.0.1:0"], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stderr.on("data", (d) => { serverLog += d; });
  const lines = readline.createInterface({ input: server.stdout });
  const first = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server printed no address within 30 s")), 30000);
    server.once("exit", (code, sig) => { clearTimeout(timer); reject(new Error(`server exited early (${code ?? sig})`)); });
    lines.once("line", (line) => { clearTimeout(timer); resolve(line); });
  });
  const m = /^fmsledger serving .* on (http:\/\/127\.0\.0\.1:\d+)\//.exec(first);
  if (!m) throw new Error(`unexpected first line from the server: ${first}`);
  lines.on("line", () => {}); // keep draining stdout
  return m[1];
}

// --- checks -----------------------------------------------------------------------------------

let base = "";
const failures = [];
let passed = 0;
const covered = new Set(); // "get /api/cases/{case_id}": documented operations a check has hit

function pass(what) {
  passed += 1;
  console.log(`ok - ${what}`);
}
function fail(what, details = []) {
  failures.push(what);
  console.log(`not ok - ${what}`);
  for (const line of details) console.log(`    ${line}`);
}

// The documented operation a concrete path is an instance of ("{x}" matches one segment).
function operationOf(method, urlPath) {
  const segments = urlPath.split("/");
  for (const [template, item] of Object.entries(doc.paths)) {
    const parts = template.split("/");
    if (parts.length !== segments.length || !item[method]) continue;
    if (parts.every((p, i) => (p.startsWith("{") && p.endsWith("}")) || p === segments[i])) {
      return { template, operation: item[method] };
    }
  }
  return null;
}

function resolve(node) {
  while (node && node.$ref) {
    node = node.$ref.split("/").slice(1).reduce((at, key) => at[key], doc);
  }
  return node;
}

async function call(method, url, { cookie, csrf, body, accept } = {}) {
  const headers = {};
  if (cookie) headers.cookie = cookie;
  if (csrf) headers["x-csrf-token"] = csrf;
  if (accept) headers.accept = accept;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(base + url, {
    method: method.toUpperCase(), headers, body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60000),
  });
  const type = (response.headers.get("content-type") ?? "").split(";")[0].trim();
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type, bytes, headers: response.headers };
}

// One request, its answer checked against the document: the status is documented for the
// operation, the media type is one it declares, and a JSON body matches the declared schema.
// `expect` is the status the check wants. Returns the parsed body (or null).
async function check(method, url, { as, who, expect = 200, ...options } = {}) {
  const label = `${method.toUpperCase()} ${url}${who ? ` (${who})` : ""} -> ${expect}`;
  const urlPath = url.split("?")[0];
  const found = operationOf(method, urlPath);
  if (!found) return fail(label, ["no such operation in the document"]), null;
  covered.add(`${method} ${found.template}`);
  let answer;
  try {
    answer = await call(method, url, { ...as, ...options });
  } catch (e) {
    return fail(label, [`request failed: ${e.message}`]), null;
  }
  const problems = [];
  if (answer.status !== expect) problems.push(`status ${answer.status}, expected ${expect}: ${answer.bytes.toString("utf8").slice(0, 300)}`);
  const declared = resolve(found.operation.responses[String(answer.status)] ?? found.operation.responses.default);
  if (!declared) {
    problems.push(`status ${answer.status} is not documented for ${method.toUpperCase()} ${found.template}`);
    return fail(label, problems), null;
  }
  const media = declared.content?.[answer.type];
  if (declared.content && !media) {
    problems.push(`content type "${answer.type}" is not one documented (${Object.keys(declared.content).join(", ")})`);
  }
  let json = null;
  let schemaName = answer.type || "no body";
  if (media && answer.type.endsWith("json")) {
    try {
      json = JSON.parse(answer.bytes.toString("utf8"));
    } catch (e) {
      problems.push(`the body is not JSON: ${e.message}`);
    }
    const ref = media.schema?.$ref;
    if (!ref) {
      problems.push(`the document names no schema for this answer: ${JSON.stringify(media.schema)}`);
    } else if (json !== null) {
      schemaName = ref.split("/").pop();
      const validate = ajv.getSchema(`openapi.json${ref}`);
      if (!validate) {
        problems.push(`Ajv has no schema ${ref}`);
      } else if (!validate(json)) {
        for (const e of validate.errors.slice(0, 15)) {
          const extra = e.params?.additionalProperty ? ` (undocumented member "${e.params.additionalProperty}")`
            : e.params?.allowedValues ? ` (${JSON.stringify(e.params.allowedValues)})` : "";
          problems.push(`${schemaName}${e.instancePath || ""}: ${e.message}${extra} [${e.schemaPath}]`);
        }
        if (validate.errors.length > 15) problems.push(`... ${validate.errors.length - 15} more`);
      }
    }
  }
  if (problems.length) return fail(label, problems), null;
  pass(`${label} ${schemaName}`);
  return json;
}

async function signIn(user) {
  const label = `POST /api/session (${user}) -> 201`;
  const answer = await call("post", "/api/session", { body: { user, password: "fmsledger-demo" } });
  const cookies = typeof answer.headers.getSetCookie === "function" ? answer.headers.getSetCookie()
    : [answer.headers.get("set-cookie") ?? ""];
  const cookie = cookies.map((c) => c.split(";")[0]).find((c) => c.startsWith("fmsledger_session="));
  if (answer.status !== 201 || !cookie) {
    throw new Error(`${label}: status ${answer.status}, cookie ${cookie ?? "none"}: ${answer.bytes.toString("utf8")}`);
  }
  covered.add("post /api/session");
  const me = JSON.parse(answer.bytes.toString("utf8"));
  const validate = ajv.getSchema("openapi.json#/components/schemas/Me");
  if (validate(me)) pass(`${label} Me`);
  else fail(label, validate.errors.map((e) => `Me${e.instancePath}: ${e.message}`));
  return { cookie, csrf: me.csrf_token };
}

// The demo has no SDR: draft one (as the case manager) on a discrepancy that names a document,
// so the SDR detail and the SDR rows of the reports are checked too. Returns its number or null.
async function draftSdr(pmo) {
  const list = await call("get", "/api/discrepancies?case=JA-P-TWK", pmo);
  const rows = list.status === 200 ? JSON.parse(list.bytes.toString("utf8")).discrepancies : [];
  const target = rows.find((d) => d.documents.length > 0 && d.line !== "");
  if (!target) return null;
  const body = { case: target.case_id, type: target.type, document: target.documents[0], line: target.line, reason: "contract test" };
  const outcome = await check("post", "/api/sdrs", { as: pmo, who: "pmo", expect: 201, body });
  return outcome?.sdr?.number ?? null;
}

async function main() {
  execFileSync(binary, ["--db", db, "demo"], { env, stdio: ["ignore", "ignore", "inherit"] });
  base = await startServer();
  console.log(`# server at ${base}/, document ${path.relative(repo, documentPath)}`);

  const admin = await signIn("admin");
  const finance = await signIn("finance");
  const pmo = await signIn("pmo");
  const F = { as: finance, who: "finance" };
  const A = { as: admin, who: "admin" };

  // SDR first, so every report below has one to show.
  let sdr = null;
  const existing = await check("get", "/api/reports/sdr", F);
  sdr = existing?.sdrs?.[0]?.number ?? (await draftSdr(pmo));

  // Public routes.
  await check("get", "/healthz");
  await check("get", "/metrics");
  await check("get", "/api/openapi.json");

  // Session and the caller's tokens.
  await check("get", "/api/session", F);
  await check("get", "/api/tokens", F);

  // Cases.
  const page = await check("get", "/api/cases?limit=3", F);
  if (page?.next_cursor) await check("get", `/api/cases?limit=3&cursor=${page.next_cursor}`, F);
  await check("get", "/api/cases?status=implemented", F);
  await check("get", "/api/cases/JA-P-TWK", F);
  await check("get", "/api/cases/JA-P-TWK?version=0", F);
  await check("get", "/api/cases/JA-D-JER?as_of=2024-06-30", F);
  await check("get", "/api/cases/JA-P-TWK/versions", F);
  await check("get", "/api/cases/JA-P-TWK/diff?from=1&to=2", F);
  await check("get", "/api/cases/JA-P-TWK/diff?from=0&to=2", F);
  await check("get", "/api/cases/JA-P-TWK/notification", F);
  await check("get", "/api/cases/JA-P-SXB/notification?version=0", F);
  await check("get", "/api/cases/JA-P-TWK/history?limit=20", F);

  // Execution.
  const documents = await check("get", "/api/documents?limit=5", F);
  if (documents?.next_cursor) await check("get", `/api/documents?limit=5&cursor=${documents.next_cursor}`, F);
  await check("get", "/api/documents?kind=bill&all=true", F);
  await check("get", "/api/discrepancies", F);
  await check("get", "/api/discrepancies?case=JA-P-TWK&as_of=2026-11-01", F);

  // Finance.
  await check("get", "/api/rates", F);
  await check("get", "/api/rates?pair=USD/JPY&as_of=2025-01-01", F);
  await check("get", "/api/rates/on?pair=USD/JPY&date=2026-11-01", F);
  await check("get", "/api/fiscal-years?from=2024&to=2027", F);
  await check("get", "/api/fiscal-years?from=1900&to=1901", F); // before the era table: nulls
  await check("get", "/api/budgets/in-force", F);
  await check("get", "/api/budgets/in-force?as_of=2023-06-01", F);

  // Reports, portfolio and one case.
  for (const report of ["status", "closure", "sdr", "forecast", "exposure", "envelope"]) {
    await check("get", `/api/reports/${report}`, F);
    await check("get", `/api/reports/${report}?case=JA-P-TWK`, F);
  }
  await check("get", "/api/reports/closure?case=JA-P-SXB", F); // final statement: a settlement
  await check("get", "/api/reports/exceptions", F);
  await check("get", "/api/reports/exceptions?detail=true", F);
  await check("get", "/api/reports/sdr?open=true&status=draft", F);
  await check("get", "/api/reports/forecast?as_of=2024-01-01", F);
  await check("get", "/api/reports/status?as_of=2024-06-30", F);
  await check("get", "/api/reports/workbook", { ...F, accept: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

  if (sdr) {
    await check("get", `/api/sdrs/${encodeURIComponent(sdr)}`, F);
  } else {
    console.log("# skip - GET /api/sdrs/{number}: the demo has no SDR and none could be drafted");
    covered.add("get /api/sdrs/{number}");
  }

  // Administration and audit.
  await check("get", "/api/users", A);
  await check("get", "/api/users/finance", A);
  await check("get", "/api/organisations", A);
  await check("get", "/api/organisations", F);
  const audit = await check("get", "/api/audit?limit=10", A);
  if (audit?.next_cursor) await check("get", `/api/audit?limit=10&cursor=${audit.next_cursor}`, A);
  await check("get", "/api/verify", A);

  // Refusals are problem documents (RFC 9457) of the status the document lists.
  await check("get", "/api/cases/JA-P-ZZZ", { ...F, expect: 404 });
  await check("get", "/api/cases/JA-P-ZZZ/versions", { ...F, expect: 404 });
  await check("get", "/api/reports/status?case=JA-P-ZZZ", { ...F, expect: 404 });
  await check("get", "/api/sdrs/Z9999-JA-ZZZ%2F001", { ...F, expect: 404 });
  await check("get", "/api/users/nobody", { ...A, expect: 404 });
  await check("get", "/api/users", { ...F, expect: 403 });
  await check("get", "/api/reports/status", { ...A, expect: 403 }); // admin does not read cases
  await check("get", "/api/cases", { who: "nobody", expect: 401 });
  await check("get", "/api/reports/status?as_of=yesterday", { ...F, expect: 400 });
  await check("get", "/api/rates/on?pair=USD/JPY", { ...F, expect: 400 });
  await check("get", "/api/cases/JA-P-TWK/diff?from=1", { ...F, expect: 400 });
  await check("get", "/api/reports/status", { ...F, accept: "image/png", expect: 406 });

  await check("get", "/api/reports/discrepancies?case=JA-P-TWK", F);
  await check("get", "/api/reports/status?lang=xx", { ...F, expect: 400 });

  // Every code the document enumerates has its words in both languages (src/http/words.json):
  // the browser and the Japanese reports show codes through them.
  const words = JSON.parse(readFileSync(path.join(repo, "src", "http", "words.json"), "utf8"));
  for (const [schema, table] of [["CaseStatus", "case-status"], ["DiscrepancyType", "discrepancy-type"], ["SdrStatus", "sdr-status"], ["SdrResolution", "sdr-resolution"]]) {
    const missing = doc.components.schemas[schema].enum.filter((code) => !(words.codes[table]?.[code]?.en && words.codes[table]?.[code]?.ja));
    if (missing.length) fail(`words for every ${schema}`, [`src/http/words.json codes.${table} lacks: ${missing.join(", ")}`]);
    else pass(`words for every ${schema} in English and Japanese`);
  }
  const withoutAction = doc.components.schemas.DiscrepancyType.enum.filter((code) => !words.next_action_ja?.[code]);
  if (withoutAction.length) fail("a Japanese next action for every DiscrepancyType", [`next_action_ja lacks: ${withoutAction.join(", ")}`]);
  else pass("a Japanese next action for every DiscrepancyType");
  const problemCodes = /by status ([a-z, -]+); narrower: ([a-z, -]+)/.exec(doc.components.schemas.Problem.properties.code.description);
  const codes = problemCodes ? `${problemCodes[1]}, ${problemCodes[2]}`.split(/, */) : [];
  const missingProblems = codes.filter((c) => !words.codes.problem?.[c]?.ja);
  if (codes.length === 0 || missingProblems.length) fail("words for every problem code", [`missing: ${missingProblems.join(", ") || "the list in Problem.code"}`]);
  else pass(`words for every problem code (${codes.length}) in English and Japanese`);

  // Every documented GET has been checked: a new route needs a line above.
  for (const [template, item] of Object.entries(doc.paths)) {
    if (item.get && !covered.has(`get ${template}`)) fail(`GET ${template}`, ["documented, but no check calls it"]);
  }
}

try {
  await main();
} catch (e) {
  fail(`contract test stopped: ${e.stack ?? e.message}`);
}
console.log(`# ${passed} passed, ${failures.length} failed`);
if (failures.length) {
  if (serverLog.trim()) console.log(`# server stderr (last 2000 bytes):\n${serverLog.slice(-2000)}`);
  process.exitCode = 1;
}
stopServer();
