// The portfolio reports as tables: financial status, closure readiness, exceptions (with a chart
// by group) and discrepancies. Each reads its JSON as of a date (empty: the server's today).
import { getJson, query, type Schemas } from "../lib/api";
import { chart } from "../lib/chart";
import { caseLink, facts, h, table } from "../lib/dom";
import { strings } from "../lib/i18n";
import { caseStatusLabel, closureCheckLabel, discrepancyLabel, exceptionGroupLabel, nextAction } from "../lib/labels";
import { amount, cents, count, date, fromCents, money } from "../lib/format";

type Status = Schemas["StatusReport"];
type CaseFin = Schemas["CaseFinancials"];
type Closure = Schemas["ClosureReport"];
type CaseClosure = Schemas["CaseClosure"];
type Exceptions = Schemas["ExceptionsReport"];
type Group = Schemas["ExceptionGroup"];
type Discrepancy = Schemas["Discrepancy"];

const T = strings(
  { none: "none", unreconciled: (n: number) => `No reconciliation covers ${n} recorded document(s); the matches were computed for this report. Reconcile to record them.`,
    totals: "Portfolio totals", cases: "Cases", caseCol: "Case", title: "Title", status: "Status", caseValue: "Case value (USD)",
    ordered: "Ordered (USD)", delivered: "Delivered (USD)", undelivered: "Undelivered (USD)", totalCost: "Total cost (USD)",
    inProgress: "Costs in progress (USD)", paid: "Paid (USD)", sdrCredits: "SDR credits (USD)", arrears: "Arrears (USD)",
    openDisc: "Open discrepancies", openDiscUsd: "Open discrepancies (USD)", openSdrs: "Open SDRs", adverse: "Adverse conditions",
    cash: "Cash held by the seller, by purchaser", purchaser: "Purchaser", cashHeld: "Cash held (USD)", cashAvailable: "Cash available (USD)",
    byCase: "By case", readySummary: (r: number, b: number, m: number) => `${r} case(s) ready to close, ${b} blocked. Closure is due ${m} months after supply/services complete.`,
    ssc: "Supply/services complete", target: "Closure target", ready: "Ready", yes: "yes", no: "no", blocker: "First blocker",
    outstanding: "Settlement outstanding (USD)", groups: "Exception groups", group: "Group", usd: "USD", caseList: "Cases (USD)",
    chart: "Exceptions by group (USD)", line: "Line", type: "Type", documents: "Documents", arose: "Arose", age: "Age (days)",
    next: "Next action", due: "Action due", discList: "Discrepancies", byType: "By type", countCol: "Count", wholeCase: "whole case" },
  { none: "なし", unreconciled: (n: number) => `記録済みの文書 ${n} 件が照合されていません。この報告書のために照合を計算しました。照合を実行すると記録されます。`,
    totals: "ポートフォリオ合計", cases: "ケース数", caseCol: "ケース", title: "件名", status: "状況", caseValue: "ケース金額（USD）",
    ordered: "発注額（USD）", delivered: "納入額（USD）", undelivered: "未納入額（USD）", totalCost: "総費用（USD）",
    inProgress: "仕掛費用（USD）", paid: "支払額（USD）", sdrCredits: "SDRクレジット（USD）", arrears: "延滞額（USD）",
    openDisc: "未解決の不一致", openDiscUsd: "未解決の不一致（USD）", openSdrs: "未決のSDR", adverse: "不利な状況",
    cash: "売手が保有する資金（購入国別）", purchaser: "購入国", cashHeld: "保有資金（USD）", cashAvailable: "利用可能資金（USD）",
    byCase: "ケース別", readySummary: (r: number, b: number, m: number) => `閉鎖可能 ${r} 件、閉鎖不可 ${b} 件。閉鎖は供給・役務完了の ${m} か月後が目標です。`,
    ssc: "供給・役務完了日", target: "閉鎖目標日", ready: "閉鎖可能", yes: "はい", no: "いいえ", blocker: "最初の阻害要因",
    outstanding: "未精算額（USD）", groups: "例外の区分", group: "区分", usd: "USD", caseList: "ケース（USD）",
    chart: "区分別の例外額（USD）", line: "ライン", type: "種別", documents: "文書", arose: "発生日", age: "経過日数",
    next: "次の対応", due: "対応期限", discList: "不一致", byType: "種別ごと", countCol: "件数", wholeCase: "ケース全体" },
);

