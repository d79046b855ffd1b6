// Closure: the closure checklist of the case (each check met or not, in words and a badge), ready
// or not and its first blocker, the closure target, and the settlement of the final DD 645. A
// case manager may move the case to its next status here; a step whose evidence is missing is
// refused naming what is missing (409), and may then be taken with an override and its reason.
import { ApiError, getJson, send, type Schemas } from "../../lib/api";
import { facts, field, h, select, statusRegion, table, type Child } from "../../lib/dom";
import { cents, date, money, today } from "../../lib/format";
import { strings } from "../../lib/i18n";
import { caseStatusLabel, closureCheckLabel } from "../../lib/labels";
import { problemBlock } from "../../lib/problem_view";
import { refresh } from "../../lib/refresh";
import { can } from "../../lib/session";
import type { CaseContext } from "./case";
import { softly } from "./progress";

type Closure = Schemas["CaseClosure"];
type Check = Schemas["ClosureCheck"];

const T = strings(
  { checklist: "Closure checklist", checks: "Checks", notCovered: "The closure report covers only cases in execution; this case is not in it.",
    ready: "Ready for closure", yes: "yes", no: "no", firstBlocker: "First blocker", noBlocker: "none",
    ssc: "Supply/services complete on", target: "Closure target", item: "Check", result: "Result", reason: "Detail",
    met: "✓ met", notMet: "✗ not met", asOf: (d: string) => `As of ${d}.`,
    settlement: "Settlement (final DD 645)", noSettlement: "No final DD 645 has been received, so there is no settlement yet.",
    statementDate: "Statement date", received: "Payments received", delivered: "Delivered", inProgress: "Costs in progress",
    accessorials: "Accessorials", surcharges: "Surcharges", totalCost: "Total cost", balance: "Balance (received less total cost)",
    paidSince: "Paid or refunded since", outstanding: "Outstanding", refundDue: "refund due to the purchaser",
    owed: "owed by the purchaser", settled: "settled",
    transition: "Change the case's status", to: "New status", date: "Date", why: "Reason",
    overrideLabel: "Override: why take this step although something is missing",
    overrideHint: "Recorded with the list of what was missing.", submit: "Record the step",
    moved: (from: string, to: string, d: string) => `The case moved from ${from} to ${to} on ${d}.`,
    overridden: (r: string) => `Override recorded: ${r}`, noSteps: "No further step is defined from this status." },
  { checklist: "閉鎖チェックリスト", checks: "確認項目", notCovered: "閉鎖報告は執行中のケースのみを対象とし、このケースは含まれていません。",
    ready: "閉鎖可能", yes: "はい", no: "いいえ", firstBlocker: "最初の障害", noBlocker: "なし",
    ssc: "供給・役務完了日", target: "閉鎖目標日", item: "確認項目", result: "結果", reason: "詳細",
    met: "✓ 充足", notMet: "✗ 未充足", asOf: (d: string) => `${d}時点。`,
    settlement: "精算（最終 DD 645）", noSettlement: "最終 DD 645 を受領していないため、精算はまだありません。",
    statementDate: "請求書の日付", received: "受領済支払額", delivered: "納入額", inProgress: "仕掛中の費用",
    accessorials: "付帯費用", surcharges: "管理費等", totalCost: "費用合計", balance: "残高（受領額－費用合計）",
    paidSince: "その後の支払・返金", outstanding: "未精算額", refundDue: "購入者への返金",
    owed: "購入者の支払不足", settled: "精算済",
    transition: "ケースの状況を変更", to: "新しい状況", date: "日付", why: "理由",
    overrideLabel: "例外措置：不足があってもこの変更を行う理由",
    overrideHint: "不足している事項の一覧とともに記録されます。", submit: "変更を記録",
    moved: (from: string, to: string, d: string) => `${d}にケースの状況を${from}から${to}に変更しました。`,
    overridden: (r: string) => `例外措置を記録：${r}`, noSteps: "この状況から先の変更は定義されていません。" },
);

// The legal steps (docs/lifecycle.md, src/core/case_status.cc); the server still decides.
const steps: Record<string, string[]> = {
  "lor-received": ["pa-issued"], "pa-issued": ["in-development"], "in-development": ["cn-pending"], "cn-pending": ["offered"],
  offered: ["accepted", "offer-expired", "restated", "withdrawn"], "offer-expired": ["offered", "cancelled"], expired: ["offered", "cancelled"],
  cancelled: ["offered"], accepted: ["implemented"], implemented: ["supply-services-complete", "suspended", "cancellation-requested"],
  suspended: ["implemented", "cancelled"], "cancellation-requested": ["closure-submitted"],
  "supply-services-complete": ["closure-submitted"], "closure-submitted": ["closed", "closed-interim"],
  "closed-interim": ["closed", "reopened"], closed: ["reopened"], reopened: ["implemented"],
};

const flashKey = "fmsledger.case-transition";

function checks(rows: Check[]): HTMLElement {
  return table<Check>(
    T.checks,
    [
      { header: T.item, cell: (c) => closureCheckLabel(c.item) },
      { header: T.result, cell: (c) => h("span", { class: `badge ${c.ok ? "good" : "bad"}`, "data-ok": String(c.ok) }, c.ok ? T.met : T.notMet) },
      { header: T.reason, cell: (c) => c.reason },
    ],
    rows,
    T.noBlocker,
    (c) => (c.ok ? undefined : "not-met"),
  );
}

