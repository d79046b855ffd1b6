// Reports: the portfolio's status, closure readiness, exceptions, discrepancies and the money
// reports (forecast, exposure, envelope), each as of a date, with downloads in the formats the
// server offers (CSV and .xlsx by Accept; the forecast/exposure/envelope workbook).
import { field, h, tabs } from "../lib/dom";
import { strings } from "../lib/i18n";
import { date } from "../lib/format";
import { can } from "../lib/session";
import { downloadButtons, type DownloadOffer } from "./downloads";
import { renderClosure, renderDiscrepancyReport, renderExceptions, renderStatus } from "./reports_portfolio";
import { renderEnvelope, renderExposure, renderForecast } from "./reports_finance";

const T = strings(
  { title: "Reports", tabs: "Reports", asOf: "As of", asOfHint: "Empty: today", show: "Show", today: "Today",
    shownAsOf: (d: string) => `As of ${d}.`, downloads: "Download", noDownload: "This report is shown here only; the server offers no file of it.",
    notAllowed: "Your role does not include reading reports.", unknown: (n: string) => `There is no report called “${n}”.`,
    status: "Financial status", closure: "Closure readiness", exceptions: "Exceptions", forecast: "Payment forecast",
    exposure: "Exchange-rate exposure", envelope: "Envelopes and obligation authority", discrepancies: "Discrepancies",
    heading: (n: string) => `Reports: ${n}` },
  { title: "報告書", tabs: "報告書", asOf: "基準日", asOfHint: "空欄の場合は本日", show: "表示", today: "本日",
    shownAsOf: (d: string) => `${d} 時点。`, downloads: "ダウンロード", noDownload: "この報告書は画面表示のみです（サーバーはファイルを提供していません）。",
    notAllowed: "あなたの役割には報告書の閲覧が含まれていません。", unknown: (n: string) => `「${n}」という報告書はありません。`,
    status: "財務状況", closure: "閉鎖準備状況", exceptions: "例外事項", forecast: "支払見通し",
    exposure: "為替影響", envelope: "計画枠・国庫債務負担行為", discrepancies: "不一致",
    heading: (n: string) => `報告書：${n}` },
);

type Name = "status" | "closure" | "exceptions" | "forecast" | "exposure" | "envelope" | "discrepancies";
const names: Name[] = ["status", "closure", "exceptions", "forecast", "exposure", "envelope", "discrepancies"];

/** What each report draws (given its as-of date) and which files the server offers of it. */
const reports: Record<Name, { draw: (asOf: string) => Promise<HTMLElement>; offer: DownloadOffer | null }> = {
  status: { draw: renderStatus, offer: { path: "/api/reports/status", name: "status", csv: true, xlsx: true } },
  closure: { draw: renderClosure, offer: { path: "/api/reports/closure", name: "closure", csv: true, xlsx: true } },
  exceptions: { draw: renderExceptions, offer: { path: "/api/reports/exceptions", name: "exceptions", csv: true, xlsx: true } },
  forecast: { draw: renderForecast, offer: { path: "/api/reports/forecast", name: "forecast", csv: true, xlsx: true, workbook: true } },
  exposure: { draw: renderExposure, offer: { path: "/api/reports/exposure", name: "exposure", csv: true, xlsx: true, workbook: true } },
  envelope: { draw: renderEnvelope, offer: { path: "/api/reports/envelope", name: "envelope", csv: true, xlsx: true, workbook: true } },
  // Drawn from GET /api/discrepancies (paged); the file is the same list unpaged.
  discrepancies: { draw: renderDiscrepancyReport, offer: { path: "/api/reports/discrepancies", name: "discrepancies", csv: true, xlsx: true } },
};

function isName(name: string): name is Name {
  return (names as string[]).includes(name);
}

export async function renderReports(name: string, q: URLSearchParams): Promise<HTMLElement> {
  if (!can("read")) return h("section", {}, h("h1", {}, T.title), h("p", {}, T.notAllowed));
  const asOf = q.get("as_of") ?? "";
  const suffix = asOf ? `?as_of=${encodeURIComponent(asOf)}` : "";
  const nav = tabs(T.tabs, names.map((n) => ({ href: `#/reports/${n}${suffix}`, text: T[n], current: n === name })));
  if (!isName(name)) return h("section", {}, h("h1", {}, T.title), nav, h("p", {}, T.unknown(name)));

  const report = reports[name];
  const input = h("input", { type: "date", value: asOf });
  const form = h(
    "form",
    { class: "filters", "aria-label": T.asOf },
    field("report-as-of", T.asOf, input, T.asOfHint),
    h("div", { class: "field" }, h("button", { type: "submit" }, T.show)),
    asOf ? h("div", { class: "field" }, h("a", { href: `#/reports/${name}` }, T.today)) : null,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/reports/${name}${input.value ? `?as_of=${encodeURIComponent(input.value)}` : ""}`;
  });

  const body = await report.draw(asOf);
  return h(
    "section",
    { class: `report report-${name}` },
    h("h1", {}, T.heading(T[name])),
    nav,
    form,
    asOf ? h("p", {}, T.shownAsOf(date(asOf))) : null,
    report.offer ? downloadButtons(report.offer, { as_of: asOf }) : h("p", { class: "hint" }, T.noDownload),
    body,
  );
}
