// History (read-history only): the case's recorded events with who, when and the hash that
// chains them; the case as it stood on a chosen date (?as_of=YYYY-MM-DD in the tab's address),
// with only the events recorded by then; and the line-level differences between two versions.
import { allPages, getJson, type Schemas } from "../../lib/api";
import { caseHref, facts, field, h, select, statusRegion, table } from "../../lib/dom";
import { amount, date, instant, money, timeZone } from "../../lib/format";
import { strings } from "../../lib/i18n";
import { caseStatusLabel } from "../../lib/labels";
import { problemBlock } from "../../lib/problem_view";
import type { CaseContext, CaseDetail } from "./case";
import { softly } from "./progress";

type Event = Schemas["Event"];
type Version = Schemas["Version"];
type LineDifference = Schemas["LineDifference"];

const T = strings(
  { asOfTitle: "The case on a date", asOfLabel: "Show the case as it stood on", show: "Show", clear: "Back to today",
    asOfHeading: (d: string) => `As it stood on ${d}`, status: "Status", statusDate: "Status date", inForce: "Document in force",
    versionOf: (doc: string, v: number) => `${doc} (version ${v})`, value: "Case value", lines: "Lines", line: "Line",
    description: "Description", quantity: "Quantity", total: (c: string) => `Total (${c})`, costs: "Cost summary",
    item: "Item", amountIn: (c: string) => `Amount (${c})`, net_estimated_cost: "Net estimated cost",
    packing_crating_handling: "Packing, crating and handling", transportation: "Transportation",
    administrative_surcharge: "Administrative surcharge", other: "Other", grandTotal: "Total",
    on: (what: string, d: string) => `${what} (${d})`, steps: "Status changes by then", stepDate: "Date", stepTo: "Change", stepReason: "Reason",
    recordedNote: "Events are listed by when they were recorded in the ledger; a document or step dated earlier but recorded later is not among them (the view above reads the dates the documents and steps bear).",
    events: "Recorded events", eventsUpTo: (d: string) => `Events recorded up to ${d}`, seq: "Seq.", when: "When", who: "Who",
    what: "What", hash: "Hash", none: "none", noneByThen: "none recorded by then",
    "case.document_recorded": "LOA document recorded", "case.status_changed": "status changed", "case.amendment_signed": "amendment signed",
    basic: "Basic LOA", amendment: "Amendment", modification: "Modification", docVersion: (k: string, v: string) => `${k}, version ${v}`,
    moved: (f: string, t: string, d: string) => `${f} → ${t} on ${d}`, override: (r: string) => `override: ${r}`,
    signed: (v: string, d: string) => `amendment ${v} signed on ${d}`,
    diff: "Compare versions", from: "From version", to: "To version", compare: "Compare", oneVersion: "The case has one version only.",
    changes: (a: number, b: number) => `Changes from version ${a} to version ${b}`, change: "Change", fields: "What changed",
    added: "added", removed: "removed", changed: "changed", totals: (a: string, b: string) => `Case value: ${a} → ${b}`,
    noChanges: "no line changed", unit_cost: "unit cost", availability: "availability", masl: "MASL",
    pricing: "pricing", unit_of_issue: "unit of issue", badDate: "Enter a date as YYYY-MM-DD." },
  { asOfTitle: "指定日時点のケース", asOfLabel: "この日付時点のケースを表示", show: "表示", clear: "現在に戻る",
    asOfHeading: (d: string) => `${d}時点の状態`, status: "状況", statusDate: "状況の日付", inForce: "有効な文書",
    versionOf: (doc: string, v: number) => `${doc}（版 ${v}）`, value: "ケース金額", lines: "ライン", line: "ライン",
    description: "品目", quantity: "数量", total: (c: string) => `合計（${c}）`, costs: "費用の内訳",
    item: "項目", amountIn: (c: string) => `金額（${c}）`, net_estimated_cost: "正味見積費用",
    packing_crating_handling: "梱包・荷造り・取扱い", transportation: "輸送費",
    administrative_surcharge: "管理費", other: "その他", grandTotal: "合計",
    on: (what: string, d: string) => `${what}（${d}）`, steps: "その時点までの状況の変更", stepDate: "日付", stepTo: "変更", stepReason: "理由",
    recordedNote: "イベントは台帳に記録された日時で表示します。日付はそれ以前でも後から記録された文書や変更は含まれません（上の表示は文書や変更に記載された日付によります）。",
    events: "記録されたイベント", eventsUpTo: (d: string) => `${d}までに記録されたイベント`, seq: "番号", when: "日時", who: "記録者",
    what: "内容", hash: "ハッシュ", none: "なし", noneByThen: "その時点までの記録なし",
    "case.document_recorded": "LOA文書の記録", "case.status_changed": "状況の変更", "case.amendment_signed": "アメンドメントの署名",
    basic: "基本LOA", amendment: "アメンドメント", modification: "モディフィケーション", docVersion: (k: string, v: string) => `${k}（版 ${v}）`,
    moved: (f: string, t: string, d: string) => `${d}に${f}→${t}`, override: (r: string) => `例外措置：${r}`,
    signed: (v: string, d: string) => `${d}にアメンドメント${v}に署名`,
    diff: "版の比較", from: "比較元の版", to: "比較先の版", compare: "比較", oneVersion: "このケースの版は1つだけです。",
    changes: (a: number, b: number) => `版 ${a} から版 ${b} への変更`, change: "変更", fields: "変更内容",
    added: "追加", removed: "削除", changed: "変更", totals: (a: string, b: string) => `ケース金額：${a} → ${b}`,
    noChanges: "変更されたラインなし", unit_cost: "単価", availability: "引渡予定", masl: "MASL",
    pricing: "価格方式", unit_of_issue: "単位", badDate: "日付は YYYY-MM-DD の形で入力してください。" },
);

