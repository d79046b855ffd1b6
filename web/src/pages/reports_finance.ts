// The money reports as tables: payment forecast per Japanese fiscal quarter, exchange-rate
// exposure per fiscal year, and programme envelopes with obligation authority. Yen at budget
// rates against yen at the current rate; fiscal years named both ways (jfyText).
import { getJson, query, type Schemas } from "../lib/api";
import { caseLink, facts, h, table } from "../lib/dom";
import { lang, strings } from "../lib/i18n";
import { amount, date } from "../lib/format";
import { jfyText } from "../lib/fiscal";
import { yesNo } from "./reports_portfolio";

type Common = Schemas["ForecastReport"] | Schemas["ExposureReport"] | Schemas["EnvelopeReport"];

const T = strings(
  { none: "none", basis: "Rates and budget", currentRate: "Current rate", budget: "Budget book in force", noBudget: "none recorded: yen at budget rates are not shown",
    rateOn: (pair: string, rate: string, d: string, src: string) => `${pair} ${rate} (${d}, ${src})`, budgetOf: (t: string, d: string) => `${t} (effective ${d})`,
    overBlock: "An appropriation whose policy is “block” is exceeded.", notes: "Notes from the report", budgetRates: "Budget rates",
    fy: "Fiscal year", rate: "Rate", source: "Source", programme: "Programme", usd: "USD", budgetRate: "Budget rate",
    jpyBudget: "Yen at budget rate (JPY)", jpyCurrent: "Yen at current rate (JPY)", exposure: "Exposure (JPY)", complete: "Complete",
    byProgramme: "By programme and fiscal year", appropriations: "Appropriations", appropriation: "Appropriation", category: "Category",
    policy: "Policy", appropriated: "Appropriated (JPY)", forecastJpy: "Forecast at budget rate (JPY)", headroom: "Headroom (JPY)",
    status: "Status", forecastRows: "Payments by case and quarter", caseCol: "Case", quarter: "Fiscal quarter", basisCol: "Basis", past: "Past",
    usdPaid: "Paid (USD)", jpyPaid: "Paid (JPY)", byYear: "Exposure by fiscal year", byCase: "Exposure by case and fiscal year",
    paid: "Payments made", payment: "Payment", date: "Date", amountCol: "Amount", currency: "Currency", txRate: "Transaction rate",
    realised: "Realised exposure (JPY)", envelopes: "Programme envelopes", envelope: "Envelope", years: "Years", envelopeJpy: "Envelope (JPY)",
    assumed: "Assumed rate", share: "Share", shareJpy: "Share (JPY)", casesCounted: "Cases counted", contracts: "Contracts (USD)",
    atAssumed: "At assumed rate (JPY)", atBudget: "At budget rates (JPY)", effect: "Exchange effect (JPY)", remaining: "Remaining (JPY)",
    authority: "Obligation authority", title: "Title", contractYear: "Contract year", paymentYears: "Payment years", ceiling: "Ceiling (JPY)",
    inYears: "Forecast in payment years (JPY)", outside: "Forecast outside the years (JPY)", paidToDate: "Paid to date (JPY)" },
  { none: "なし", basis: "レートと予算", currentRate: "現在のレート", budget: "適用中の予算書", noBudget: "記録なし（支出官レート換算の円額は表示されません）",
    rateOn: (pair: string, rate: string, d: string, src: string) => `${pair} ${rate}（${d}、${src}）`, budgetOf: (t: string, d: string) => `${t}（${d} から適用）`,
    overBlock: "方針が「阻止」の歳出予算を超過しています。", notes: "報告書の注記", budgetRates: "支出官レート",
    fy: "年度", rate: "レート", source: "出典", programme: "事業", usd: "USD", budgetRate: "支出官レート",
    jpyBudget: "支出官レート換算（円）", jpyCurrent: "現在のレート換算（円）", exposure: "為替影響（円）", complete: "完全",
    byProgramme: "事業・年度別", appropriations: "歳出予算", appropriation: "歳出予算", category: "区分",
    policy: "方針", appropriated: "予算額（円）", forecastJpy: "支出官レート換算の見通し（円）", headroom: "残額（円）",
    status: "状況", forecastRows: "ケース・四半期別の支払", caseCol: "ケース", quarter: "年度・四半期", basisCol: "根拠", past: "経過",
    usdPaid: "支払済（USD）", jpyPaid: "支払済（円）", byYear: "年度別の為替影響", byCase: "ケース・年度別の為替影響",
    paid: "支払実績", payment: "支払", date: "日付", amountCol: "金額", currency: "通貨", txRate: "取引レート",
    realised: "実現した為替影響（円）", envelopes: "計画枠", envelope: "計画", years: "年度", envelopeJpy: "計画枠（円）",
    assumed: "前提レート", share: "内訳", shareJpy: "内訳額（円）", casesCounted: "対象ケース", contracts: "契約額（USD）",
    atAssumed: "前提レート換算（円）", atBudget: "支出官レート換算（円）", effect: "為替の影響（円）", remaining: "残額（円）",
    authority: "国庫債務負担行為", title: "件名", contractYear: "契約年度", paymentYears: "支払年度", ceiling: "限度額（円）",
    inYears: "支払年度内の見通し（円）", outside: "支払年度外の見通し（円）", paidToDate: "支払済（円）" },
);

