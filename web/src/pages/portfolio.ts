import { listCases, type CaseSummary } from "../api";
import { caseLink, formatMoney, h, table } from "../dom";

export async function renderPortfolio(): Promise<HTMLElement> {
  const cases = await listCases();
  return h(
    "section",
    {},
    h("h1", {}, "Portfolio"),
    h("p", {}, cases.length === 1 ? "1 case." : `${cases.length} cases.`),
    table<CaseSummary>(
      "Cases",
      [
        { header: "Case", cell: (c) => caseLink(c.case_id) },
        { header: "Title", cell: (c) => c.title },
        { header: "Status", cell: (c) => `${c.status} (${c.status_date})` },
        { header: "Latest document", cell: (c) => c.latest_document },
        { header: "Value", cell: (c) => formatMoney(c.value, c.currency), numeric: true },
      ],
      cases,
      "no cases are visible to you",
    ),
  );
}