/** A note when the answer's matches were computed rather than recorded. */
export function reconciledNote(r: { matches_recorded: boolean; unreconciled_documents: number }): HTMLElement | null {
  return r.matches_recorded ? null : h("p", { class: "note" }, T.unreconciled(r.unreconciled_documents));
}

export function yesNo(ok: boolean): string {
  return ok ? T.yes : T.no;
}

export async function renderStatus(asOf: string): Promise<HTMLElement> {
  const r = await getJson<Status>(`/api/reports/status${query({ as_of: asOf })}`);
  const t = r.totals;
  const cash = Object.entries(t.cash_held_by_purchaser).map(([purchaser, c]) => ({ purchaser, ...c }));
  return h(
    "div",
    {},
    reconciledNote(r),
    h("h2", {}, T.totals),
    facts([
      [T.cases, count(t.cases)], [T.caseValue, amount(t.case_value)], [T.ordered, amount(t.ordered_value)],
      [T.delivered, amount(t.delivered_value)], [T.undelivered, amount(t.undelivered_value)], [T.totalCost, amount(t.total_cost)],
      [T.inProgress, amount(t.costs_in_progress)], [T.paid, amount(t.paid)], [T.sdrCredits, amount(t.sdr_credits)],
      [T.arrears, amount(t.arrears)], [T.openDisc, count(t.open_discrepancies)], [T.openDiscUsd, amount(t.open_discrepancies_usd)],
      [T.adverse, count(t.adverse_conditions)],
    ]),
    h("h2", {}, T.cash),
    table(T.cash, [
      { header: T.purchaser, cell: (c) => c.purchaser },
      { header: T.cashHeld, cell: (c) => amount(c.cash_held), numeric: true },
      { header: T.cashAvailable, cell: (c) => amount(c.cash_available), numeric: true },
    ], cash, T.none),
    h("h2", {}, T.byCase),
    table<CaseFin>(T.byCase, [
      { header: T.caseCol, cell: (c) => caseLink(c.case_id) },
      { header: T.title, cell: (c) => c.title },
      { header: T.status, cell: (c) => caseStatusLabel(c.status) },
      { header: T.caseValue, cell: (c) => amount(c.case_value), numeric: true },
      { header: T.delivered, cell: (c) => amount(c.delivered_value), numeric: true },
      { header: T.undelivered, cell: (c) => amount(c.undelivered_value), numeric: true },
      { header: T.paid, cell: (c) => amount(c.paid), numeric: true },
      { header: T.sdrCredits, cell: (c) => amount(c.sdr_credits), numeric: true },
      { header: T.arrears, cell: (c) => amount(c.position.arrears), numeric: true },
      { header: T.openDisc, cell: (c) => count(c.open_discrepancies.count), numeric: true },
      { header: T.openDiscUsd, cell: (c) => amount(c.open_discrepancies.usd), numeric: true },
      { header: T.openSdrs, cell: (c) => c.open_sdrs.join(", ") || "—" },
    ], r.cases, T.none),
  );
}

export async function renderClosure(asOf: string): Promise<HTMLElement> {
  const r = await getJson<Closure>(`/api/reports/closure${query({ as_of: asOf })}`);
  return h(
    "div",
    {},
    reconciledNote(r),
    h("p", {}, T.readySummary(r.ready, r.blocked, r.closure_months_after_ssc)),
    h("h2", {}, T.byCase),
    table<CaseClosure>(T.byCase, [
      { header: T.caseCol, cell: (c) => caseLink(c.case_id, "closure") },
      { header: T.status, cell: (c) => caseStatusLabel(c.status) },
      { header: T.ssc, cell: (c) => date(c.supply_services_complete) },
      { header: T.target, cell: (c) => date(c.closure_target) },
      { header: T.ready, cell: (c) => h("span", { class: `badge ${c.ready ? "good" : "bad"}` }, yesNo(c.ready)) },
      { header: T.blocker, cell: (c) => (c.first_blocker ? `${closureCheckLabel(c.first_blocker.item)}: ${c.first_blocker.reason}` : "—") },
      { header: T.outstanding, cell: (c) => amount(c.settlement?.outstanding), numeric: true },
    ], r.cases, T.none),
  );
}

