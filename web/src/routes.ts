// Every page of the UI: its address, who sees it in the navigation, and what draws it.
// Each page checks nothing about roles itself beyond what it offers; the server decides.
import { strings } from "./lib/i18n";
import { can } from "./lib/session";
import { renderAttention } from "./pages/attention";
import { renderPortfolio } from "./pages/portfolio";
import { renderCase } from "./pages/case/case";
import { renderSdrs, renderSdr } from "./pages/sdrs";
import { renderDiscrepancies } from "./pages/discrepancies";
import { renderReports } from "./pages/reports";
import { renderImports } from "./pages/imports";
import { renderBudget } from "./pages/budget";
import { renderRates } from "./pages/rates";
import { renderVerify } from "./pages/verify";
import { renderAdmin } from "./pages/admin";

export type View = HTMLElement | Promise<HTMLElement>;

interface Route {
  pattern: RegExp;
  render: (parts: string[], query: URLSearchParams) => View;
}

// Path parts are matched still percent-encoded (an SDR number holds a "/") and decoded after.
export const routes: Route[] = [
  { pattern: /^\/attention$/, render: (_p, q) => renderAttention(q) },
  { pattern: /^\/cases$/, render: (_p, q) => renderPortfolio(q) },
  { pattern: /^\/cases\/([^/]+)(?:\/([a-z-]+))?$/, render: (p, q) => renderCase(p[0], p[1] ?? "overview", q) },
  { pattern: /^\/sdrs$/, render: (_p, q) => renderSdrs(q) },
  { pattern: /^\/sdrs\/([^/]+)$/, render: (p) => renderSdr(p[0]) },
  { pattern: /^\/discrepancies$/, render: (_p, q) => renderDiscrepancies(q) },
  { pattern: /^\/reports(?:\/([a-z-]+))?$/, render: (p, q) => renderReports(p[0] ?? "status", q) },
  { pattern: /^\/imports(?:\/([a-z-]+))?$/, render: (p) => renderImports(p[0]) },
  { pattern: /^\/budget$/, render: (_p, q) => renderBudget(q) },
  { pattern: /^\/rates$/, render: (_p, q) => renderRates(q) },
  { pattern: /^\/verify$/, render: () => renderVerify() },
  { pattern: /^\/admin(?:\/([a-z-]+))?$/, render: (p) => renderAdmin(p[0] ?? "users") },
];

const T = strings(
  { attention: "Needs attention", cases: "Portfolio", sdrs: "SDRs", discrepancies: "Discrepancies", reports: "Reports",
    budget: "Budget", rates: "Exchange rates", imports: "Imports", verify: "Verify", admin: "Administration" },
  { attention: "要対応", cases: "ケース一覧", sdrs: "SDR", discrepancies: "不一致", reports: "報告書",
    budget: "予算", rates: "為替レート", imports: "取込み", verify: "検証", admin: "管理" },
);

/** The navigation the signed-in user sees: only pages whose main use they are allowed. */
export function navItems(): { href: string; text: string }[] {
  const items: { href: string; text: string; show: boolean }[] = [
    { href: "#/attention", text: T.attention, show: true },
    { href: "#/cases", text: T.cases, show: can("read") },
    { href: "#/sdrs", text: T.sdrs, show: can("read") },
    { href: "#/discrepancies", text: T.discrepancies, show: can("read") },
    { href: "#/reports", text: T.reports, show: can("read") },
    { href: "#/budget", text: T.budget, show: can("read") },
    { href: "#/rates", text: T.rates, show: can("read") },
    { href: "#/imports", text: T.imports, show: can("manage-case") || can("manage-finance") },
    { href: "#/verify", text: T.verify, show: can("verify") },
    { href: "#/admin", text: T.admin, show: can("administer") },
  ];
  return items.filter((i) => i.show);
}
