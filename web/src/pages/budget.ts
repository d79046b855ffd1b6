// The budget book in force (#/budget?as_of=2026-04-01): its title, source and effective date,
// the budget rate of each Japanese fiscal year, the appropriations, the obligation authorities
// (ceilings) and the programme envelopes, then the envelope report as recorded payments and
// contracts consume them.
import { ApiError, getJson, query, type Schemas } from "../lib/api";
import { caseLink, facts, field, h, table } from "../lib/dom";
import { jfyText } from "../lib/fiscal";
import { amount, cents, date, instant, money } from "../lib/format";
import { strings } from "../lib/i18n";
import { can } from "../lib/session";

const T = strings(
  {
    title: "Budget", asOf: "Budget in force on", asOfHint: "Empty: today.", show: "Show", importLink: "Record a budget document",
    book: "Budget document in force", bookTitle: "Title", source: "Source file", effective: "In force from", recorded: "Recorded",
    by: "Recorded by", hash: "Content hash", provenance: "Provenance", noBook: "No budget document is in force on this date.",
    rates: "Budget rates by Japanese fiscal year", fy: "Fiscal year", pair: "Pair", rate: "Rate", rateSource: "Source", none: "none",
    appropriations: "Appropriations", id: "Id", programme: "Programme", category: "Category", appropriated: "Appropriated (yen)",
    policy: "When exceeded", block: "refuse (block)", warn: "warn", cases: "Cases",
    authorities: "Obligation authorities (ceilings)", authTitle: "Title", contractYear: "Contract year", paymentYears: "Payment years",
    ceiling: "Ceiling (yen)", longTerm: "Long-term procurement designation", yes: "yes", no: "no",
    envelopes: "Programme envelopes", envelope: (name: string) => `Envelope: ${name}`, years: "Years", total: "Total (yen)",
    assumed: "Assumed rate", shares: (name: string) => `Shares of ${name}`, share: "Share", shareAmount: "Amount (yen)",
    report: "Envelope report", reportEnvelopes: "Envelope consumption", shareJpy: "Share (yen)", counted: "Cases counted",
    contracts: "Contracts (USD)", atAssumed: "At the assumed rate (yen)", atBudget: "At the budget rates (yen)",
    effect: "Exchange effect (yen)", remaining: "Remaining (yen)", complete: "Budget rate for every year",
    reportAuthorities: "Obligation authorities against the forecast", inYears: "Forecast in its payment years (yen)",
    outside: "Forecast outside its years (yen)", yearsOutside: "Years outside", paid: "Paid to date (yen)", status: "Status",
    within: "within the ceiling", over: "over the ceiling", outsideYears: "payments outside its years", sep: ", ",
  },
  {
    title: "予算", asOf: "基準日", asOfHint: "空欄のときは本日。", show: "表示", importLink: "予算書を登録",
    book: "有効な予算書", bookTitle: "表題", source: "ファイル", effective: "適用開始日", recorded: "登録日時",
    by: "登録者", hash: "内容ハッシュ", provenance: "出典", noBook: "この日に有効な予算書はありません。",
    rates: "年度別予算レート", fy: "年度", pair: "通貨ペア", rate: "レート", rateSource: "出典", none: "なし",
    appropriations: "歳出予算", id: "ID", programme: "事業", category: "区分", appropriated: "予算額（円）",
    policy: "超過時の扱い", block: "拒否（ブロック）", warn: "警告", cases: "ケース",
    authorities: "国庫債務負担行為（限度額）", authTitle: "名称", contractYear: "契約年度", paymentYears: "支払年度",
    ceiling: "限度額（円）", longTerm: "長期契約の指定", yes: "あり", no: "なし",
    envelopes: "事業の総枠", envelope: (name: string) => `総枠：${name}`, years: "年度", total: "総額（円）",
    assumed: "前提レート", shares: (name: string) => `${name} の内訳`, share: "内訳", shareAmount: "金額（円）",
    report: "総枠の消化状況", reportEnvelopes: "総枠の消化", shareJpy: "内訳額（円）", counted: "対象ケース",
    contracts: "契約額（米ドル）", atAssumed: "前提レート換算（円）", atBudget: "予算レート換算（円）",
    effect: "為替の影響（円）", remaining: "残額（円）", complete: "全年度の予算レートあり",
    reportAuthorities: "国庫債務負担行為と支払見込み", inYears: "支払年度内の見込み（円）",
    outside: "支払年度外の見込み（円）", yearsOutside: "年度外の年度", paid: "支払済み（円）", status: "状況",
    within: "限度額以内", over: "限度額超過", outsideYears: "支払年度外の支払あり", sep: "、",
  },
);

