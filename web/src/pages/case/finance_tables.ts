// The finance tab's tables: the case's money by Japanese fiscal year, by quarter, and each
// payment made, in USD and in yen at the budget rate and at the current rate. Every figure is
// the API's (forecast and exposure reports, the case's payment schedule); totals are added in
// cents. Rows carry data-jfy / data-quarter and cells data-col, for tests and for finding them.
import type { Schemas } from "../../lib/api";
import { table, type Column } from "../../lib/dom";
import { amount, cents, date, fromCents } from "../../lib/format";
import { jfy, jfyText } from "../../lib/fiscal";
import { strings } from "../../lib/i18n";
import type { CaseDetail } from "./case";

export type ForecastRow = Schemas["ForecastRow"];
export type CaseYear = Schemas["CaseYearExposure"];
type PaidRow = Schemas["PaidRow"];

const T = strings(
  { jfy: "Japanese fiscal year", quarter: "Quarter", loa: "LOA schedule (USD)", scheduled: "Scheduled (USD)",
    billed: "Quarters billed (USD)", billedQ: "Billed", paid: "Paid (USD)", toPay: "Still to pay (USD)", budgetRate: "Budget rate (¥/USD)",
    atBudget: "Yen at budget rate (¥)", yenPaid: "Yen paid (¥)", atCurrent: "Yen at current rate (¥)",
    exposure: "Exposure (¥)", total: "Total", basis: "Basis", past: "Quarter ended", yes: "yes", no: "no",
    isBilled: "billed", notBilled: "not billed", none: "none",
    byYear: "By Japanese fiscal year", byQuarter: "By quarter", payments: "Payments made",
    payDate: "Date", payment: "Payment", usd: "USD", rate: "Rate paid (¥/USD)", realised: "Realised exposure (¥)",
    basisBill: (d: string) => `DD 645 of ${d}`, basisSchedule: (doc: string) => `payment schedule (${doc})`,
    basisDeposit: (doc: string) => `initial deposit (${doc})`, basisPlain: "payment schedule" },
  { jfy: "年度", quarter: "四半期", loa: "LOA支払計画（USD）", scheduled: "支払予定（USD）",
    billed: "請求済の四半期（USD）", billedQ: "請求", paid: "支払済（USD）", toPay: "未払（USD）", budgetRate: "予算レート（円/USD）",
    atBudget: "予算レート換算（円）", yenPaid: "支払円額（円）", atCurrent: "現行レート換算（円）",
    exposure: "為替差（円）", total: "合計", basis: "根拠", past: "四半期経過", yes: "済", no: "未",
    isBilled: "請求済", notBilled: "未請求", none: "なし",
    byYear: "年度別", byQuarter: "四半期別", payments: "支払実績",
    payDate: "日付", payment: "支払", usd: "USD", rate: "支払時レート（円/USD）", realised: "実現した為替差（円）",
    basisBill: (d: string) => `${d}付 DD 645`, basisSchedule: (doc: string) => `支払計画（${doc}）`,
    basisDeposit: (doc: string) => `初回預託金（${doc}）`, basisPlain: "支払計画" },
);

/** The server's basis ("DD 645 of 2026-09-30; schedule (Amendment 2)") in the user's words. */
export function basisText(basis: string): string {
  return basis
    .split("; ")
    .map((part) => {
      let m = /^DD 645 of (\d{4}-\d{2}-\d{2})$/.exec(part);
      if (m) return T.basisBill(date(m[1]));
      m = /^schedule \((.+)\)$/.exec(part);
      if (m) return T.basisSchedule(m[1]);
      m = /^initial deposit \((.+)\)$/.exec(part);
      if (m) return T.basisDeposit(m[1]);
      return part === "payment schedule" ? T.basisPlain : part;
    })
    .join("; ");
}

/** A quarter the seller has billed: its figure comes from a DD 645, not the schedule. */
export function isBilled(row: ForecastRow): boolean {
  return row.basis.split("; ").some((b) => b.startsWith("DD 645 of "));
}