export async function renderExceptions(asOf: string): Promise<HTMLElement> {
  const r = await getJson<Exceptions>(`/api/reports/exceptions${query({ as_of: asOf, detail: "true" })}`);
  const labels = r.groups.map((g) => exceptionGroupLabel(g.group));
  return h(
    "div",
    {},
    reconciledNote(r),
    h("h2", {}, T.groups),
    table<Group>(T.groups, [
      { header: T.group, cell: (g) => exceptionGroupLabel(g.group) },
      { header: T.cases, cell: (g) => count(g.cases), numeric: true },
      { header: T.usd, cell: (g) => amount(g.usd), numeric: true },
      { header: T.caseList, cell: (g) => (g.case_list ?? []).flatMap((c, i) => [i > 0 ? ", " : "", caseLink(c.case_id), ` (${amount(c.usd)})`]) },
    ], r.groups, T.none),
    r.groups.length > 0 ? chart(T.chart, labels, [{ label: T.usd, values: r.groups.map((g) => Number(cents(g.usd)) / 100) }], { horizontal: true }) : null,
  );
}

export async function renderDiscrepancyReport(asOf: string): Promise<HTMLElement> {
  // Page by page, keeping the first page's reconciliation state.
  const head = await getJson<Schemas["DiscrepancyList"]>(`/api/discrepancies${query({ as_of: asOf, limit: 1000 })}`);
  const rows = [...head.discrepancies];
  for (let cursor = head.next_cursor; cursor; ) {
    const page: Schemas["DiscrepancyList"] = await getJson(`/api/discrepancies${query({ as_of: asOf, limit: 1000, cursor })}`);
    rows.push(...page.discrepancies);
    cursor = page.next_cursor;
  }
  const byType = new Map<string, { count: number; usd: bigint }>();
  for (const d of rows) {
    const t = byType.get(d.type) ?? { count: 0, usd: 0n };
    t.count += 1;
    t.usd += cents(d.usd);
    byType.set(d.type, t);
  }
  const types = [...byType.entries()].map(([type, t]) => ({ type, ...t }));
  return h(
    "div",
    {},
    reconciledNote(head),
    h("h2", {}, T.byType),
    table(T.byType, [
      { header: T.type, cell: (t) => discrepancyLabel(t.type) },
      { header: T.countCol, cell: (t) => count(t.count), numeric: true },
      { header: T.usd, cell: (t) => amount(fromCents(t.usd)), numeric: true },
    ], types, T.none),
    h("h2", {}, T.discList),
    table<Discrepancy>(T.discList, [
      { header: T.caseCol, cell: (d) => caseLink(d.case_id, "discrepancies") },
      { header: T.line, cell: (d) => d.line || T.wholeCase },
      { header: T.type, cell: (d) => discrepancyLabel(d.type) },
      { header: T.documents, cell: (d) => d.documents.join("; ") },
      { header: T.usd, cell: (d) => amount(d.usd), numeric: true },
      { header: T.arose, cell: (d) => date(d.arose) },
      { header: T.age, cell: (d) => count(d.age_days), numeric: true },
      { header: T.next, cell: (d) => nextAction(d.type, d.next_action) },
      { header: T.due, cell: (d) => date(d.action_due) },
    ], rows, T.none),
    h("p", { class: "hint" }, `${T.openDiscUsd}: ${money(fromCents(rows.reduce((s, d) => s + cents(d.usd), 0n)))}`),
  );
}
