// Supply Discrepancy Reports: every SDR of the caller's cases (the SDR report, GET /api/reports/sdr)
// with its deadline, and one SDR (GET /api/sdrs/{number}) with the steps taken and, for a case
// manager, the next steps its status allows (docs/sdr.md). The server still decides.
import { allPages, getJson, query, send, type Schemas } from "../lib/api";
import { caseLink, facts, field, h, sdrHref, select, table } from "../lib/dom";
import { strings } from "../lib/i18n";
import { discrepancyLabel, sdrResolutionLabel, sdrStatusLabel } from "../lib/labels";
import { amount, count, date, instant, money } from "../lib/format";
import { can } from "../lib/session";
import { downloadButtons } from "./downloads";
import { stepForms, takeOutcome, type SdrContext } from "./sdr_steps";

type Row = Schemas["SdrReportRow"];
type Report = Schemas["SdrReport"];
type Detail = Schemas["SdrDetail"];
type HistoryStep = Schemas["SdrHistoryStep"];
type ListingAnswer = Schemas["ListingAnswer"];

const T = strings(
  { title: "Supply Discrepancy Reports", filters: "Filters", status: "Status", anyStatus: "any status", openOnly: "Open only (not closed)",
    caseFilter: "Case", anyCase: "every case", apply: "Show", list: "SDRs", none: "none",
    shown: (n: number, d: string) => `${n} SDR(s) as of ${d}.`, number: "Number", caseCol: "Case", line: "Line", type: "Discrepancy",
    claimed: "Claimed (USD)", credited: "Credited (USD)", deadline: "Deadline",
    legend: (days: number) => `Deadlines bind drafts only. Marked “overdue” once passed and “due soon” within ${days} days.`,
    overdue: (n: number) => `overdue by ${n} day(s)`, dueToday: "due today", dueSoon: (n: number) => `due soon: ${n} day(s) left`,
    withdrawn: "withdrawn", belowMinimum: "below the review minimum", late: "submitted late",
    sdr: (n: string) => `SDR ${n}`, back: "All SDRs", facts: "Facts", currentStatus: "Status:", caseFact: "Case",
    discrepancy: "Discrepancy", document: "Discrepancy document", documents: "Documents", codes: "Discrepancy codes",
    minimum: "Review minimum", arose: "Arose on", submitted: "Submitted on", resolution: "Resolution", baseNumber: "Base number",
    wholeCase: "the case as a whole", notSubmitted: "not yet", steps: "Steps taken", stepDate: "Date", action: "Action",
    stepNumber: "Number", who: "Who", notes: "Notes", recorded: "Recorded at", credit: (a: string) => `credit ${a}`,
    replyCode: (c: string) => `reply code ${c}`, listing: "The seller's answers on delivery listings",
    listingNone: "no delivery listing row names this SDR", listingCredited: (a: string) => `Credited on the seller's listings: ${a}`,
    listingFile: "Listing", transaction: "Transaction", docNumber: "Document number", quantity: "Quantity", usd: "USD" },
  { title: "SDR（補給品不具合報告）", filters: "絞り込み", status: "状況", anyStatus: "すべての状況", openOnly: "未完了のみ",
    caseFilter: "ケース", anyCase: "すべてのケース", apply: "表示", list: "SDR", none: "なし",
    shown: (n: number, d: string) => `${d} 時点のSDR ${n} 件。`, number: "番号", caseCol: "ケース", line: "ライン", type: "不一致",
    claimed: "請求額（USD）", credited: "クレジット額（USD）", deadline: "提出期限",
    legend: (days: number) => `提出期限は下書きにのみ適用されます。期限を過ぎたものに「期限超過」、残り${days}日以内のものに「期限間近」と表示します。`,
    overdue: (n: number) => `期限超過（${n}日経過）`, dueToday: "本日期限", dueSoon: (n: number) => `期限間近（残り${n}日）`,
    withdrawn: "取下げ", belowMinimum: "審査対象の下限額未満", late: "期限後提出",
    sdr: (n: string) => `SDR ${n}`, back: "SDR一覧", facts: "概要", currentStatus: "状況：", caseFact: "ケース",
    discrepancy: "不一致", document: "不一致の文書", documents: "関連文書", codes: "不具合コード",
    minimum: "審査対象の下限額", arose: "発生日", submitted: "提出日", resolution: "処理結果", baseNumber: "基本番号",
    wholeCase: "ケース全体", notSubmitted: "未提出", steps: "処理経過", stepDate: "日付", action: "処理",
    stepNumber: "番号", who: "担当者", notes: "備考", recorded: "記録日時", credit: (a: string) => `クレジット ${a}`,
    replyCode: (c: string) => `回答コード ${c}`, listing: "納入リスト上の売手側の回答",
    listingNone: "このSDRを記載した納入リストの行はありません", listingCredited: (a: string) => `売手の納入リスト上のクレジット合計：${a}`,
    listingFile: "納入リスト", transaction: "取引種別", docNumber: "文書番号", quantity: "数量", usd: "USD" },
);