// The few fixed words of the server's text columns, in Japanese; anything else is shown as sent.
const serverWords: [RegExp, string][] = [
  [/^yes$/, "はい"], [/^no$/, "いいえ"], [/^no: a year without a budget rate$/, "いいえ（支出官レートのない年度あり）"],
  [/^no: a signing year without a budget rate$/, "いいえ（支出官レートのない契約年度あり）"],
  [/^within the ceiling$/, "限度額以内"], [/^over the ceiling$/, "限度額超過"], [/^within/, "範囲内"],
  [/^over \(warn\)/, "超過（警告）"], [/^over \(block\)/, "超過（阻止）"], [/^warn$/, "警告"], [/^block$/, "阻止"],
];

function word(text: string | null | undefined): string {
  if (!text) return "—";
  if (lang() !== "ja") return text;
  for (const [re, ja] of serverWords) if (re.test(text)) return text.replace(re, ja).replace("; incomplete: no budget rate for the year", "（不完全：支出官レートのない年度）");
  return text;
}

const yen = (v: string | null | undefined) => amount(v, "JPY");
const usd = (v: string | null | undefined) => amount(v, "USD");
const rate = (v: string | null | undefined) => v ?? "—";

function basis(r: Common): HTMLElement[] {
  const c = r.current_rate;
  return [
    h("h2", {}, T.basis),
    facts([
      [T.currentRate, T.rateOn(c.pair, c.rate, date(c.date), c.source)],
      [T.budget, r.budget ? T.budgetOf(r.budget.title, date(r.budget.effective_date)) : T.noBudget],
    ]),
    ...(r.over_block ? [h("p", { class: "problem", role: "note" }, T.overBlock)] : []),
    table(T.budgetRates, [
      { header: T.fy, cell: (b) => jfyText(b.fiscal_year) },
      { header: T.rate, cell: (b) => `${b.pair} ${b.rate}`, numeric: true },
      { header: T.source, cell: (b) => b.source },
    ], r.budget_rates, T.none),
  ];
}

function notes(r: Common): HTMLElement[] {
  if (r.notes.length === 0) return [];
  return [h("h2", {}, T.notes), h("ul", { class: "notes" }, ...r.notes.map((n) => h("li", { lang: "en" }, n)))];
}

