// Overview: status and key dates, the 36(b) notification, the LOA documents, the cost summary,
// the status history, and the lines with what has been delivered, received and billed.
import { getJson, type Schemas } from "../../lib/api";
import { facts, h, table } from "../../lib/dom";
import { amount, date, instant, money } from "../../lib/format";
import { strings } from "../../lib/i18n";
import { caseStatusLabel } from "../../lib/labels";
import { problemBlock } from "../../lib/problem_view";
import type { CaseContext, CaseDetail } from "./case";
import { caseFinancials, lineProgress, softly } from "./progress";

const T = strings(
  { keyDates: "Status and key dates", status: "Status", statusDate: "Status date", purchaser: "Purchaser",
    inForce: "Document in force", versionOf: (doc: string, v: number) => `${doc} (version ${v})`,
    caseAccepted: "Case accepted on", offer: "Offer date (document in force)", expiration: "Offer expiration date (document in force)",
    acceptance: "Acceptance date (document in force)", effective: "Effective date (document in force)",
    value: "Case value",
    notification: "36(b) congressional notification", required: "Notification required", yes: "yes", no: "no",
    group: "Country group", natoPlus5: "NATO member or NATO+5 (Japan, Australia, Israel, New Zealand, South Korea)", otherGroup: "other countries", referenceDate: "Reference date", mde: "Major defense equipment (MDE) value",
    total: "Articles and services value", design: "Design and construction value", triggered: "Thresholds reached",
    review: "Review period", days: (n: number) => `${n} days`, recorded: "Notification recorded",
    recordedText: (t: string, d: string, v: string) => `transmittal ${t}, notified on ${d}, ${v}`, noneRecorded: "none recorded",
    documents: "Documents", effectiveCol: "Effective date", version: "Version", document: "Document", offerDate: "Offer date",
    inForceCol: "In force", inForceYes: "yes", notSigned: "no (not yet signed)", purpose: "Purpose", recordedAt: "Recorded at", by: "By",
    costSummary: "Cost summary", item: "Item", amountIn: (c: string) => `Amount (${c})`,
    net_estimated_cost: "Net estimated cost", packing_crating_handling: "Packing, crating and handling",
    transportation: "Transportation", administrative_surcharge: "Administrative surcharge", other: "Other", totalCost: "Total",
    statusHistory: "Status history", date: "Date", from: "From", to: "To", reason: "Reason", override: "Override",
    derived: "(derived from the offer expiration date, not recorded)", overrideText: (r: string, m: string) => `${r} (missing: ${m})`,
    lines: "Lines", linesCaption: "Lines: ordered, delivered, received and billed", notInReport: "The status report does not cover this case yet.",
    none: "none" },
  { keyDates: "状況と主要日付", status: "状況", statusDate: "状況の日付", purchaser: "購入者",
    inForce: "有効な文書", versionOf: (doc: string, v: number) => `${doc}（版 ${v}）`,
    caseAccepted: "ケース受諾日", offer: "オファー日（有効な文書）", expiration: "オファー有効期限（有効な文書）",
    acceptance: "受諾日（有効な文書）", effective: "発効日（有効な文書）",
    value: "ケース金額",
    notification: "議会通知（36(b)）", required: "通知の要否", yes: "要", no: "不要",
    group: "国グループ", natoPlus5: "NATO加盟国またはNATO+5（日本、豪州、イスラエル、ニュージーランド、韓国）", otherGroup: "その他の国", referenceDate: "基準日", mde: "主要防衛装備品（MDE）金額",
    total: "装備品・役務の金額", design: "設計・建設の金額", triggered: "超過した基準",
    review: "審査期間", days: (n: number) => `${n}日`, recorded: "記録済みの通知",
    recordedText: (t: string, d: string, v: string) => `通知番号 ${t}、通知日 ${d}、${v}`, noneRecorded: "記録なし",
    documents: "文書", effectiveCol: "発効日", version: "版", document: "文書", offerDate: "オファー日",
    inForceCol: "有効", inForceYes: "有効", notSigned: "いいえ（未署名）", purpose: "目的", recordedAt: "記録日時", by: "記録者",
    costSummary: "費用の内訳", item: "項目", amountIn: (c: string) => `金額（${c}）`,
    net_estimated_cost: "正味見積費用", packing_crating_handling: "梱包・荷造り・取扱い",
    transportation: "輸送費", administrative_surcharge: "管理費", other: "その他", totalCost: "合計",
    statusHistory: "状況の履歴", date: "日付", from: "変更前", to: "変更後", reason: "理由", override: "例外措置",
    derived: "（オファー有効期限から導出。記録ではありません）", overrideText: (r: string, m: string) => `${r}（不足：${m}）`,
    lines: "ライン", linesCaption: "ライン：発注・納入・受領・請求", notInReport: "状況報告はまだこのケースを含んでいません。",
    none: "なし" },
);

type Version = Schemas["Version"];
type Notification = Schemas["Notification"];
type StatusChange = Schemas["StatusChange"];

