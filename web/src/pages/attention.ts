// Needs attention: the landing page. One list across the caller's cases of what is overdue or
// due soon (SDR deadlines, instalments, shipments not received, discrepancies by age, closure
// blockers, offers near their expiration), sorted by due date. Every row links to where it is
// acted on; an action is offered only to a role that may take it.
import { allPages, getJson, type Schemas } from "../lib/api";
import { caseHref, caseLink, field, h, sdrHref, select, table } from "../lib/dom";
import { count, daysBetween, date, money, today } from "../lib/format";
import { strings } from "../lib/i18n";
import { closureCheckLabel, discrepancyLabel, sdrStatusLabel } from "../lib/labels";
import { can } from "../lib/session";

const T = strings(
  {
    title: "Needs attention", intro: (days: number) => `What is overdue or due within ${days} days across your cases, earliest first.`,
    noRead: "Your role reads no case, so nothing here is yours to act on. Administration and verify are in the menu.",
    kind: "What", all: "Everything", due: "Due", caseCol: "Case", item: "Item", usd: "USD", where: "Open", action: "Action",
    state: "State", overdue: (d: number) => `overdue by ${d} days`, dueToday: "due today", dueIn: (d: number) => `due in ${d} days`,
    openFor: (d: number) => `open for ${d} days`, none: "nothing is overdue or due soon", list: "Items needing attention",
    counts: "By kind", within: "Due within (days)", show: "Show",
    sdr: "SDR deadline", instalment: "Instalment", arrears: "Instalment in arrears", shipment: "Shipment not received",
    discrepancy: "Discrepancy", closure: "Closure blocker", offer: "Offer near expiration",
    raiseSdr: "Raise SDR", nextStep: "Take the next step", recordPayment: "Import the payment", transition: "Closure steps",
    view: "View", sdrItem: (n: string, s: string) => `SDR ${n} (${s})`, paymentItem: (basis: string) => `next payment (${basis})`,
    arrearsItem: "arrears on the payment schedule", offerItem: (d: string) => `offer expires ${d}`,
    closureItem: (item: string, reason: string) => `${item}: ${reason}`,
  },
  {
    title: "要対応", intro: (days: number) => `担当ケース全体で、期限切れまたは${days}日以内に期限が来る事項を、期限の早い順に示します。`,
    noRead: "このロールではケースを閲覧しないため、対応する事項はありません。管理と検証はメニューにあります。",
    kind: "種別", all: "すべて", due: "期限", caseCol: "ケース", item: "事項", usd: "米ドル", where: "開く", action: "操作",
    state: "状況", overdue: (d: number) => `${d}日超過`, dueToday: "本日期限", dueIn: (d: number) => `あと${d}日`,
    openFor: (d: number) => `${d}日間未解決`, none: "期限切れ・期限間近の事項はありません", list: "要対応事項",
    counts: "種別ごとの件数", within: "期限までの日数", show: "表示",
    sdr: "SDR期限", instalment: "支払期日", arrears: "支払遅延", shipment: "出荷済・未受領",
    discrepancy: "不一致", closure: "閉鎖の阻害要因", offer: "オファー期限間近",
    raiseSdr: "SDRを作成", nextStep: "次の手続へ", recordPayment: "支払を取り込む", transition: "閉鎖手続",
    view: "表示", sdrItem: (n: string, s: string) => `SDR ${n}（${s}）`, paymentItem: (basis: string) => `次回支払（${basis}）`,
    arrearsItem: "支払計画に対する未払", offerItem: (d: string) => `オファー期限 ${d}`,
    closureItem: (item: string, reason: string) => `${item}：${reason}`,
  },
);

type Kind = "sdr" | "instalment" | "arrears" | "shipment" | "discrepancy" | "closure" | "offer";
const kinds: Kind[] = ["sdr", "arrears", "instalment", "shipment", "discrepancy", "closure", "offer"];

interface Row {
  kind: Kind;
  due: string;
  caseId: string;
  item: string;
  usd: string | null;
  where: string;
  action: { text: string; href: string } | null;
  // An open discrepancy without a deadline is counted by its age, not as overdue.
  aged?: boolean;
  // Listed whatever its date: a case past supply/services complete stays in view until closed.
  always?: boolean;
}

type DiscrepancyItem = Schemas["Discrepancy"];
type SdrItem = Schemas["SdrReportRow"];
type StatusCase = Schemas["CaseFinancials"];
type ClosureCase = Schemas["CaseClosure"];
type CaseItem = Schemas["CaseSummary"];

async function discrepancyRows(): Promise<Row[]> {
  const items = await allPages<DiscrepancyItem>("/api/discrepancies", "discrepancies");
  return items.map((d) => {
    const shipment = d.type === "shipped-not-received";
    const sdrable = d.action_due !== null && can("manage-case");
    return {
      kind: shipment ? "shipment" : "discrepancy",
      due: d.action_due ?? d.arose,
      aged: d.action_due === null,
      caseId: d.case_id,
      item: `${discrepancyLabel(d.type)}${d.line ? ` · ${d.line}` : ""} · ${d.documents.join("; ")}`,
      usd: d.usd,
      where: caseHref(d.case_id, "discrepancies"),
      action: sdrable ? { text: T.raiseSdr, href: caseHref(d.case_id, "discrepancies") } : null,
    };
  });
}