const yearNumber = (label: string) => Number(label.replace(/^JFY/, ""));
const sum = (values: (string | null)[]) => fromCents(values.reduce((acc, v) => acc + (v === null ? 0n : cents(v)), 0n));

interface Keyed<R> extends Column<R> { key: string }

/** table() with data-col on every cell and the row's own attribute on every body row. */
function hooked<R>(caption: string, cols: Keyed<R>[], rows: R[], rowAttrs: (r: R) => Record<string, string>, rowClass?: (r: R) => string | undefined): HTMLElement {
  const el = table<R>(caption, cols, rows, T.none, rowClass);
  el.querySelectorAll("tbody tr").forEach((tr, i) => {
    for (const [k, v] of Object.entries(rowAttrs(rows[i]))) tr.setAttribute(k, v);
    tr.querySelectorAll("td").forEach((td, j) => td.setAttribute("data-col", cols[j].key));
  });
  return el;
}

interface YearRow {
  jfy: string; // "JFY2026", or "" for the total
  loa: string;
  scheduled: string;
  billed: string;
  paid: string;
  toPay: string;
  budgetRate: string | null;
  atBudget: string | null;
  yenPaid: string;
  atCurrent: string;
  exposure: string | null;
}

/** The case by Japanese fiscal year, with a total row. */
export function yearRows(detail: CaseDetail, years: CaseYear[], quarters: ForecastRow[]): YearRow[] {
  const rows: YearRow[] = years.map((y) => ({
    jfy: y.jfy,
    loa: sum(detail.payment_schedule.filter((p) => p.japan_fiscal_quarter.startsWith(`${y.jfy} `)).map((p) => p.amount)),
    scheduled: y.usd,
    billed: sum(quarters.filter((q) => q.jfy === y.jfy && isBilled(q)).map((q) => q.usd)),
    paid: y.usd_paid,
    toPay: fromCents(cents(y.usd) - cents(y.usd_paid)),
    budgetRate: y.budget_rate,
    atBudget: y.jpy_at_budget_rate,
    yenPaid: y.jpy_paid,
    atCurrent: y.jpy_paid_at_current_rate,
    exposure: y.exposure_jpy,
  }));
  const all = (f: (r: YearRow) => string | null) => sum(rows.map(f));
  const incomplete = (f: (r: YearRow) => string | null) => rows.some((r) => f(r) === null);
  rows.push({
    jfy: "", loa: all((r) => r.loa), scheduled: all((r) => r.scheduled), billed: all((r) => r.billed), paid: all((r) => r.paid),
    toPay: all((r) => r.toPay), budgetRate: null,
    atBudget: incomplete((r) => r.atBudget) ? null : all((r) => r.atBudget),
    yenPaid: all((r) => r.yenPaid), atCurrent: all((r) => r.atCurrent),
    exposure: incomplete((r) => r.exposure) ? null : all((r) => r.exposure),
  });
  return rows;
}

export function yearTable(rows: YearRow[]): HTMLElement {
  const usd = (v: string | null) => amount(v);
  const yen = (v: string | null) => amount(v, "JPY");
  const cols: Keyed<YearRow>[] = [
    { key: "jfy", header: T.jfy, cell: (r) => (r.jfy ? jfy(yearNumber(r.jfy)) : T.total) },
    { key: "loa-schedule-usd", header: T.loa, cell: (r) => usd(r.loa), numeric: true },
    { key: "scheduled-usd", header: T.scheduled, cell: (r) => usd(r.scheduled), numeric: true },
    { key: "billed-usd", header: T.billed, cell: (r) => usd(r.billed), numeric: true },
    { key: "paid-usd", header: T.paid, cell: (r) => usd(r.paid), numeric: true },
    { key: "to-pay-usd", header: T.toPay, cell: (r) => usd(r.toPay), numeric: true },
    { key: "budget-rate", header: T.budgetRate, cell: (r) => (r.jfy ? (r.budgetRate ?? "—") : ""), numeric: true },
    { key: "jpy-at-budget", header: T.atBudget, cell: (r) => yen(r.atBudget), numeric: true },
    { key: "jpy-paid", header: T.yenPaid, cell: (r) => yen(r.yenPaid), numeric: true },
    { key: "jpy-at-current", header: T.atCurrent, cell: (r) => yen(r.atCurrent), numeric: true },
    { key: "exposure-jpy", header: T.exposure, cell: (r) => yen(r.exposure), numeric: true },
  ];
  return hooked(T.byYear, cols, rows, (r) => ({ "data-jfy": r.jfy ? String(yearNumber(r.jfy)) : "total" }), (r) => (r.jfy ? undefined : "total"));
}

