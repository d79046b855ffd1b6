// The portfolio (#/cases): the cases visible to the user, filtered by status, customer (country)
// and implementing agency through the address (#/cases?status=implemented&customer=JA), their
// totals, the payments by Japanese fiscal year in USD and in yen (exposure report) and the audit
// exceptions by group, both restricted to the cases listed when a filter is set.
import { allPages, getJson, query, type Schemas } from "../lib/api";
import { caseLink, facts, field, h, select, table } from "../lib/dom";
import { jfyText } from "../lib/fiscal";
import { chart } from "../lib/chart";
import { amount, cents, count, date, fromCents, money } from "../lib/format";
import { lang, strings } from "../lib/i18n";
import { caseStatusLabel, exceptionGroupLabel } from "../lib/labels";

const T = strings(
  {
    title: "Portfolio", filters: "Filter the cases", status: "Status", customer: "Country (customer code)",
    agency: "Implementing agency", any: "Any", apply: "Show", clear: "Clear the filters", cases: "Cases",
    caseCol: "Case", titleCol: "Title", latest: "Latest document", value: "Value", none: "no case is visible to you with these filters",
    totals: "Totals", count: "Number of cases", totalValue: "Total value",
    payments: "Payments by Japanese fiscal year", fy: "Fiscal year", usd: "USD", budgetRate: "Budget rate",
    yenBudget: "Yen at the budget rate", currentRate: "Current rate", yenCurrent: "Yen at the current rate",
    exposure: "Exposure (yen)", total: "Total", noPayments: "no payment is scheduled or recorded",
    usdChart: "Bar chart of the payments by Japanese fiscal year in USD million; the figures are in the table below.",
    yenChart: (unit: string) => `Bar chart of the payments by Japanese fiscal year in yen (${unit}) at the budget rate and at the current rate; the figures are in the table below.`,
    usdMillion: "USD million", yenUnit: "¥ billion",
    rateNote: (rate: string, on: string, book: string) => `Current rate USD/JPY ${rate} of ${on}. Budget rates from: ${book}.`,
    noBudget: "No budget document is in force: the yen at the budget rate is left empty.",
    exceptions: "Audit exceptions by group", group: "Group", groupCases: "Cases", noExceptions: "no exception",
    exceptionsChart: "Bar chart of the audit exceptions by group in USD million; the figures are in the table below.",
    filteredNote: "The figures below cover only the cases listed above (added from the reports' rows for each case).",
    wholeNote: "The figures below cover every case visible to you.",
    agencyName: (code: string) => ({ B: "US Army", D: "US Air Force", P: "US Navy" })[code] ?? "",
  },
  {
    title: "ケース一覧", filters: "ケースの絞込み", status: "状況", customer: "国（顧客コード）",
    agency: "実施機関", any: "すべて", apply: "表示", clear: "絞込みを解除", cases: "ケース",
    caseCol: "ケース", titleCol: "件名", latest: "最新の文書", value: "金額", none: "この条件で閲覧できるケースはありません",
    totals: "合計", count: "ケース数", totalValue: "合計金額",
    payments: "年度別支払額", fy: "年度", usd: "米ドル", budgetRate: "予算レート",
    yenBudget: "予算レートによる円額", currentRate: "現行レート", yenCurrent: "現行レートによる円額",
    exposure: "為替影響額（円）", total: "合計", noPayments: "予定・記録された支払はありません",
    usdChart: "年度別支払額（百万米ドル）の棒グラフ。数値は下の表にあります。",
    yenChart: (unit: string) => `年度別支払額の円換算（${unit}）を予算レートと現行レートで比べた棒グラフ。数値は下の表にあります。`,
    usdMillion: "百万米ドル", yenUnit: "億円",
    rateNote: (rate: string, on: string, book: string) => `現行レート USD/JPY ${rate}（${on}）。予算レートの出典：${book}。`,
    noBudget: "有効な予算書がないため、予算レートによる円額は空欄です。",
    exceptions: "監査上の例外（区分別）", group: "区分", groupCases: "ケース数", noExceptions: "例外はありません",
    exceptionsChart: "監査上の例外の区分別金額（百万米ドル）の棒グラフ。数値は下の表にあります。",
    filteredNote: "以下の数値は上に表示したケースのみを対象とします（各報告書のケース別の行を合算）。",
    wholeNote: "以下の数値は閲覧できる全ケースを対象とします。",
    agencyName: (code: string) => ({ B: "米陸軍", D: "米空軍", P: "米海軍" })[code] ?? "",
  },
);

type CaseSummary = Schemas["CaseSummary"];
type Exposure = Schemas["ExposureReport"];
type Exceptions = Schemas["ExceptionsReport"];

