// Finance: what the case costs and when, in USD and in yen. The position (next payment, cash
// held, billed and paid to date) from the status report; each Japanese fiscal year and quarter
// from the forecast and exposure reports, in yen at the budget rate and at the current rate,
// with the difference (the exchange-rate exposure); the payments made; the LOA's schedule.
// Every figure is the API's, formatted; key figures carry data-figure for tests.
import { getJson, type Schemas } from "../../lib/api";
import { chart } from "../../lib/chart";
import { facts, h, table, type Child } from "../../lib/dom";
import { jfy, jfyOf, jfyText } from "../../lib/fiscal";
import { amount, date, money, today } from "../../lib/format";
import { strings } from "../../lib/i18n";
import { problemBlock } from "../../lib/problem_view";
import type { CaseContext } from "./case";
import {
  basisText, chartCategories, chartValues, paidTable, quarterTable, yearRows, yearTable, type ForecastRow,
} from "./finance_tables";
import { caseFinancials, softly, type CaseFinancials } from "./progress";

const T = strings(
  { position: "Position", nextPayment: "Next payment due", nextNone: "none due", dueOn: "Due on", basis: "Basis",
    inQuarter: "Falls in", quarterYen: "That quarter in yen",
    quarterYenText: (b: string, c: string) => `${b} at the budget rate; ${c} at the current rate`,
    cashHeld: "Cash held (paid less total cost to date)", cashAvailable: "Cash available", billed: "Billed to date",
    paid: "Paid to date", paidJpy: "Yen paid to date", scheduledToDate: "Scheduled to date", arrears: "Arrears",
    arrearsDue: (d: string) => ` (due since ${d})`, statement: "Latest DD 645",
    statementText: (d: string, fin: boolean) => `${d}${fin ? " (final)" : ""}`, amountDue: "Amount due on it", dueText: (a: string, d: string) => `${a}, due ${d}`,
    forecastNext: "Seller's forecast for the next quarter", noStatement: "none received",
    thisYear: (y: string) => `This fiscal year: ${y}`, thisScheduled: "Scheduled", thisPaid: "Paid", thisToPay: "Still to pay",
    thisYen: "In yen", thisYenText: (b: string, c: string, e: string) => `${b} at the budget rate, ${c} at the current rate (exposure ${e})`,
    notThisYear: "Nothing is scheduled for this case in this fiscal year.",
    exposure: "Exchange-rate exposure", currentRate: "Current rate",
    rateText: (pair: string, rate: string, d: string, src: string) => `${pair} ${rate} of ${d} (${src})`,
    budget: "Budget book", budgetText: (title: string, d: string) => `${title}, in force from ${d}`, noBudget: "none in force",
    totalExposure: "Exposure over all years", exposureHelp:
      "Exposure is the yen the payments cost at the current rate (what is already paid, at the yen it actually cost) less the yen the budget assumed at each year's budget rate. A positive figure is yen beyond the budget.",
    byYear: "By Japanese fiscal year", yearHelp:
      "Scheduled: the payment schedule in force, with each quarter a DD 645 has billed taken from the bill. LOA schedule: the schedule of the document in force alone. Quarters billed: the scheduled amount of the quarters a DD 645 has billed (the initial deposit is not among them).",
    charts: "Payments by Japanese fiscal year", usdChart: "Scheduled payments by Japanese fiscal year (USD)",
    yenChart: "Scheduled payments by Japanese fiscal year in yen, at the budget rate and at the current rate",
    usdSeries: "USD", budgetSeries: "Yen at budget rate", currentSeries: "Yen at current rate",
    byQuarter: "By quarter", payments: "Payments made", schedule: "Payment schedule (LOA)", due: "Due", what: "What",
    usQuarter: "US fiscal quarter", jpQuarter: "Japanese fiscal quarter", amountIn: (c: string) => `Amount (${c})`, none: "none",
    deposit: "initial deposit", installment: "installment", notInReport: "The status report does not cover this case." },
  { position: "現在の状況", nextPayment: "次回支払", nextNone: "支払予定なし", dueOn: "支払期日", basis: "根拠",
    inQuarter: "該当四半期", quarterYen: "同四半期の円換算",
    quarterYenText: (b: string, c: string) => `予算レートで${b}、現行レートで${c}`,
    cashHeld: "預託残高（支払額－累計費用）", cashAvailable: "使用可能残高", billed: "累計請求額",
    paid: "累計支払額", paidJpy: "累計支払円額", scheduledToDate: "累計支払予定額", arrears: "延滞額",
    arrearsDue: (d: string) => `（${d}から延滞）`, statement: "最新の DD 645",
    statementText: (d: string, fin: boolean) => `${d}${fin ? "（最終）" : ""}`, amountDue: "同請求の支払額", dueText: (a: string, d: string) => `${a}（${d}期限）`,
    forecastNext: "売手による次四半期の見込み", noStatement: "受領なし",
    thisYear: (y: string) => `今年度：${y}`, thisScheduled: "支払予定", thisPaid: "支払済", thisToPay: "未払",
    thisYen: "円換算", thisYenText: (b: string, c: string, e: string) => `予算レートで${b}、現行レートで${c}（為替差 ${e}）`,
    notThisYear: "このケースには今年度の支払予定がありません。",
    exposure: "為替リスク", currentRate: "現行レート",
    rateText: (pair: string, rate: string, d: string, src: string) => `${pair} ${rate}（${d}、${src}）`,
    budget: "予算書", budgetText: (title: string, d: string) => `${title}（${d}から有効）`, noBudget: "有効な予算書なし",
    totalExposure: "全年度の為替差", exposureHelp:
      "為替差とは、支払を現行レートで換算した円額（支払済の分は実際の円額）から、各年度の予算レートで見込んだ円額を差し引いたものです。正の値は予算を超える円額です。",
    byYear: "年度別", yearHelp:
      "支払予定：有効な支払計画のうち、DD 645 で請求された四半期は請求額に置き換えたもの。LOA支払計画：有効な文書の支払計画のみ。請求済の四半期：DD 645 で請求された四半期の支払予定額（初回預託金は含みません）。",
    charts: "年度別の支払", usdChart: "年度別の支払予定（USD）",
    yenChart: "年度別の支払予定の円換算（予算レートと現行レート）",
    usdSeries: "USD", budgetSeries: "予算レート換算（円）", currentSeries: "現行レート換算（円）",
    byQuarter: "四半期別", payments: "支払実績", schedule: "支払計画（LOA）", due: "期日", what: "種別",
    usQuarter: "米国会計四半期", jpQuarter: "日本の会計四半期", amountIn: (c: string) => `金額（${c}）`, none: "なし",
    deposit: "初回預託金", installment: "分割払", notInReport: "状況報告はこのケースを含んでいません。" },
);

