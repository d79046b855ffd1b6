// Exchange rates (#/rates): the published rates recorded by pair and date (the reports' current
// rate is the latest on or before their date), the budget rates of the budget book in force, a
// line chart of USD/JPY over time, and "the rate on a date" (#/rates?pair=USD/JPY&date=...).
import { ApiError, getJson, query, type Schemas } from "../lib/api";
import { facts, field, h, select, table } from "../lib/dom";
import { chart } from "../lib/chart";
import { jfyOf, jfyText } from "../lib/fiscal";
import { date, today } from "../lib/format";
import { strings } from "../lib/i18n";
import { problemBlock } from "../lib/problem_view";
import { can } from "../lib/session";

const T = strings(
  {
    title: "Exchange rates", importLink: "Record exchange rates", current: "Current rate",
    currentIs: (pair: string, rate: string, on: string) => `${pair} ${rate} (rate of ${on})`, noCurrent: "No rate is recorded yet.",
    lookup: "Rate on a date", pair: "Pair", on: "Date", find: "Look up",
    answer: (pair: string, on: string, rate: string) => `${pair} on ${on}: ${rate}`,
    answerPoint: "Rate of", answerSource: "Source", answerDocument: "Rates document",
    chartTitle: "USD/JPY over time", chartLabel: "Line chart of the recorded USD/JPY rates by date, with the budget rate of each date's fiscal year; the figures are in the tables below.",
    published: "Published USD/JPY", budgetSeries: "Budget rate of the fiscal year",
    recorded: "Recorded rates", date: "Date", rate: "Rate", kind: "Kind", source: "Source", document: "Document",
    kindCurrent: "published (current)", kindBudget: "budget", none: "none recorded",
    budget: "Budget rates of the budget in force", fy: "Fiscal year", noBudget: "No budget document is in force today, so no budget rate applies.",
    explain: "The reports convert what is still to pay at the current rate: the latest published rate on or before their date. Each fiscal year's budget rate comes from the budget document in force.",
  },
  {
    title: "為替レート", importLink: "為替レートを登録", current: "現行レート",
    currentIs: (pair: string, rate: string, on: string) => `${pair} ${rate}（${on} のレート）`, noCurrent: "レートはまだ登録されていません。",
    lookup: "指定日のレート", pair: "通貨ペア", on: "日付", find: "照会",
    answer: (pair: string, on: string, rate: string) => `${on} の ${pair}：${rate}`,
    answerPoint: "適用したレートの日付", answerSource: "出典", answerDocument: "レート文書",
    chartTitle: "USD/JPY の推移", chartLabel: "登録された USD/JPY レートの推移と各日付の年度の予算レートの折れ線グラフ。数値は下の表にあります。",
    published: "公表 USD/JPY", budgetSeries: "当該年度の予算レート",
    recorded: "登録済みのレート", date: "日付", rate: "レート", kind: "種別", source: "出典", document: "文書",
    kindCurrent: "公表レート（現行）", kindBudget: "予算", none: "登録なし",
    budget: "有効な予算書の予算レート", fy: "年度", noBudget: "本日有効な予算書がないため、予算レートはありません。",
    explain: "報告書は未払分を現行レート（基準日以前の最新の公表レート）で換算します。各年度の予算レートは有効な予算書によります。",
  },
);

type Rate = Schemas["Rate"];
type RateOn = Schemas["RateOn"];

async function rateOn(pair: string, on: string): Promise<RateOn | ApiError> {
  try {
    return await getJson<RateOn>(`/api/rates/on${query({ pair, date: on })}`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400 || e.status === 422)) return e;
    throw e;
  }
}