interface YearRow { jfy: string; usd: bigint; budgetRate: string | null; atBudget: bigint | null; currentRate: string; atCurrent: bigint; exposure: bigint | null; total?: boolean }
interface GroupRow { group: string; cases: number; usd: bigint }

const add = (a: bigint | null, b: string | null): bigint | null => (a === null || b === null ? null : a + cents(b));
const chartValue = (c: bigint | null, unit: number) => (c === null ? 0 : Number(c) / 100 / unit);

/** Payments by JFY: the report's own totals, or its rows of the listed cases added up. */
function paymentsByYear(report: Exposure, only: Set<string> | null): YearRow[] {
  const current = report.current_rate.rate;
  if (!only) {
    return report.tables.exposure.map((r) => ({
      jfy: r.jfy, usd: cents(r.usd), budgetRate: r.budget_rate, atBudget: r.jpy_at_budget_rate === null ? null : cents(r.jpy_at_budget_rate),
      currentRate: r.current_rate, atCurrent: cents(r.jpy_paid_at_current_rate), exposure: r.exposure_jpy === null ? null : cents(r.exposure_jpy),
    }));
  }
  const years = new Map<string, YearRow>();
  for (const r of report.tables.exposure_by_case) {
    if (!only.has(r.case)) continue;
    const y = years.get(r.jfy) ?? { jfy: r.jfy, usd: 0n, budgetRate: r.budget_rate, atBudget: 0n, currentRate: current, atCurrent: 0n, exposure: 0n };
    y.usd += cents(r.usd);
    y.atBudget = add(y.atBudget, r.jpy_at_budget_rate);
    y.atCurrent += cents(r.jpy_paid_at_current_rate);
    y.exposure = add(y.exposure, r.exposure_jpy);
    years.set(r.jfy, y);
  }
  return [...years.values()].sort((a, b) => a.jfy.localeCompare(b.jfy));
}

function exceptionGroups(report: Exceptions, only: Set<string> | null): GroupRow[] {
  return report.groups.map((g) => {
    if (!only) return { group: g.group, cases: g.cases, usd: cents(g.usd) };
    const mine = (g.case_list ?? []).filter((c) => only.has(c.case_id));
    return { group: g.group, cases: mine.length, usd: mine.reduce((sum, c) => sum + cents(c.usd), 0n) };
  });
}

