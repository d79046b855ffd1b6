// One case: its heading and status, then one tab per address (#/cases/{id}/{tab}), each drawn by
// its own file. The case is read first, so a case of another organisation, or none, is the API's
// 404 and the frame shows it: nothing else of the case is asked for or shown.
import { send, type Schemas } from "../../lib/api";
import { h, link, tabs, caseHref } from "../../lib/dom";
import { date } from "../../lib/format";
import { strings } from "../../lib/i18n";
import { caseStatusLabel } from "../../lib/labels";
import { can } from "../../lib/session";
import { renderOverview } from "./overview";
import { renderFinance } from "./finance";
import { renderDeliveries } from "./deliveries";
import { renderDiscrepancies } from "./discrepancies";
import { renderSdrsTab } from "./sdrs";
import { renderHistory } from "./history";
import { renderClosure } from "./closure";

export type CaseDetail = Schemas["CaseDetail"];

/** What every tab is given: the case as read (with its ETag) and the address's query. */
export interface CaseContext {
  id: string;
  detail: CaseDetail;
  etag: string | null;
  query: URLSearchParams;
}

const T = strings(
  { portfolio: "Portfolio", breadcrumb: "Breadcrumb", sections: "Sections of the case", status: "Status:",
    since: (d: string) => `since ${d}`,
    overview: "Overview", finance: "Finance", deliveries: "Deliveries", discrepancies: "Discrepancies", sdrs: "SDRs",
    history: "History", closure: "Closure",
    noTab: "Not found", noTabText: (t: string) => `This case has no section named “${t}”.`,
    notAllowed: "Not allowed", notAllowedText: "Your role does not include reading a case's event history." },
  { portfolio: "ケース一覧", breadcrumb: "現在位置", sections: "ケースの区分", status: "状況：",
    since: (d: string) => `（${d}から）`,
    overview: "概要", finance: "財務", deliveries: "納入", discrepancies: "不一致", sdrs: "SDR",
    history: "履歴", closure: "閉鎖",
    noTab: "見つかりません", noTabText: (t: string) => `このケースに「${t}」という区分はありません。`,
    notAllowed: "許可されていません", notAllowedText: "あなたの役割ではケースのイベント履歴を閲覧できません。" },
);

type Tab = "overview" | "finance" | "deliveries" | "discrepancies" | "sdrs" | "history" | "closure";

const renderers: Record<Tab, (ctx: CaseContext) => Promise<HTMLElement>> = {
  overview: renderOverview,
  finance: renderFinance,
  deliveries: renderDeliveries,
  discrepancies: renderDiscrepancies,
  sdrs: renderSdrsTab,
  history: renderHistory,
  closure: renderClosure,
};

function offered(tab: Tab): boolean {
  return tab !== "history" || can("read-history");
}

function message(title: string, text: string): HTMLElement {
  return h("section", { class: "tab-message" }, h("h2", {}, title), h("p", { class: "note" }, text));
}

export async function renderCase(id: string, tab: string, query: URLSearchParams): Promise<HTMLElement> {
  // The case first: its 404 propagates to the frame before anything else is asked.
  const answer = await send<CaseDetail>("GET", `/api/cases/${encodeURIComponent(id)}`);
  const detail = answer.body;
  const ctx: CaseContext = { id: detail.case_id, detail, etag: answer.etag, query };

  const names = Object.keys(renderers) as Tab[];
  const known = (names as string[]).includes(tab);
  const nav = tabs(
    T.sections,
    names.filter(offered).map((t) => ({ href: caseHref(ctx.id, t), text: T[t], current: t === tab })),
  );

  let content: HTMLElement;
  if (!known) content = message(T.noTab, T.noTabText(tab));
  else if (!offered(tab as Tab)) content = message(T.notAllowed, T.notAllowedText);
  else content = await renderers[tab as Tab](ctx);

  return h(
    "article",
    { class: "case", "data-case": ctx.id, "data-tab": tab },
    h("nav", { class: "crumbs", "aria-label": T.breadcrumb }, link("#/cases", T.portfolio), " / ", h("span", { "aria-current": "page" }, ctx.id)),
    h("h1", {}, `${ctx.id}: ${detail.title}`),
    h(
      "p",
      { class: "case-status" },
      T.status, " ",
      h("span", { class: "badge", "data-status": detail.status }, caseStatusLabel(detail.status)),
      " ", T.since(date(detail.status_date)),
    ),
    nav,
    content,
  );
}