async function sdrRows(): Promise<Row[]> {
  const body = await getJson<{ sdrs: SdrItem[] }>("/api/reports/sdr?open=true");
  return body.sdrs.map((s) => ({
    kind: "sdr",
    due: s.deadline,
    caseId: s.case_id,
    item: T.sdrItem(s.number, sdrStatusLabel(s.status)),
    usd: s.claimed_usd,
    where: sdrHref(s.number),
    action: can("manage-case") ? { text: T.nextStep, href: sdrHref(s.number) } : null,
  }));
}

async function moneyRows(): Promise<Row[]> {
  const body = await getJson<{ cases: StatusCase[] }>("/api/reports/status");
  const rows: Row[] = [];
  for (const c of body.cases) {
    const p = c.position;
    if (!p) continue;
    const pay = can("manage-finance") ? { text: T.recordPayment, href: "#/imports/payments" } : null;
    if (p.arrears_due && p.arrears !== "0.00") {
      rows.push({ kind: "arrears", due: p.arrears_due, caseId: c.case_id, item: T.arrearsItem, usd: p.arrears, where: caseHref(c.case_id, "finance"), action: pay });
    }
    if (p.next_payment) {
      rows.push({ kind: "instalment", due: p.next_payment.due, caseId: c.case_id, item: T.paymentItem(p.next_payment.basis), usd: p.next_payment.usd, where: caseHref(c.case_id, "finance"), action: pay });
    }
  }
  return rows;
}

async function closureRows(): Promise<Row[]> {
  const body = await getJson<{ cases: ClosureCase[] }>("/api/reports/closure");
  return body.cases
    // Only cases past supply/services complete have a closure target: for the others closure is
    // not yet the work at hand, and their open items are listed on their own.
    .filter((c) => !c.ready && c.first_blocker && c.closure_target)
    .map((c) => ({
      kind: "closure",
      always: true,
      due: c.closure_target!,
      caseId: c.case_id,
      item: T.closureItem(closureCheckLabel(c.first_blocker!.item), c.first_blocker!.reason),
      usd: null,
      where: caseHref(c.case_id, "closure"),
      action: can("manage-case") ? { text: T.transition, href: caseHref(c.case_id, "closure") } : null,
    }));
}

async function offerRows(): Promise<Row[]> {
  const offered = (await allPages<CaseItem>("/api/cases?status=offered", "cases")).slice(0, 50);
  const details = await Promise.all(offered.map((c) => getJson<Schemas["CaseDetail"]>(`/api/cases/${encodeURIComponent(c.case_id)}`)));
  const rows: Row[] = [];
  for (const detail of details) {
    const expires = [...detail.documents].reverse().find((d) => d.offer_expiration)?.offer_expiration;
    if (!expires) continue;
    rows.push({ kind: "offer", due: expires, caseId: detail.case_id, item: T.offerItem(date(expires)), usd: null, where: caseHref(detail.case_id, "overview"), action: null });
  }
  return rows;
}

function stateOf(row: Row, now: string, within: number): { text: string; cls: string | undefined } {
  const days = daysBetween(now, row.due);
  if (row.aged) return { text: T.openFor(-days), cls: undefined };
  if (days < 0) return { text: T.overdue(-days), cls: "overdue" };
  if (days === 0) return { text: T.dueToday, cls: "overdue" };
  return { text: T.dueIn(days), cls: days <= within ? "due-soon" : undefined };
}

export async function renderAttention(query: URLSearchParams): Promise<HTMLElement> {
  const section = h("section", { class: "attention" }, h("h1", {}, T.title));
  if (!can("read")) {
    section.append(h("p", {}, T.noRead));
    return section;
  }
  const within = Math.min(Math.max(Number(query.get("within") ?? "30") || 30, 1), 365);
  const kind = query.get("kind") ?? "";
  const now = today();
  const all = (await Promise.all([sdrRows(), moneyRows(), discrepancyRows(), closureRows(), offerRows()])).flat();
  const soon = all.filter((r) => r.aged || r.always || daysBetween(now, r.due) <= within);
  soon.sort((a, b) => a.due.localeCompare(b.due) || a.caseId.localeCompare(b.caseId) || a.kind.localeCompare(b.kind));
  const shown = kind ? soon.filter((r) => r.kind === kind) : soon;

  const kindSelect = select([["", T.all], ...kinds.map((k): [string, string] => [k, `${T[k]} (${count(soon.filter((r) => r.kind === k).length)})`])], kind);
  const withinInput = h("input", { type: "number", min: "1", max: "365", value: String(within) });
  const form = h("form", { class: "filters" }, field("attention-kind", T.kind, kindSelect), field("attention-within", T.within, withinInput), h("button", { type: "submit" }, T.show));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (kindSelect.value) q.set("kind", kindSelect.value);
    if (withinInput.value && withinInput.value !== "30") q.set("within", withinInput.value);
    location.hash = `#/attention${q.toString() ? `?${q}` : ""}`;
  });

  section.append(
    h("p", {}, T.intro(within)),
    form,
    table<Row>(
      T.list,
      [
        { header: T.due, cell: (r) => date(r.due) },
        { header: T.state, cell: (r) => stateOf(r, now, within).text },
        { header: T.kind, cell: (r) => T[r.kind] },
        { header: T.caseCol, cell: (r) => caseLink(r.caseId) },
        { header: T.item, cell: (r) => r.item },
        { header: T.usd, cell: (r) => (r.usd ? money(r.usd) : "—"), numeric: true },
        { header: T.where, cell: (r) => h("a", { href: r.where, "data-kind": r.kind }, T.view) },
        { header: T.action, cell: (r) => (r.action ? h("a", { href: r.action.href, class: "action" }, r.action.text) : "—") },
      ],
      shown,
      T.none,
      (r) => stateOf(r, now, within).cls,
    ),
  );
  return section;
}