export async function renderRates(q: URLSearchParams): Promise<HTMLElement> {
  const pair = q.get("pair") || "USD/JPY";
  const on = q.get("date") ?? "";
  const [rates, current, asked, book] = await Promise.all([
    getJson<Schemas["RateList"]>("/api/rates").then((r) => r.rates),
    rateOn("USD/JPY", today()),
    on ? rateOn(pair, on) : Promise.resolve(null),
    getJson<Schemas["BudgetInForce"]>("/api/budgets/in-force").catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }),
  ]);

  const pairs = [...new Set(["USD/JPY", ...rates.map((r) => r.pair), pair])].sort();
  const pairSelect = select(pairs.map((p): [string, string] => [p, p]), pair);
  const dateInput = h("input", { type: "date", value: on || today(), required: true });
  const form = h(
    "form",
    { class: "filters", id: "rate-lookup" },
    field("rate-pair", T.pair, pairSelect),
    field("rate-date", T.on, dateInput),
    h("div", { class: "actions" }, h("button", { type: "submit" }, T.find)),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/rates${query({ pair: pairSelect.value, date: dateInput.value })}`;
  });
  let answer: HTMLElement | null = null;
  if (asked instanceof ApiError) answer = h("div", { id: "rate-on" }, problemBlock(asked));
  else if (asked) {
    answer = h(
      "div",
      { id: "rate-on", class: "ok", role: "status" },
      h("p", {}, h("strong", {}, T.answer(asked.pair, date(asked.date), asked.rate))),
      facts([[T.answerPoint, date(asked.point_date)], [T.answerSource, asked.source], [T.answerDocument, asked.document_source]]),
    );
  }

  const budgetRates = book?.document.budget_rates ?? [];
  const budgetOf = new Map(budgetRates.filter((b) => b.pair === "USD/JPY").map((b) => [b.fiscal_year, b.rate]));
  const usdJpy = rates.filter((r) => r.pair === "USD/JPY").sort((a, b) => a.date.localeCompare(b.date));
  const series = [{ label: T.published, values: usdJpy.map((r) => Number(r.rate)) }];
  if (budgetOf.size > 0) series.push({ label: T.budgetSeries, values: usdJpy.map((r) => Number(budgetOf.get(`JFY${jfyOf(r.date)}`) ?? NaN)) });

  const newestFirst = [...rates].sort((a, b) => a.pair.localeCompare(b.pair) || b.date.localeCompare(a.date));
  const recordedTable = table<Rate>(T.recorded, [
    { header: T.date, cell: (r) => date(r.date) },
    { header: T.pair, cell: (r) => r.pair },
    { header: T.rate, cell: (r) => r.rate, numeric: true },
    { header: T.kind, cell: () => T.kindCurrent },
    { header: T.source, cell: (r) => r.source },
    { header: T.document, cell: (r) => r.document_source },
  ], newestFirst, T.none);
  recordedTable.id = "recorded-rates";

  return h(
    "section",
    { class: "rates" },
    h("h1", {}, T.title),
    h("p", { class: "help" }, T.explain),
    can("manage-finance") ? h("p", {}, h("a", { href: "#/imports/rates" }, T.importLink)) : null,
    facts([[T.current, h("span", { id: "current-rate" }, current instanceof ApiError ? T.noCurrent : T.currentIs(current.pair, current.rate, date(current.point_date)))]]),
    h("h2", {}, T.lookup),
    form,
    answer,
    h("h2", {}, T.chartTitle),
    usdJpy.length > 0 ? chart(T.chartLabel, usdJpy.map((r) => date(r.date)), series, { kind: "line" }) : null,
    h("h2", {}, T.recorded),
    recordedTable,
    h("h2", {}, T.budget),
    book
      ? table<Schemas["BudgetRate"]>(T.budget, [
          { header: T.fy, cell: (b) => jfyText(b.fiscal_year) },
          { header: T.pair, cell: (b) => b.pair },
          { header: T.rate, cell: (b) => b.rate, numeric: true },
          { header: T.kind, cell: () => T.kindBudget },
          { header: T.source, cell: (b) => b.source },
        ], budgetRates, T.none)
      : h("p", { class: "note" }, T.noBudget),
  );
}