export async function renderForecast(asOf: string): Promise<HTMLElement> {
  const r = await getJson<Schemas["ForecastReport"]>(`/api/reports/forecast${query({ as_of: asOf })}`);
  return h("div", {}, ...basis(r),
    h("h2", {}, T.byProgramme),
    table(T.byProgramme, [
      { header: T.programme, cell: (p) => p.programme },
      { header: T.fy, cell: (p) => jfyText(p.jfy) },
      { header: T.usd, cell: (p) => usd(p.usd), numeric: true },
      { header: T.budgetRate, cell: (p) => rate(p.budget_rate), numeric: true },
      { header: T.jpyBudget, cell: (p) => yen(p.jpy_at_budget_rate), numeric: true },
      { header: T.jpyCurrent, cell: (p) => yen(p.jpy_paid_at_current_rate), numeric: true },
      { header: T.exposure, cell: (p) => yen(p.exposure_jpy), numeric: true },
      { header: T.complete, cell: (p) => word(p.complete) },
    ], r.tables.by_programme_and_year, T.none),
    h("h2", {}, T.appropriations),
    table(T.appropriations, [
      { header: T.appropriation, cell: (a) => a.appropriation },
      { header: T.fy, cell: (a) => jfyText(a.jfy) },
      { header: T.programme, cell: (a) => a.programme },
      { header: T.category, cell: (a) => a.category },
      { header: T.policy, cell: (a) => word(a.policy) },
      { header: T.appropriated, cell: (a) => yen(a.appropriated_jpy), numeric: true },
      { header: T.forecastJpy, cell: (a) => yen(a.forecast_jpy_at_budget_rate), numeric: true },
      { header: T.headroom, cell: (a) => yen(a.headroom_jpy), numeric: true },
      { header: T.status, cell: (a) => word(a.status) },
    ], r.tables.appropriations, T.none, (a) => (a.status.startsWith("over") ? "overdue" : undefined)),
    h("h2", {}, T.forecastRows),
    table(T.forecastRows, [
      { header: T.caseCol, cell: (f) => caseLink(f.case, "finance") },
      { header: T.quarter, cell: (f) => jfyText(`${f.jfy} ${f.quarter}`) },
      { header: T.basisCol, cell: (f) => f.basis },
      { header: T.past, cell: (f) => yesNo(f.past === "yes") },
      { header: T.usd, cell: (f) => usd(f.usd), numeric: true },
      { header: T.budgetRate, cell: (f) => rate(f.budget_rate), numeric: true },
      { header: T.jpyBudget, cell: (f) => yen(f.jpy_at_budget_rate), numeric: true },
      { header: T.usdPaid, cell: (f) => usd(f.usd_paid), numeric: true },
      { header: T.jpyPaid, cell: (f) => yen(f.jpy_paid), numeric: true },
      { header: T.jpyCurrent, cell: (f) => yen(f.jpy_paid_at_current_rate), numeric: true },
      { header: T.exposure, cell: (f) => yen(f.exposure_jpy), numeric: true },
    ], r.tables.forecast, T.none),
    ...notes(r));
}

export async function renderExposure(asOf: string): Promise<HTMLElement> {
  const r = await getJson<Schemas["ExposureReport"]>(`/api/reports/exposure${query({ as_of: asOf })}`);
  return h("div", {}, ...basis(r),
    h("h2", {}, T.byYear),
    table(T.byYear, [
      { header: T.fy, cell: (y) => jfyText(y.jfy) },
      { header: T.usd, cell: (y) => usd(y.usd), numeric: true },
      { header: T.budgetRate, cell: (y) => rate(y.budget_rate), numeric: true },
      { header: T.jpyBudget, cell: (y) => yen(y.jpy_at_budget_rate), numeric: true },
      { header: T.jpyCurrent, cell: (y) => yen(y.jpy_paid_at_current_rate), numeric: true },
      { header: T.exposure, cell: (y) => yen(y.exposure_jpy), numeric: true },
      { header: T.complete, cell: (y) => word(y.complete) },
    ], r.tables.exposure, T.none),
    h("h2", {}, T.byCase),
    table(T.byCase, [
      { header: T.caseCol, cell: (c) => caseLink(c.case, "finance") },
      { header: T.fy, cell: (c) => jfyText(c.jfy) },
      { header: T.programme, cell: (c) => c.programme },
      { header: T.usd, cell: (c) => usd(c.usd), numeric: true },
      { header: T.jpyBudget, cell: (c) => yen(c.jpy_at_budget_rate), numeric: true },
      { header: T.usdPaid, cell: (c) => usd(c.usd_paid), numeric: true },
      { header: T.jpyPaid, cell: (c) => yen(c.jpy_paid), numeric: true },
      { header: T.jpyCurrent, cell: (c) => yen(c.jpy_paid_at_current_rate), numeric: true },
      { header: T.exposure, cell: (c) => yen(c.exposure_jpy), numeric: true },
    ], r.tables.exposure_by_case, T.none),
    h("h2", {}, T.paid),
    table(T.paid, [
      { header: T.payment, cell: (p) => p.payment },
      { header: T.date, cell: (p) => date(p.date) },
      { header: T.fy, cell: (p) => jfyText(p.jfy) },
      { header: T.caseCol, cell: (p) => caseLink(p.case, "finance") },
      { header: T.amountCol, cell: (p) => amount(p.amount, p.currency), numeric: true },
      { header: T.currency, cell: (p) => p.currency },
      { header: T.usd, cell: (p) => usd(p.usd), numeric: true },
      { header: T.txRate, cell: (p) => rate(p.transaction_rate), numeric: true },
      { header: T.jpyPaid, cell: (p) => yen(p.jpy_paid), numeric: true },
      { header: T.jpyBudget, cell: (p) => yen(p.jpy_at_budget_rate), numeric: true },
      { header: T.realised, cell: (p) => yen(p.realised_exposure_jpy), numeric: true },
    ], r.tables.paid, T.none),
    ...notes(r));
}