type Forecast = Schemas["ForecastReport"];
type Exposure = Schemas["ExposureReport"];
type Payment = Schemas["ScheduledPayment"];

const figure = (name: string, text: string) => h("span", { "data-figure": name }, text);

/** "2026-12-15" → "JFY2026 Q3" (April to June is Q1). */
function quarterOf(civil: string): { jfy: string; quarter: string } {
  const month = Number(civil.slice(5, 7));
  return { jfy: `JFY${jfyOf(civil)}`, quarter: `Q${month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4}` };
}

function position(fin: CaseFinancials | null, quarters: ForecastRow[]): HTMLElement {
  if (!fin) return h("p", { class: "note" }, T.notInReport);
  const p = fin.position;
  const next = p.next_payment;
  const pairs: [string, Child][] = [];
  if (next) {
    const q = quarterOf(next.due);
    const row = quarters.find((r) => r.jfy === q.jfy && r.quarter === q.quarter);
    pairs.push([T.nextPayment, figure("next-payment-usd", money(next.usd))]);
    pairs.push([T.dueOn, figure("next-payment-due", date(next.due))]);
    pairs.push([T.basis, figure("next-payment-basis", basisText(next.basis))]);
    pairs.push([T.inQuarter, jfyText(`${q.jfy} ${q.quarter}`)]);
    if (row) pairs.push([T.quarterYen, T.quarterYenText(money(row.jpy_at_budget_rate, "JPY"), money(row.jpy_paid_at_current_rate, "JPY"))]);
  } else {
    pairs.push([T.nextPayment, figure("next-payment-usd", T.nextNone)]);
  }
  pairs.push(
    [T.cashHeld, figure("cash-held-usd", money(p.cash_held))],
    [T.cashAvailable, figure("cash-available-usd", money(p.cash_available))],
    [T.billed, figure("billed-to-date-usd", money(p.billed_to_date))],
    [T.paid, figure("paid-usd", money(p.paid))],
    [T.paidJpy, figure("paid-jpy", money(p.paid_jpy, "JPY"))],
    [T.scheduledToDate, figure("scheduled-to-date-usd", money(p.scheduled_to_date))],
    [T.arrears, h("span", {}, figure("arrears-usd", money(p.arrears)), p.arrears_due ? T.arrearsDue(date(p.arrears_due)) : "")],
  );
  const s = p.statement;
  pairs.push([T.statement, s ? T.statementText(date(s.statement_date), s.final_statement) : T.noStatement]);
  if (s) {
    pairs.push([T.amountDue, T.dueText(money(s.amount_due), date(s.due_date))]);
    if (s.forecast_next_quarter !== null) pairs.push([T.forecastNext, money(s.forecast_next_quarter)]);
  }
  return facts(pairs);
}