function filterForm(all: CaseSummary[], orgs: Schemas["Organisation"][], q: URLSearchParams): HTMLElement {
  const distinct = (pick: (c: CaseSummary) => string, chosen: string) => [...new Set([...all.map(pick), chosen].filter((v) => v !== ""))].sort();
  const orgOf = (code: string) => orgs.find((o) => o.customers.includes(code))?.name;
  const status = select([["", T.any], ...distinct((c) => c.status, q.get("status") ?? "").map((s): [string, string] => [s, caseStatusLabel(s)])], q.get("status") ?? "");
  const customer = select([["", T.any], ...distinct((c) => c.customer, q.get("customer") ?? "").map((c): [string, string] => [c, orgOf(c) ? `${c} — ${orgOf(c)}` : c])], q.get("customer") ?? "");
  const agency = select([["", T.any], ...distinct((c) => c.implementing_agency, q.get("agency") ?? "").map((a): [string, string] => [a, T.agencyName(a) ? `${a} — ${T.agencyName(a)}` : a])], q.get("agency") ?? "");
  const form = h(
    "form",
    { class: "filters", id: "case-filters", "aria-label": T.filters },
    field("filter-status", T.status, status),
    field("filter-customer", T.customer, customer),
    field("filter-agency", T.agency, agency),
    h("div", { class: "actions" }, h("button", { type: "submit" }, T.apply), h("a", { href: "#/cases" }, T.clear)),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/cases${query({ status: status.value, customer: customer.value, agency: agency.value })}`;
  });
  return form;
}

export async function renderPortfolio(q: URLSearchParams): Promise<HTMLElement> {
  const [all, orgs, exposure, exceptions] = await Promise.all([
    allPages<CaseSummary>("/api/cases", "cases"),
    getJson<Schemas["OrganisationList"]>("/api/organisations").then((o) => o.organisations),
    getJson<Exposure>("/api/reports/exposure"),
    getJson<Exceptions>("/api/reports/exceptions?detail=true"),
  ]);
  const wanted = { status: q.get("status") ?? "", customer: q.get("customer") ?? "", agency: q.get("agency") ?? "" };
  const filtered = wanted.status !== "" || wanted.customer !== "" || wanted.agency !== "";
  const cases = all.filter((c) => (!wanted.status || c.status === wanted.status) && (!wanted.customer || c.customer === wanted.customer) && (!wanted.agency || c.implementing_agency === wanted.agency));
  const only = filtered ? new Set(cases.map((c) => c.case_id)) : null;

  const totals = new Map<string, bigint>();
  for (const c of cases) totals.set(c.currency, (totals.get(c.currency) ?? 0n) + cents(c.value));
  const caseTable = table<CaseSummary>(T.cases, [
    { header: T.caseCol, cell: (c) => caseLink(c.case_id) },
    { header: T.titleCol, cell: (c) => c.title },
    { header: T.status, cell: (c) => h("span", { "data-status": c.status }, `${caseStatusLabel(c.status)} (${date(c.status_date)})`) },
    { header: T.latest, cell: (c) => c.latest_document },
    { header: T.value, cell: (c) => money(c.value, c.currency), numeric: true },
  ], cases, T.none);
  caseTable.id = "case-list";

  // Payments by fiscal year, with a total row.
  const years = paymentsByYear(exposure, only);
  const yenUnit = lang() === "ja" ? 1e8 : 1e9;
  const sum = years.reduce<YearRow>((t, y) => ({
    ...t, usd: t.usd + y.usd, atBudget: t.atBudget === null || y.atBudget === null ? null : t.atBudget + y.atBudget,
    atCurrent: t.atCurrent + y.atCurrent, exposure: t.exposure === null || y.exposure === null ? null : t.exposure + y.exposure,
  }), { jfy: "", usd: 0n, budgetRate: null, atBudget: 0n, currentRate: "", atCurrent: 0n, exposure: 0n, total: true });
  const yen = (c: bigint | null) => (c === null ? "—" : money(fromCents(c), "JPY"));
  const yearTable = table<YearRow>(T.payments, [
    { header: T.fy, cell: (y) => (y.total ? T.total : jfyText(y.jfy)) },
    { header: T.usd, cell: (y) => amount(fromCents(y.usd)), numeric: true },
    { header: T.budgetRate, cell: (y) => (y.total ? "" : (y.budgetRate ?? "—")), numeric: true },
    { header: T.yenBudget, cell: (y) => yen(y.atBudget), numeric: true },
    { header: T.currentRate, cell: (y) => (y.total ? "" : y.currentRate), numeric: true },
    { header: T.yenCurrent, cell: (y) => yen(y.atCurrent), numeric: true },
    { header: T.exposure, cell: (y) => yen(y.exposure), numeric: true },
  ], years.length > 0 ? [...years, sum] : [], T.noPayments, (y) => (y.total ? "total" : undefined));
  yearTable.id = "payments-by-year";
  const labels = years.map((y) => jfyText(y.jfy));
  const budgetKnown = exposure.budget !== null;

  const groups = exceptionGroups(exceptions, only);
  const groupTable = table<GroupRow>(T.exceptions, [
    { header: T.group, cell: (g) => h("span", { "data-group": g.group }, exceptionGroupLabel(g.group)) },
    { header: T.groupCases, cell: (g) => count(g.cases), numeric: true },
    { header: T.usd, cell: (g) => amount(fromCents(g.usd)), numeric: true },
  ], groups, T.noExceptions);
  groupTable.id = "exceptions-by-group";

  return h(
    "section",
    { class: "portfolio" },
    h("h1", {}, T.title),
    filterForm(all, orgs, q),
    h("h2", {}, T.cases),
    caseTable,
    h("h2", {}, T.totals),
    facts([
      [T.count, h("span", { id: "case-count" }, count(cases.length))],
      [T.totalValue, h("span", { id: "case-total" }, totals.size === 0 ? money("0", "USD") : [...totals].map(([cur, v]) => money(fromCents(v), cur)).join(" / "))],
    ]),
    h("p", { class: "note" }, filtered ? T.filteredNote : T.wholeNote),
    h("h2", {}, T.payments),
    h("p", {}, budgetKnown ? T.rateNote(exposure.current_rate.rate, date(exposure.current_rate.date), exposure.budget!.title) : T.noBudget),
    years.length > 0 ? chart(T.usdChart, labels, [{ label: T.usdMillion, values: years.map((y) => chartValue(y.usd, 1e6)) }]) : null,
    years.length > 0
      ? chart(T.yenChart(T.yenUnit), labels, [
          ...(budgetKnown ? [{ label: T.yenBudget, values: years.map((y) => chartValue(y.atBudget, yenUnit)) }] : []),
          { label: T.yenCurrent, values: years.map((y) => chartValue(y.atCurrent, yenUnit)) },
        ])
      : null,
    yearTable,
    h("h2", {}, T.exceptions),
    groups.some((g) => g.usd !== 0n) ? chart(T.exceptionsChart, groups.map((g) => exceptionGroupLabel(g.group)), [{ label: T.usdMillion, values: groups.map((g) => chartValue(g.usd, 1e6)) }], { horizontal: true }) : null,
    groupTable,
  );
}
