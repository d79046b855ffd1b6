// Verify (#/verify): what the check covers, a button that runs it (GET /api/verify) and its
// result: ok with the chain's length and head hash (what an outside copy is compared with), or
// the failure. Auditors and administrators only.
import { getJson, type Schemas } from "../lib/api";
import { facts, h } from "../lib/dom";
import { count, instant } from "../lib/format";
import { strings } from "../lib/i18n";
import { problemBlock } from "../lib/problem_view";
import { can } from "../lib/session";

const T = strings(
  {
    title: "Verify the ledger", intro: "Verify checks that the recorded log has not been altered and that what the pages show follows from it:",
    chain: "the hash chain: every event names the hash of the one before it, and each event's hash matches its content;",
    replay: "the replay: the whole log is played again from empty through the same rules the commands use, and the result must equal the stored projections (case summaries and lines);",
    segments: "the segments: every archived segment of the log is hashed again and compared with its recorded hash.",
    anchor: "Keep the head hash and the number of events where the database's host cannot rewrite them: checking a copy with fmsledger verify --expect-head HASH@EVENT then shows whether events were dropped or the log was re-chained.",
    run: "Run verify", running: "Verifying…", result: "Result", ok: "Verified: the log is intact.", failed: "Verification failed.",
    at: "Checked at", scope: "Scope", allOrgs: "all organisations", events: "Events in the chain", cases: "Cases", documents: "Documents",
    segmentsCount: "Segments", head: "Chain head hash", error: "What failed", notAllowed: "Not allowed",
    notAllowedText: "Only an auditor or an administrator may verify the ledger.",
  },
  {
    title: "台帳の検証", intro: "検証では、記録されたログが改ざんされていないこと、および画面に表示される内容がログから導かれることを確認します。",
    chain: "ハッシュチェーン：各イベントが直前のイベントのハッシュを持ち、各イベントのハッシュが内容と一致すること。",
    replay: "再生：ログ全体を空の状態から各コマンドと同じ規則で再生し、その結果が保存された射影（ケースの概要とライン）と一致すること。",
    segments: "セグメント：保管済みのログの各セグメントを再度ハッシュし、記録されたハッシュと照合すること。",
    anchor: "先頭ハッシュとイベント数は、データベースのホストが書き換えられない場所に控えてください。複製を fmsledger verify --expect-head HASH@EVENT で検証すれば、イベントの削除やチェーンの組み直しが判明します。",
    run: "検証を実行", running: "検証中…", result: "結果", ok: "検証済み：ログは完全です。", failed: "検証に失敗しました。",
    at: "検証日時", scope: "対象", allOrgs: "全組織", events: "チェーン内のイベント数", cases: "ケース数", documents: "文書数",
    segmentsCount: "セグメント数", head: "チェーン先頭ハッシュ", error: "失敗の内容", notAllowed: "許可されていません",
    notAllowedText: "台帳を検証できるのは監査担当またはシステム管理者のみです。",
  },
);

type VerifyResult = Schemas["VerifyResult"];

function resultBlock(r: VerifyResult): HTMLElement {
  const scope = r.scope === undefined ? "—" : typeof r.scope === "string" ? (r.scope === "all organisations" ? T.allOrgs : r.scope) : r.scope.join(", ");
  const pairs: [string, Node | string][] = [[T.at, instant(new Date().toISOString())], [T.scope, scope]];
  if (r.events !== undefined) pairs.push([T.events, count(r.events)]);
  if (r.cases !== undefined) pairs.push([T.cases, count(r.cases)]);
  if (r.documents !== undefined) pairs.push([T.documents, count(r.documents)]);
  if (r.segments !== undefined) pairs.push([T.segmentsCount, count(r.segments)]);
  if (r.head_hash) pairs.push([T.head, h("code", { class: "hash", id: "head-hash" }, r.head_hash)]);
  if (!r.ok && r.error) pairs.push([T.error, h("span", { lang: "en" }, r.error)]);
  return h(
    "div",
    { class: r.ok ? "ok" : "problem", "data-verify": r.ok ? "ok" : "failed", id: "verify-result" },
    h("p", {}, h("strong", {}, r.ok ? `✓ ${T.ok}` : `✗ ${T.failed}`)),
    facts(pairs),
  );
}

export function renderVerify(): HTMLElement {
  if (!can("verify")) return h("section", {}, h("h1", {}, T.title), h("h2", {}, T.notAllowed), h("p", { class: "note" }, T.notAllowedText));
  const button = h("button", { type: "button", id: "run-verify" }, T.run);
  const outcome = h("div", { id: "verify-outcome", role: "status", "aria-live": "polite" });
  button.addEventListener("click", async () => {
    button.disabled = true;
    outcome.setAttribute("aria-busy", "true");
    outcome.replaceChildren(h("p", {}, T.running));
    try {
      outcome.replaceChildren(h("h2", {}, T.result), resultBlock(await getJson<VerifyResult>("/api/verify")));
    } catch (e) {
      outcome.replaceChildren(h("h2", {}, T.result), h("div", { "data-verify": "failed", id: "verify-result" }, problemBlock(e)));
    } finally {
      outcome.removeAttribute("aria-busy");
      button.disabled = false;
    }
  });
  return h(
    "section",
    { class: "verify" },
    h("h1", {}, T.title),
    h("p", { class: "help" }, T.intro),
    h("ul", { class: "help" }, h("li", {}, T.chain), h("li", {}, T.replay), h("li", {}, T.segments)),
    h("p", { class: "help" }, T.anchor),
    h("div", { class: "actions" }, button),
    outcome,
  );
}