function keyDates(detail: CaseDetail): HTMLElement {
  const inForce = detail.documents.find((d) => d.version === detail.version);
  const accepted = detail.status_history.filter((s) => s.to === "accepted").at(-1);
  const pairs: [string, Node | string][] = [
    [T.status, h("span", { class: "badge" }, caseStatusLabel(detail.status))],
    [T.statusDate, date(detail.status_date)],
    [T.purchaser, detail.purchaser],
    [T.value, money(detail.cost_summary.total, detail.currency)],
    [T.caseAccepted, date(accepted?.date)],
    [T.inForce, T.versionOf(detail.document, detail.version)],
    [T.offer, date(inForce?.offer_date)],
  ];
  if (inForce?.offer_expiration) pairs.push([T.expiration, date(inForce.offer_expiration)]);
  if (inForce?.acceptance_date) pairs.push([T.acceptance, date(inForce.acceptance_date)]);
  pairs.push([T.effective, date(inForce?.effective_date)]);
  return facts(pairs);
}

function notification(n: Notification): HTMLElement {
  const rec = n.recorded_notification;
  return facts([
    [T.required, n.required ? T.yes : T.no],
    [T.group, n.group === "nato_plus5" ? T.natoPlus5 : n.group === "other" ? T.otherGroup : n.group],
    [T.referenceDate, date(n.reference_date)],
    [T.mde, money(n.mde_value)],
    [T.total, money(n.total_value)],
    [T.design, money(n.design_construction_value)],
    [T.triggered, n.triggered.length ? h("ul", {}, ...n.triggered.map((t) => h("li", {}, t))) : T.none],
    [T.review, n.required ? T.days(n.review_period_days) : "—"],
    [T.recorded, rec ? T.recordedText(rec.transmittal, date(rec.notified_on), money(rec.value)) : T.noneRecorded],
  ]);
}

function documents(detail: CaseDetail, versions: Version[]): HTMLElement {
  const byVersion = new Map(detail.documents.map((d) => [d.version, d]));
  return table<Version>(
    T.documents,
    [
      { header: T.version, cell: (v) => String(v.version), numeric: true },
      { header: T.document, cell: (v) => v.document },
      { header: T.offerDate, cell: (v) => date(byVersion.get(v.version)?.offer_date) },
      { header: T.effectiveCol, cell: (v) => date(v.effective_date) },
      { header: T.inForceCol, cell: (v) => (byVersion.get(v.version)?.in_force === false ? T.notSigned : T.inForceYes) },
      { header: T.purpose, cell: (v) => v.purpose },
      { header: T.recordedAt, cell: (v) => instant(v.recorded_at) },
      { header: T.by, cell: (v) => v.actor },
    ],
    versions,
    T.none,
  );
}

function costSummary(detail: CaseDetail): HTMLElement {
  const keys = ["net_estimated_cost", "packing_crating_handling", "transportation", "administrative_surcharge", "other"] as const;
  const rows: [string, string, boolean][] = keys.map((k) => [T[k], detail.cost_summary[k], false]);
  rows.push([T.totalCost, detail.cost_summary.total, true]);
  return table<[string, string, boolean]>(
    T.costSummary,
    [
      { header: T.item, cell: (r) => r[0] },
      { header: T.amountIn(detail.currency), cell: (r) => amount(r[1], detail.currency), numeric: true },
    ],
    rows,
    T.none,
    (r) => (r[2] ? "total" : undefined),
  );
}

function statusHistory(detail: CaseDetail): HTMLElement {
  return table<StatusChange>(
    T.statusHistory,
    [
      { header: T.date, cell: (s) => date(s.date) },
      { header: T.from, cell: (s) => (s.from ? caseStatusLabel(s.from) : "—") },
      { header: T.to, cell: (s) => caseStatusLabel(s.to) },
      { header: T.reason, cell: (s) => (s.recorded ? s.reason : `${s.reason} ${T.derived}`) },
      { header: T.override, cell: (s) => (s.override ? T.overrideText(s.override.reason, s.override.missing.join("; ")) : "—") },
    ],
    detail.status_history,
    T.none,
  );
}

/** A section that shows its own failure instead of failing the page. */
async function part<V>(load: Promise<V>, draw: (value: V) => HTMLElement): Promise<HTMLElement> {
  const value = await softly(load);
  return value instanceof Error ? problemBlock(value) : draw(value);
}

export async function renderOverview(ctx: CaseContext): Promise<HTMLElement> {
  const id = encodeURIComponent(ctx.id);
  const [notice, docs, lines] = await Promise.all([
    part(getJson<Notification>(`/api/cases/${id}/notification`), notification),
    part(getJson<Schemas["VersionList"]>(`/api/cases/${id}/versions`), (v) => documents(ctx.detail, v.versions)),
    part(caseFinancials(ctx.id), (fin) =>
      h("div", {}, fin ? null : h("p", { class: "note" }, T.notInReport), lineProgress(ctx.detail, fin, T.linesCaption))),
  ]);
  return h(
    "div",
    { class: "tab overview" },
    h("h2", {}, T.keyDates), keyDates(ctx.detail),
    h("h2", {}, T.notification), notice,
    h("h2", {}, T.documents), docs,
    h("h2", {}, T.costSummary), costSummary(ctx.detail),
    h("h2", {}, T.statusHistory), statusHistory(ctx.detail),
    h("h2", {}, T.lines), lines,
  );
}
