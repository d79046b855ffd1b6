// Download buttons for a report: CSV and Excel (.xlsx) as the server offers them (it negotiates
// by Accept), and the forecast/exposure/envelope workbook, worded in the user's language
// (?lang=: headings, codes and fiscal years). Shared by the reports and SDR pages.
import { csvType, download, xlsxType } from "../lib/api";
import { h } from "../lib/dom";
import { lang, strings } from "../lib/i18n";
import { problemBlock } from "../lib/problem_view";

const T = strings(
  { label: "Download", csv: "CSV", xlsx: "Excel (.xlsx)", workbook: "Forecast, exposure and envelope workbook (.xlsx)",
    busy: (f: string) => `Preparing ${f}…`, done: (f: string) => `Downloaded ${f}.` },
  { label: "ダウンロード", csv: "CSV", xlsx: "Excel（.xlsx）", workbook: "支払見通し・為替影響・計画枠のブック（.xlsx）",
    busy: (f: string) => `${f} を準備しています…`, done: (f: string) => `${f} をダウンロードしました。` },
);

export interface DownloadOffer {
  /** The API path without its query, e.g. "/api/reports/forecast". */
  path: string;
  /** The file name without extension, e.g. "forecast". */
  name: string;
  csv: boolean;
  xlsx: boolean;
  /** Also offer GET /api/reports/workbook. */
  workbook?: boolean;
}

/** The file name of a download: `forecast.csv`, or `forecast-2026-03-31.csv` for a report as of a date. */
export function downloadName(name: string, ext: string, asOf?: string): string {
  return `${name}${asOf ? `-${asOf}` : ""}.${ext}`;
}

/** A row of download buttons; `params` go into the query (as_of, case...), empty ones left out. */
export function downloadButtons(offer: DownloadOffer, params: Record<string, string | undefined> = {}): HTMLElement {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  q.set("lang", lang());
  const suffix = `?${q.toString()}`;
  const asOf = params.as_of;
  const outcome = h("div", { class: "outcome", role: "status", "aria-live": "polite" });
  const buttons: HTMLButtonElement[] = [];
  const add = (text: string, path: string, type: string, filename: string, id: string) => {
    const button = h("button", { type: "button", id, "data-download": filename }, text);
    button.addEventListener("click", async () => {
      for (const b of buttons) b.disabled = true;
      outcome.replaceChildren(h("p", {}, T.busy(filename)));
      try {
        await download(path, type, filename);
        outcome.replaceChildren(h("p", {}, T.done(filename)));
      } catch (e) {
        outcome.replaceChildren(problemBlock(e));
      } finally {
        for (const b of buttons) b.disabled = false;
      }
    });
    buttons.push(button);
  };
  if (offer.csv) add(T.csv, `${offer.path}${suffix}`, csvType, downloadName(offer.name, "csv", asOf), `download-${offer.name}-csv`);
  if (offer.xlsx) add(T.xlsx, `${offer.path}${suffix}`, xlsxType, downloadName(offer.name, "xlsx", asOf), `download-${offer.name}-xlsx`);
  if (offer.workbook) {
    const wq = new URLSearchParams({ lang: lang() });
    if (asOf) wq.set("as_of", asOf);
    add(T.workbook, `/api/reports/workbook?${wq.toString()}`, xlsxType, downloadName("workbook", "xlsx", asOf), "download-workbook");
  }
  return h("div", { class: "downloads", role: "group", "aria-label": T.label }, h("div", { class: "actions" }, ...buttons), outcome);
}