const word = (key: string): string => {
  const value = (T as unknown as Record<string, unknown>)[key];
  return typeof value === "string" ? value : key;
};

/** The civil date of an instant in the user's time zone. */
function civilDate(iso: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timeZone(), year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}

type Payload = Record<string, unknown>;
const text = (p: Payload, k: string) => (typeof p[k] === "string" || typeof p[k] === "number" ? String(p[k]) : "");

function summary(e: Event): string {
  const p = (e.payload ?? {}) as Payload;
  if (e.type === "case.document_recorded") {
    const doc = ((p.document as Payload | undefined)?.document ?? {}) as Payload;
    return [T.docVersion(word(text(doc, "kind")), text(doc, "version")), text(p, "source")].filter(Boolean).join(" — ");
  }
  if (e.type === "case.status_changed") {
    const from = text(p, "from");
    const moved = T.moved(from ? caseStatusLabel(from) : "—", caseStatusLabel(text(p, "to")), date(text(p, "date")));
    const over = p.override as Payload | undefined;
    return [moved, text(p, "reason"), over ? T.override(text(over, "reason")) : ""].filter(Boolean).join(": ");
  }
  if (e.type === "case.amendment_signed") return `${T.signed(text(p, "version"), date(text(p, "date")))}: ${text(p, "reason")}`;
  return "";
}

function eventsTable(events: Event[], caption: string, empty: string): HTMLElement {
  return table<Event>(
    caption,
    [
      { header: T.seq, cell: (e) => String(e.sequence), numeric: true },
      { header: T.when, cell: (e) => instant(e.recorded_at) },
      { header: T.who, cell: (e) => e.actor },
      { header: T.what, cell: (e) => h("span", {}, h("strong", {}, word(e.type)), h("br"), summary(e)) },
      { header: T.hash, cell: (e) => h("code", { class: "hash" }, e.hash) },
    ],
    events,
    empty,
  );
}

function asOfForm(ctx: CaseContext, asOf: string | null): HTMLElement {
  const input = h("input", { type: "date", value: asOf ?? "", required: true });
  const form = h("form", { class: "as-of filters" }, field("as-of-date", T.asOfLabel, input), h("div", { class: "actions" }, h("button", { type: "submit" }, T.show)));
  if (asOf) form.append(h("p", {}, h("a", { href: caseHref(ctx.id, "history") }, T.clear)));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `${caseHref(ctx.id, "history")}${input.value ? `?as_of=${input.value}` : ""}`;
  });
  return form;
}