function thisYear(rows: ReturnType<typeof yearRows>): HTMLElement {
  const year = jfyOf(today());
  const row = rows.find((r) => r.jfy === `JFY${year}`);
  const body = row
    ? facts([
        [T.thisScheduled, figure("this-year-scheduled-usd", money(row.scheduled))],
        [T.thisPaid, figure("this-year-paid-usd", money(row.paid))],
        [T.thisToPay, figure("this-year-to-pay-usd", money(row.toPay))],
        [T.thisYen, T.thisYenText(money(row.atBudget, "JPY"), money(row.atCurrent, "JPY"), money(row.exposure, "JPY"))],
      ])
    : h("p", {}, T.notThisYear);
  return h("div", { class: "this-year", "data-jfy": String(year) }, h("h3", {}, T.thisYear(jfy(year))), body);
}

function exposureFacts(report: Exposure, rows: ReturnType<typeof yearRows>): HTMLElement {
  const r = report.current_rate;
  const total = rows.find((x) => x.jfy === "");
  return h(
    "div",
    {},
    facts([
      [T.currentRate, T.rateText(r.pair, r.rate, date(r.date), r.source)],
      [T.budget, report.budget ? T.budgetText(report.budget.title, date(report.budget.effective_date)) : T.noBudget],
      [T.totalExposure, figure("exposure-jpy-total", money(total?.exposure ?? null, "JPY"))],
    ]),
    h("p", { class: "help" }, T.exposureHelp),
  );
}

function schedule(payments: Payment[], currency: string): HTMLElement {
  return table<Payment>(
    T.schedule,
    [
      { header: T.due, cell: (p) => date(p.due) },
      { header: T.what, cell: (p) => (p.what === "initial deposit" ? T.deposit : T.installment) },
      { header: T.usQuarter, cell: (p) => p.us_fiscal_quarter },
      { header: T.jpQuarter, cell: (p) => jfyText(p.japan_fiscal_quarter) },
      { header: T.amountIn(currency), cell: (p) => amount(p.amount, currency), numeric: true },
    ],
    payments,
    T.none,
  );
}

export async function renderFinance(ctx: CaseContext): Promise<HTMLElement> {
  const q = `?case=${encodeURIComponent(ctx.id)}`;
  const [fin, forecast, exposure] = await Promise.all([
    softly(caseFinancials(ctx.id)),
    softly(getJson<Forecast>(`/api/reports/forecast${q}`)),
    softly(getJson<Exposure>(`/api/reports/exposure${q}`)),
  ]);
  const quarters = forecast instanceof Error ? [] : forecast.tables.forecast.filter((r) => r.case === ctx.id);
  const out = h("div", { class: "tab finance" }, h("h2", {}, T.position));
  out.append(fin instanceof Error ? problemBlock(fin) : position(fin, quarters));
  if (forecast instanceof Error || exposure instanceof Error) {
    out.append(problemBlock(forecast instanceof Error ? forecast : exposure), h("h2", {}, T.schedule), schedule(ctx.detail.payment_schedule, ctx.detail.currency));
    return out;
  }
  const report = exposure;
  const years = report.tables.exposure_by_case.filter((r) => r.case === ctx.id);
  const rows = yearRows(ctx.detail, years, quarters);
  out.append(
    thisYear(rows),
    h("h2", {}, T.exposure), exposureFacts(report, rows),
    h("h2", {}, T.byYear), yearTable(rows), h("p", { class: "help" }, T.yearHelp),
    h("h2", {}, T.charts),
    chart(T.usdChart, chartCategories(rows), [{ label: T.usdSeries, values: chartValues(rows, (r) => r.scheduled) }]),
    chart(T.yenChart, chartCategories(rows), [
      { label: T.budgetSeries, values: chartValues(rows, (r) => r.atBudget) },
      { label: T.currentSeries, values: chartValues(rows, (r) => r.atCurrent) },
    ]),
    h("h2", {}, T.byQuarter), quarterTable(quarters),
    h("h2", {}, T.payments), paidTable(report.tables.paid.filter((r) => r.case === ctx.id)),
    h("h2", {}, T.schedule), schedule(ctx.detail.payment_schedule, ctx.detail.currency),
  );
  return out;
}