const stepWords = strings(
  { created: "created (draft)", submitted: "submitted", answered: "answered", "reconsideration requested": "reconsideration requested",
    contested: "contested", closed: "closed", withdrawn: "withdrawn" },
  { created: "作成（下書き）", submitted: "提出", answered: "回答受領", "reconsideration requested": "再審査要求",
    contested: "異議申立", closed: "完了", withdrawn: "取下げ" },
);

/** A deadline's marker in words and its row class, for drafts (the only SDRs a deadline binds). */
export function deadlineMarker(days: number | null | undefined, warningDays: number): { text: string; cls?: string } {
  if (days === null || days === undefined) return { text: "" };
  if (days < 0) return { text: T.overdue(-days), cls: "overdue" };
  if (days === 0) return { text: T.dueToday, cls: "due-soon" };
  if (days <= warningDays) return { text: T.dueSoon(days), cls: "due-soon" };
  return { text: "" };
}

function deadlineCell(deadline: string, marker: { text: string; cls?: string }): HTMLElement {
  return h("span", {}, date(deadline), marker.text ? [" ", h("strong", { class: `marker ${marker.cls ?? ""}` }, `(${marker.text})`)] : null);
}

function statusCell(status: string, withdrawn: boolean): HTMLElement {
  return h("span", { "data-status": withdrawn ? "withdrawn" : status }, withdrawn ? `${sdrStatusLabel(status)} (${T.withdrawn})` : sdrStatusLabel(status));
}