function asOfView(then: CaseDetail, asOf: string): HTMLElement {
  const keys = ["net_estimated_cost", "packing_crating_handling", "transportation", "administrative_surcharge", "other", "total"] as const;
  return h(
    "div",
    {},
    facts([
      [T.status, h("span", { class: "badge", "data-figure": "as-of-status", "data-status": then.status }, caseStatusLabel(then.status))],
      [T.statusDate, date(then.status_date)],
      [T.inForce, h("span", { "data-figure": "as-of-document" }, T.versionOf(then.document, then.version))],
      [T.value, money(then.cost_summary.total, then.currency)],
    ]),
    h("h3", {}, T.lines),
    table(T.on(T.lines, date(asOf)), [
      { header: T.line, cell: (l) => l.number },
      { header: T.description, cell: (l) => l.description },
      { header: T.quantity, cell: (l) => `${l.quantity} ${l.unit_of_issue}`, numeric: true },
      { header: T.total(then.currency), cell: (l) => amount(l.total, then.currency), numeric: true },
    ], then.lines, T.none),
    h("h3", {}, T.steps),
    table<Schemas["StatusChange"]>(T.on(T.steps, date(asOf)), [
      { header: T.stepDate, cell: (c) => date(c.date) },
      { header: T.stepTo, cell: (c) => `${c.from ? caseStatusLabel(c.from) : "—"} → ${caseStatusLabel(c.to)}` },
      { header: T.stepReason, cell: (c) => c.reason },
    ], then.status_history, T.none),
    h("h3", {}, T.costs),
    table(T.on(T.costs, date(asOf)), [
      { header: T.item, cell: (k: (typeof keys)[number]) => word(k === "total" ? "grandTotal" : k) },
      { header: T.amountIn(then.currency), cell: (k) => amount(then.cost_summary[k], then.currency), numeric: true },
    ], [...keys], T.none, (k) => (k === "total" ? "total" : undefined)),
  );
}

function fieldText(f: string): string {
  const m = /^([a-z_]+): (.*) -> (.*)$/.exec(f);
  return m ? `${word(m[1])}: ${m[2]} → ${m[3]}` : f;
}

function diffForm(ctx: CaseContext, versions: Version[]): HTMLElement {
  if (versions.length < 2) return h("p", {}, T.oneVersion);
  const options: [string, string][] = versions.map((v) => [String(v.version), `${v.version}: ${v.document}`]);
  const from = select(options, String(versions[versions.length - 2].version));
  const to = select(options, String(versions[versions.length - 1].version));
  const result = statusRegion("diff-result");
  const form = h("form", { class: "diff filters" }, field("diff-from", T.from, from), field("diff-to", T.to, to), h("div", { class: "actions" }, h("button", { type: "submit" }, T.compare)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const d = await getJson<Schemas["Diff"]>(`/api/cases/${encodeURIComponent(ctx.id)}/diff?from=${from.value}&to=${to.value}`);
      result.replaceChildren(
        h("p", {}, T.totals(money(d.from_total, ctx.detail.currency), money(d.to_total, ctx.detail.currency))),
        table<LineDifference>(T.changes(d.from_version, d.to_version), [
          { header: T.line, cell: (l) => l.line },
          { header: T.change, cell: (l) => word(l.change) },
          { header: T.fields, cell: (l) => (l.fields.length ? h("span", {}, ...l.fields.flatMap((f, i) => (i ? [h("br"), fieldText(f)] : [fieldText(f)]))) : "—") },
        ], d.lines, T.noChanges),
      );
    } catch (e) {
      result.replaceChildren(problemBlock(e));
    }
  });
  return h("div", {}, form, result);
}

export async function renderHistory(ctx: CaseContext): Promise<HTMLElement> {
  const id = encodeURIComponent(ctx.id);
  const raw = ctx.query.get("as_of");
  const asOf = raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : null;
  const [events, versions, then] = await Promise.all([
    allPages<Event>(`/api/cases/${id}/history`, "events"),
    getJson<Schemas["VersionList"]>(`/api/cases/${id}/versions`),
    asOf ? softly(getJson<CaseDetail>(`/api/cases/${id}?as_of=${asOf}`)) : Promise.resolve(null),
  ]);
  const out = h("div", { class: "tab history" }, h("h2", {}, T.asOfTitle), asOfForm(ctx, asOf));
  if (raw && !asOf) out.append(h("p", { class: "problem", role: "alert" }, T.badDate));
  if (asOf) {
    out.append(
      h("section", { "data-as-of": asOf }, h("h2", {}, T.asOfHeading(date(asOf))), then instanceof Error ? problemBlock(then) : then ? asOfView(then, asOf) : null),
      h("h2", {}, T.eventsUpTo(date(asOf))),
      eventsTable(events.filter((e) => civilDate(e.recorded_at) <= asOf), T.eventsUpTo(date(asOf)), T.noneByThen),
      h("p", { class: "help" }, T.recordedNote),
    );
  } else {
    out.append(h("h2", {}, T.events), eventsTable(events, T.events, T.none));
  }
  out.append(h("h2", {}, T.diff), diffForm(ctx, versions.versions));
  return out;
}