export function quarterTable(rows: ForecastRow[]): HTMLElement {
  const cols: Keyed<ForecastRow>[] = [
    { key: "quarter", header: T.quarter, cell: (r) => jfyText(`${r.jfy} ${r.quarter}`) },
    { key: "basis", header: T.basis, cell: (r) => basisText(r.basis) },
    { key: "past", header: T.past, cell: (r) => (r.past === "yes" ? T.yes : T.no) },
    { key: "scheduled-usd", header: T.scheduled, cell: (r) => amount(r.usd), numeric: true },
    { key: "billed", header: T.billedQ, cell: (r) => (isBilled(r) ? T.isBilled : T.notBilled) },
    { key: "budget-rate", header: T.budgetRate, cell: (r) => r.budget_rate ?? "—", numeric: true },
    { key: "jpy-at-budget", header: T.atBudget, cell: (r) => amount(r.jpy_at_budget_rate, "JPY"), numeric: true },
    { key: "paid-usd", header: T.paid, cell: (r) => amount(r.usd_paid), numeric: true },
    { key: "jpy-paid", header: T.yenPaid, cell: (r) => amount(r.jpy_paid, "JPY"), numeric: true },
    { key: "jpy-at-current", header: T.atCurrent, cell: (r) => amount(r.jpy_paid_at_current_rate, "JPY"), numeric: true },
    { key: "exposure-jpy", header: T.exposure, cell: (r) => amount(r.exposure_jpy, "JPY"), numeric: true },
  ];
  return hooked(T.byQuarter, cols, rows, (r) => ({ "data-quarter": `${yearNumber(r.jfy)}${r.quarter}` }));
}

export function paidTable(rows: PaidRow[]): HTMLElement {
  const cols: Keyed<PaidRow>[] = [
    { key: "date", header: T.payDate, cell: (r) => date(r.date) },
    { key: "payment", header: T.payment, cell: (r) => r.payment },
    { key: "jfy", header: T.jfy, cell: (r) => jfyText(r.jfy) },
    { key: "usd", header: T.usd, cell: (r) => amount(r.usd), numeric: true },
    { key: "rate", header: T.rate, cell: (r) => r.transaction_rate ?? "—", numeric: true },
    { key: "jpy-paid", header: T.yenPaid, cell: (r) => amount(r.jpy_paid, "JPY"), numeric: true },
    { key: "budget-rate", header: T.budgetRate, cell: (r) => r.budget_rate ?? "—", numeric: true },
    { key: "jpy-at-budget", header: T.atBudget, cell: (r) => amount(r.jpy_at_budget_rate, "JPY"), numeric: true },
    { key: "realised-jpy", header: T.realised, cell: (r) => amount(r.realised_exposure_jpy, "JPY"), numeric: true },
  ];
  return hooked(T.payments, cols, rows, (r) => ({ "data-payment": r.payment }));
}

/** Chart values (Number, from cents) of a column of the year rows, without the total. */
export function chartValues(rows: YearRow[], f: (r: YearRow) => string | null): number[] {
  return rows.filter((r) => r.jfy).map((r) => Number(cents(f(r) ?? "0")) / 100);
}

export function chartCategories(rows: YearRow[]): string[] {
  return rows.filter((r) => r.jfy).map((r) => jfy(yearNumber(r.jfy)));
}