type Book = Schemas["BudgetInForce"];
type Envelope = Schemas["EnvelopeReport"];

const yen = (v: string | null) => money(v, "JPY");
const caseLinks = (ids: string[]) => (ids.length === 0 ? "—" : h("span", {}, ...ids.flatMap((id, i) => (i === 0 ? [caseLink(id)] : [", ", caseLink(id)]))));
/** Fiscal years ("JFY2023 JFY2024 ...") named, as a range when they follow each other. */
function years(list: string[] | string): string {
  const all = (typeof list === "string" ? list.split(/\s+/) : list).filter(Boolean);
  const numbers = all.map((y) => Number(y.replace(/^JFY/, "")));
  const consecutive = all.length > 2 && numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
  return consecutive ? `${jfyText(all[0])} – ${jfyText(all[all.length - 1])}` : all.map(jfyText).join(T.sep);
}

function bookSections(book: Book): HTMLElement[] {
  const doc = book.document;
  const out: HTMLElement[] = [
    h("h2", {}, T.book),
    facts([
      [T.bookTitle, h("span", { id: "budget-title" }, doc.title)],
      [T.source, book.source],
      [T.effective, date(doc.effective_date)],
      [T.recorded, instant(book.recorded_at)],
      [T.by, book.actor],
      [T.hash, h("code", { class: "hash" }, book.content_hash)],
      [T.provenance, h("span", { lang: "en" }, doc.provenance)],
    ]),
    h("h2", {}, T.rates),
    table<Schemas["BudgetRate"]>(T.rates, [
      { header: T.fy, cell: (r) => jfyText(r.fiscal_year) },
      { header: T.pair, cell: (r) => r.pair },
      { header: T.rate, cell: (r) => r.rate, numeric: true },
      { header: T.rateSource, cell: (r) => r.source },
    ], doc.budget_rates, T.none),
    h("h2", {}, T.appropriations),
    table<Schemas["Appropriation"]>(T.appropriations, [
      { header: T.id, cell: (a) => a.id },
      { header: T.fy, cell: (a) => jfyText(a.fiscal_year) },
      { header: T.programme, cell: (a) => a.programme },
      { header: T.category, cell: (a) => a.category },
      { header: T.appropriated, cell: (a) => yen(a.amount), numeric: true },
      { header: T.policy, cell: (a) => (a.policy === "block" ? T.block : a.policy === "warn" ? T.warn : a.policy) },
      { header: T.cases, cell: (a) => caseLinks(a.cases) },
    ], doc.appropriations, T.none),
    h("h2", {}, T.authorities),
    table<Schemas["ObligationAuthority"]>(T.authorities, [
      { header: T.id, cell: (a) => a.id },
      { header: T.authTitle, cell: (a) => a.title },
      { header: T.contractYear, cell: (a) => jfyText(a.contract_year) },
      { header: T.paymentYears, cell: (a) => years(a.payment_years) },
      { header: T.ceiling, cell: (a) => yen(a.ceiling), numeric: true },
      { header: T.longTerm, cell: (a) => (a.long_term_designation ? T.yes : T.no) },
      { header: T.cases, cell: (a) => caseLinks(a.cases) },
    ], doc.obligation_authorities, T.none),
    h("h2", {}, T.envelopes),
  ];
  if (doc.envelopes.length === 0) out.push(h("p", { class: "empty" }, `${T.envelopes}: ${T.none}`));
  for (const env of doc.envelopes) {
    out.push(
      h("h3", {}, T.envelope(env.name)),
      facts([
        [T.id, env.id],
        [T.years, `${jfyText(env.first_year)} – ${jfyText(env.last_year)}`],
        [T.total, yen(env.total)],
        [T.assumed, `${env.assumed_rate.pair} ${env.assumed_rate.rate}`],
      ]),
      table<Schemas["EnvelopeShare"]>(T.shares(env.name), [
        { header: T.share, cell: (s) => s.name },
        { header: T.shareAmount, cell: (s) => yen(s.amount), numeric: true },
        { header: T.cases, cell: (s) => caseLinks(s.cases) },
      ], env.shares, T.none),
    );
  }
  return out;
}