export async function renderEnvelope(asOf: string): Promise<HTMLElement> {
  const r = await getJson<Schemas["EnvelopeReport"]>(`/api/reports/envelope${query({ as_of: asOf })}`);
  return h("div", {}, ...basis(r),
    h("h2", {}, T.envelopes),
    table(T.envelopes, [
      { header: T.envelope, cell: (e) => e.envelope },
      { header: T.years, cell: (e) => `${jfyText(e.first_year)} – ${jfyText(e.last_year)}` },
      { header: T.envelopeJpy, cell: (e) => yen(e.envelope_jpy), numeric: true },
      { header: T.assumed, cell: (e) => rate(e.assumed_rate), numeric: true },
      { header: T.share, cell: (e) => e.share },
      { header: T.shareJpy, cell: (e) => yen(e.share_jpy), numeric: true },
      { header: T.casesCounted, cell: (e) => e.cases_counted.split(" ").filter(Boolean).flatMap((c, i) => [i > 0 ? " " : "", caseLink(c)]) },
      { header: T.contracts, cell: (e) => usd(e.contracts_usd), numeric: true },
      { header: T.atAssumed, cell: (e) => yen(e.at_assumed_rate_jpy), numeric: true },
      { header: T.atBudget, cell: (e) => yen(e.at_budget_rates_jpy), numeric: true },
      { header: T.effect, cell: (e) => yen(e.exchange_effect_jpy), numeric: true },
      { header: T.remaining, cell: (e) => yen(e.remaining_jpy), numeric: true },
      { header: T.complete, cell: (e) => word(e.complete) },
    ], r.tables.envelopes, T.none),
    h("h2", {}, T.authority),
    table(T.authority, [
      { header: T.authority, cell: (a) => a.authority },
      { header: T.title, cell: (a) => a.title },
      { header: T.contractYear, cell: (a) => jfyText(a.contract_year) },
      { header: T.paymentYears, cell: (a) => a.payment_years.split(" ").filter(Boolean).map(jfyText).join(lang() === "ja" ? "、" : ", ") },
      { header: T.ceiling, cell: (a) => yen(a.ceiling_jpy), numeric: true },
      { header: T.inYears, cell: (a) => yen(a.forecast_in_payment_years_jpy), numeric: true },
      { header: T.remaining, cell: (a) => yen(a.remaining_jpy), numeric: true },
      { header: T.outside, cell: (a) => yen(a.forecast_outside_years_jpy), numeric: true },
      { header: T.paidToDate, cell: (a) => yen(a.paid_to_date_jpy), numeric: true },
      { header: T.status, cell: (a) => word(a.status) },
    ], r.tables.obligation_authority, T.none, (a) => (a.status.startsWith("over") ? "overdue" : undefined)),
    ...notes(r));
}