export async function renderSdrs(q: URLSearchParams): Promise<HTMLElement> {
  const status = q.get("status") ?? "";
  const open = q.get("open") === "true";
  const caseId = q.get("case") ?? "";
  const params = { status, open: open ? "true" : "", case: caseId };
  const [report, cases] = await Promise.all([
    getJson<Report>(`/api/reports/sdr${query(params)}`),
    allPages<Schemas["CaseSummary"]>("/api/cases", "cases").catch(() => [] as Schemas["CaseSummary"][]),
  ]);

  const statusSelect = select([["", T.anyStatus], ...(["draft", "submitted", "answered", "closed"] as const).map((s): [string, string] => [s, sdrStatusLabel(s)])], status);
  const caseSelect = select([["", T.anyCase], ...cases.map((c): [string, string] => [c.case_id, c.case_id])], caseId);
  const openBox = h("input", { type: "checkbox", checked: open });
  const form = h(
    "form",
    { class: "filters", "aria-label": T.filters },
    field("sdr-filter-status", T.status, statusSelect),
    field("sdr-filter-case", T.caseFilter, caseSelect),
    h("div", { class: "field inline" }, openBox, h("label", { for: "sdr-filter-open" }, T.openOnly)),
    h("div", { class: "field" }, h("button", { type: "submit" }, T.apply)),
  );
  openBox.id = "sdr-filter-open";
  openBox.name = "open";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/sdrs${query({ status: statusSelect.value, open: openBox.checked ? "true" : "", case: caseSelect.value })}`;
  });

  const warn = report.deadline_warning_days;
  const marker = (r: Row) => deadlineMarker(r.status === "draft" ? r.days_to_deadline : null, warn);
  const list = table<Row>(
    T.list,
    [
      { header: T.number, cell: (r) => h("a", { href: sdrHref(r.number) }, r.number) },
      { header: T.caseCol, cell: (r) => caseLink(r.case_id) },
      { header: T.line, cell: (r) => r.line || T.wholeCase },
      { header: T.type, cell: (r) => discrepancyLabel(r.type) },
      { header: T.status, cell: (r) => statusCell(r.status, r.withdrawn) },
      { header: T.claimed, cell: (r) => [amount(r.claimed_usd), r.below_minimum ? h("span", { class: "hint" }, ` (${T.belowMinimum})`) : null], numeric: true },
      { header: T.credited, cell: (r) => amount(r.credited_usd), numeric: true },
      { header: T.deadline, cell: (r) => deadlineCell(r.deadline, marker(r)) },
    ],
    report.sdrs,
    T.none,
    (r) => marker(r).cls,
  );
  return h(
    "section",
    { class: "sdrs" },
    h("h1", {}, T.title),
    form,
    h("p", { id: "sdr-count" }, T.shown(report.sdrs.length, date(report.as_of))),
    h("p", { class: "help" }, T.legend(warn)),
    list,
    downloadButtons({ path: "/api/reports/sdr", name: "sdr", csv: true, xlsx: true }, params),
  );
}

function stepNotes(s: HistoryStep): string {
  const parts: string[] = [];
  if (s.resolution) parts.push(sdrResolutionLabel(s.resolution));
  if (s.credit_usd) parts.push(T.credit(money(s.credit_usd)));
  if (s.reply_code) parts.push(T.replyCode(s.reply_code));
  if (s.late) parts.push(T.late);
  if (s.text) parts.push(s.text);
  return parts.join(" · ");
}

export async function renderSdr(number: string): Promise<HTMLElement> {
  const path = `/api/sdrs/${encodeURIComponent(number)}`;
  const answer = await send<Detail>("GET", path);
  const sdr = answer.body;
  // The server's today and its warning window come with the SDR report, not with the SDR.
  const report = await getJson<Report>(`/api/reports/sdr${query({ case: sdr.case_id })}`);
  const row = report.sdrs.find((r) => r.number === sdr.number || r.number === sdr.base_number);
  const marker = deadlineMarker(sdr.status === "draft" ? row?.days_to_deadline : null, report.deadline_warning_days);
  const lastDate = sdr.history.reduce((d, s) => (s.date > d ? s.date : d), "");

  const status = h("p", { class: "sdr-status" }, `${T.currentStatus} `, h("strong", { id: "sdr-status", "data-status": sdr.withdrawn ? "withdrawn" : sdr.status },
    sdr.withdrawn ? `${sdrStatusLabel(sdr.status)} (${T.withdrawn})` : sdrStatusLabel(sdr.status)));
  const outcome = h("div", { id: "sdr-outcome", class: "outcome", role: "status", "aria-live": "polite" });
  const pending = takeOutcome(sdr.base_number);
  if (pending) {
    outcome.append(pending);
    // After a step the page is drawn again: take the reader to what happened.
    outcome.tabIndex = -1;
    setTimeout(() => outcome.focus(), 0);
  }

  const summary = facts([
    [T.caseFact, caseLink(sdr.case_id)],
    [T.line, sdr.line || T.wholeCase],
    [T.baseNumber, sdr.base_number],
    [T.discrepancy, discrepancyLabel(sdr.discrepancy.type)],
    [T.document, sdr.discrepancy.document],
    [T.documents, sdr.documents.join(", ")],
    [T.codes, sdr.codes.join(", ")],
    [T.claimed, `${money(sdr.claimed_usd)}${sdr.below_minimum ? ` (${T.belowMinimum})` : ""}`],
    [T.credited, money(sdr.credited_usd)],
    [T.minimum, money(sdr.minimum_usd)],
    [T.arose, date(sdr.arose)],
    [T.deadline, deadlineCell(sdr.deadline, marker)],
    [T.submitted, sdr.submitted_on ? `${date(sdr.submitted_on)}${sdr.submitted_late ? ` (${T.late})` : ""}` : T.notSubmitted],
    [T.resolution, sdr.resolution ? sdrResolutionLabel(sdr.resolution) : "—"],
  ]);

  const steps = table<HistoryStep>(
    T.steps,
    [
      { header: T.stepDate, cell: (s) => date(s.date) },
      { header: T.action, cell: (s) => stepWords[s.step] ?? s.step },
      { header: T.stepNumber, cell: (s) => s.number },
      { header: T.who, cell: (s) => s.actor },
      { header: T.notes, cell: (s) => stepNotes(s) },
      { header: T.recorded, cell: (s) => instant(s.recorded_at) },
    ],
    sdr.history,
    T.none,
  );

  const answers = table<ListingAnswer>(
    T.listing,
    [
      { header: T.listingFile, cell: (a) => `${a.source}:${a.source_line}` },
      { header: T.transaction, cell: (a) => a.transaction_type },
      { header: T.stepNumber, cell: (a) => a.sdr },
      { header: T.line, cell: (a) => a.line },
      { header: T.docNumber, cell: (a) => a.document_number },
      { header: T.stepDate, cell: (a) => date(a.date) },
      { header: T.quantity, cell: (a) => count(a.quantity), numeric: true },
      { header: T.usd, cell: (a) => amount(a.usd), numeric: true },
    ],
    sdr.listing_answers,
    T.listingNone,
  );

  const context: SdrContext = { sdr, etag: answer.etag, path, today: report.as_of, lastDate };
  return h(
    "section",
    { class: "sdr" },
    h("p", { class: "crumbs" }, h("a", { href: "#/sdrs" }, T.back)),
    h("h1", {}, T.sdr(sdr.number)),
    status,
    outcome,
    h("h2", {}, T.facts),
    summary,
    h("h2", {}, T.steps),
    steps,
    h("h2", {}, T.listing),
    answers,
    sdr.listing_answers.length > 0 ? h("p", {}, T.listingCredited(money(sdr.listing_credited_usd))) : null,
    can("manage-case") ? stepForms(context) : null,
  );
}