function balanceText(value: string): string {
  const c = cents(value);
  return `${money(value)} (${c > 0n ? T.refundDue : c < 0n ? T.owed : T.settled})`;
}

function settlement(c: Closure): HTMLElement {
  const s = c.settlement;
  if (!s) return h("p", {}, T.noSettlement);
  const pairs: [string, Child][] = [
    [T.statementDate, date(s.statement_date)],
    [T.received, money(s.payments_received)],
    [T.delivered, money(s.delivered)],
    [T.inProgress, money(s.costs_in_progress)],
    [T.accessorials, money(s.accessorials)],
    [T.surcharges, money(s.surcharges)],
    [T.totalCost, money(s.total_cost)],
    [T.balance, h("span", { "data-figure": "balance-usd" }, balanceText(s.balance))],
    [T.paidSince, money(s.paid_since)],
    [T.outstanding, h("span", { "data-figure": "outstanding-usd" }, balanceText(s.outstanding))],
  ];
  return facts(pairs);
}

function transitionForm(ctx: CaseContext): HTMLElement {
  const next = steps[ctx.detail.status] ?? [];
  if (next.length === 0) return h("p", {}, T.noSteps);
  const to = select(next.map((s) => [s, caseStatusLabel(s)]));
  const day = h("input", { type: "date", value: today(), required: true });
  const reason = h("input", { type: "text", required: true, maxlength: "1000" });
  const override = h("textarea", { rows: "2", maxlength: "1000" });
  const overrideField = field("transition-override", T.overrideLabel, override, T.overrideHint);
  overrideField.hidden = true;
  const button = h("button", { type: "submit" }, T.submit);
  const outcome = statusRegion("transition-outcome");
  const form = h("form", { class: "transition" }, field("transition-to", T.to, to), field("transition-date", T.date, day), field("transition-reason", T.why, reason), overrideField, button);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    outcome.replaceChildren();
    const body: Schemas["TransitionRequest"] = { to: to.value, date: day.value, reason: reason.value.trim() };
    if (!overrideField.hidden && override.value.trim()) body.override = override.value.trim();
    try {
      const answer = await send<Schemas["Transitioned"]>("POST", `/api/cases/${encodeURIComponent(ctx.id)}/transitions`, JSON.stringify(body), {
        "Content-Type": "application/json", ...(ctx.etag ? { "If-Match": ctx.etag } : {}),
      });
      const t = answer.body;
      const said = [T.moved(t.from ? caseStatusLabel(t.from) : "—", caseStatusLabel(t.to), date(t.date)), t.override ? T.overridden(t.override.reason) : ""];
      sessionStorage.setItem(flashKey, JSON.stringify({ id: ctx.id, text: said.filter(Boolean).join(" ") }));
      refresh(); // the case is drawn again with its new status and ETag
    } catch (e) {
      outcome.replaceChildren(problemBlock(e));
      if (e instanceof ApiError && e.status === 409) {
        overrideField.hidden = false;
        override.required = true;
      }
      button.disabled = false;
    }
  });
  return h("div", {}, form, outcome);
}

function flash(id: string): HTMLElement | null {
  const saved = sessionStorage.getItem(flashKey);
  if (!saved) return null;
  sessionStorage.removeItem(flashKey);
  const { id: of, text } = JSON.parse(saved) as { id: string; text: string };
  return of === id ? h("p", { class: "ok", role: "status" }, text) : null;
}

export async function renderClosure(ctx: CaseContext): Promise<HTMLElement> {
  const report = await softly(getJson<Schemas["ClosureReport"]>(`/api/reports/closure?case=${encodeURIComponent(ctx.id)}`));
  const out = h("div", { class: "tab closure" }, flash(ctx.id), h("h2", {}, T.checklist));
  const c = report instanceof Error ? null : report.cases.find((x) => x.case_id === ctx.id) ?? null;
  if (report instanceof Error) out.append(problemBlock(report));
  else if (!c) out.append(h("p", { class: "note", "data-figure": "not-covered" }, T.notCovered));
  else {
    const blocker = c.first_blocker;
    out.append(
      facts([
        [T.ready, h("span", { class: `badge ${c.ready ? "good" : "bad"}`, "data-figure": "ready" }, c.ready ? `✓ ${T.yes}` : `✗ ${T.no}`)],
        [T.firstBlocker, h("span", { "data-figure": "first-blocker" }, blocker ? `${closureCheckLabel(blocker.item)}: ${blocker.reason}` : T.noBlocker)],
        [T.ssc, date(c.supply_services_complete)],
        [T.target, h("span", { "data-figure": "closure-target" }, date(c.closure_target))],
      ]),
      h("p", { class: "help" }, T.asOf(date(report.as_of))),
      checks(c.checks),
      h("h2", {}, T.settlement),
      settlement(c),
    );
  }
  if (can("manage-case")) out.append(h("h2", {}, T.transition), transitionForm(ctx));
  return out;
}