function reportSections(report: Envelope): HTMLElement[] {
  const authorityStatus = (r: Schemas["ObligationAuthorityRow"]) =>
    [cents(r.remaining_jpy) < 0n ? T.over : T.within, cents(r.forecast_outside_years_jpy) > 0n ? T.outsideYears : ""].filter(Boolean).join(T.sep);
  return [
    h("h2", {}, T.report),
    h("h3", {}, T.reportEnvelopes),
    table<Schemas["EnvelopeRow"]>(T.reportEnvelopes, [
      { header: T.envelopes, cell: (r) => r.envelope },
      { header: T.share, cell: (r) => r.share },
      { header: T.shareJpy, cell: (r) => yen(r.share_jpy), numeric: true },
      { header: T.counted, cell: (r) => caseLinks(r.cases_counted.split(/\s+/).filter(Boolean)) },
      { header: T.contracts, cell: (r) => amount(r.contracts_usd), numeric: true },
      { header: T.atAssumed, cell: (r) => yen(r.at_assumed_rate_jpy), numeric: true },
      { header: T.atBudget, cell: (r) => yen(r.at_budget_rates_jpy), numeric: true },
      { header: T.effect, cell: (r) => yen(r.exchange_effect_jpy), numeric: true },
      { header: T.remaining, cell: (r) => yen(r.remaining_jpy), numeric: true },
      { header: T.complete, cell: (r) => (r.complete === "yes" ? T.yes : T.no) },
    ], report.tables.envelopes, T.none),
    h("h3", {}, T.reportAuthorities),
    table<Schemas["ObligationAuthorityRow"]>(T.reportAuthorities, [
      { header: T.id, cell: (r) => r.authority },
      { header: T.contractYear, cell: (r) => jfyText(r.contract_year) },
      { header: T.paymentYears, cell: (r) => years(r.payment_years) },
      { header: T.ceiling, cell: (r) => yen(r.ceiling_jpy), numeric: true },
      { header: T.inYears, cell: (r) => yen(r.forecast_in_payment_years_jpy), numeric: true },
      { header: T.remaining, cell: (r) => yen(r.remaining_jpy), numeric: true },
      { header: T.outside, cell: (r) => yen(r.forecast_outside_years_jpy), numeric: true },
      { header: T.yearsOutside, cell: (r) => (r.years_outside ? years(r.years_outside) : "—") },
      { header: T.paid, cell: (r) => yen(r.paid_to_date_jpy), numeric: true },
      { header: T.status, cell: (r) => authorityStatus(r) },
    ], report.tables.obligation_authority, T.none),
  ];
}

export async function renderBudget(q: URLSearchParams): Promise<HTMLElement> {
  const asOf = q.get("as_of") ?? "";
  const [book, report] = await Promise.all([
    getJson<Book>(`/api/budgets/in-force${query({ as_of: asOf })}`).catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return e;
      throw e;
    }),
    getJson<Envelope>(`/api/reports/envelope${query({ as_of: asOf })}`),
  ]);

  const dateInput = h("input", { type: "date", value: asOf });
  const form = h(
    "form",
    { class: "filters", id: "budget-as-of" },
    field("budget-as-of-date", T.asOf, dateInput, T.asOfHint),
    h("div", { class: "actions" }, h("button", { type: "submit" }, T.show)),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/budget${query({ as_of: dateInput.value })}`;
  });

  return h(
    "section",
    { class: "budget" },
    h("h1", {}, T.title),
    form,
    can("manage-finance") ? h("p", {}, h("a", { href: "#/imports/budget" }, T.importLink)) : null,
    ...(book instanceof ApiError ? [h("h2", {}, T.book), h("p", { class: "note", id: "no-budget" }, T.noBook)] : bookSections(book)),
    ...reportSections(report),
  );
}
