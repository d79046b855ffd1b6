// How an error from the server is shown: a heading in the user's language from the problem's
// stable code, then the server's located detail (file, line, field) and every error by row.
import { ApiError } from "./api";
import { h } from "./dom";
import { strings } from "./i18n";
import { problemLabel } from "./labels";

const T = strings(
  { notFound: "Not found", notAllowed: "Not allowed", error: "Error", details: "Details" },
  { notFound: "見つかりません", notAllowed: "許可されていません", error: "エラー", details: "詳細" },
);

/** The problem's message in the user's language, then its detail. */
export function problemText(e: unknown): string {
  if (e instanceof ApiError) {
    const headline = problemLabel(e.problem.code ?? "error");
    const detail = e.problem.detail ?? "";
    return detail && detail !== headline ? `${headline} ${detail}` : headline;
  }
  return String(e);
}

/** A block for a form: the message and each row's error as a list item. */
export function problemBlock(e: unknown): HTMLElement {
  if (!(e instanceof ApiError)) return h("div", { class: "problem", role: "alert" }, h("p", {}, String(e)));
  const rows = e.problem.errors ?? [];
  return h(
    "div",
    { class: "problem", role: "alert" },
    h("p", { class: "problem-code", "data-code": e.problem.code ?? "" }, problemLabel(e.problem.code ?? "error")),
    rows.length > 0
      ? h("ul", { class: "problem-errors" }, ...rows.map((r) => h("li", {}, r)))
      : h("p", { class: "problem-detail" }, e.problem.detail ?? ""),
  );
}

/** A whole page for a failed load. */
export function problemPage(e: unknown): HTMLElement {
  const heading = e instanceof ApiError ? (e.status === 404 ? T.notFound : e.status === 403 ? T.notAllowed : `${T.error} ${e.status}`) : T.error;
  return h("section", { class: "problem-page" }, h("h1", {}, heading), problemBlock(e));
}
