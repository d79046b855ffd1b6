// The next lifecycle steps of one SDR as forms (docs/sdr.md, core/sdr.cc check_sdr_action):
// draft → submit | close (withdraw); submitted → answer; answered → close, and reconsider (first
// answer) or contest (answer to a reconsideration) after a rejection or a partial credit.
// Each step is POST /api/sdrs/{number}/steps with If-Match: the SDR's ETag.
import { send, type Schemas } from "../lib/api";
import { field, h, select } from "../lib/dom";
import { strings } from "../lib/i18n";
import { sdrActionLabel, sdrResolutionLabel, sdrStatusLabel } from "../lib/labels";
import { cents, date } from "../lib/format";
import { problemBlock } from "../lib/problem_view";
import { refresh } from "../lib/refresh";

type Detail = Schemas["SdrDetail"];
type Step = Schemas["SdrStep"];
type Outcome = Schemas["SdrOutcome"];
export type Action = "submit" | "answer" | "reconsider" | "contest" | "close";

export interface SdrContext {
  sdr: Detail;
  etag: string | null;
  path: string;
  /** The server's today (steps may not be dated later). */
  today: string;
  /** The date of the latest step (steps may not be dated earlier). */
  lastDate: string;
}

const T = strings(
  { next: "Next steps", none: "No further step: the SDR is closed.", waiting: "Waiting for the implementing agency's answer.",
    withdraw: "Withdraw the draft", date: "Date", lateReason: "Why it is submitted after the deadline",
    lateHint: (d: string) => `The deadline was ${d}; a later submission needs a reason.`, resolution: "Resolution",
    credit: "Credit granted (USD)", creditHint: "This answer's credit only, e.g. 2,120,000.00", replyCode: "Reply code (optional)",
    replyHint: "1 to 8 letters or digits", note: "Note (optional)", reason: "Reason", withdrawReason: "Why it is withdrawn",
    done: (action: string, status: string) => `${action}: recorded. The SDR is now ${status}.`, warning: "Warning:",
    sending: "Recording…" },
  { next: "次の処理", none: "これ以上の処理はありません（完了済み）。", waiting: "実施機関の回答待ちです。",
    withdraw: "下書きを取り下げる", date: "日付", lateReason: "期限後に提出する理由",
    lateHint: (d: string) => `提出期限は ${d} でした。期限後の提出には理由が必要です。`, resolution: "処理結果",
    credit: "クレジット額（USD）", creditHint: "この回答によるクレジットのみ（例：2,120,000.00）", replyCode: "回答コード（任意）",
    replyHint: "英数字1〜8文字", note: "備考（任意）", reason: "理由", withdrawReason: "取り下げる理由",
    done: (action: string, status: string) => `${action}：記録しました。SDRの状況は「${status}」になりました。`, warning: "注意：",
    sending: "記録しています…" },
);

// The outcome of the last step, shown once the page is drawn again.
let lastOutcome: { number: string; node: HTMLElement } | null = null;

export function takeOutcome(baseNumber: string): HTMLElement | null {
  if (!lastOutcome || lastOutcome.number !== baseNumber) return null;
  const node = lastOutcome.node;
  lastOutcome = null;
  return node;
}

/** The actions the SDR's status allows (the table of docs/sdr.md). */
export function nextActions(sdr: Detail): Action[] {
  if (sdr.status === "draft") return ["submit", "close"];
  if (sdr.status === "submitted") return ["answer"];
  if (sdr.status !== "answered") return [];
  const stage = sdr.number.endsWith("C") ? "contest" : sdr.number.endsWith("R") ? "reconsideration" : "original";
  const partial = sdr.resolution === "credit" && cents(sdr.credited_usd) < cents(sdr.claimed_usd);
  const unfavourable = sdr.resolution === "rejected" || partial;
  const out: Action[] = [];
  if (unfavourable && stage === "original") out.push("reconsider");
  if (unfavourable && stage === "reconsideration") out.push("contest");
  out.push("close");
  return out;
}

function area(): HTMLTextAreaElement {
  return h("textarea", { rows: "2", maxlength: "4000" });
}

function stepForm(ctx: SdrContext, action: Action): HTMLElement {
  const id = (name: string) => `sdr-${action}-${name}`;
  const title = action === "close" && ctx.sdr.status === "draft" ? T.withdraw : sdrActionLabel(action);
  const dateInput = h("input", { type: "date", required: true, max: ctx.today, min: ctx.lastDate || undefined, value: ctx.today });
  const parts: HTMLElement[] = [field(id("date"), T.date, dateInput)];
  const fields: Record<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> = {};

  if (action === "submit") {
    const late = area();
    const box = field(id("late-reason"), T.lateReason, late, T.lateHint(date(ctx.sdr.deadline)));
    const sync = () => {
      const isLate = dateInput.value > ctx.sdr.deadline;
      box.hidden = !isLate;
      late.required = isLate;
    };
    dateInput.addEventListener("input", sync);
    sync();
    fields.late_reason = late;
    parts.push(box);
  } else if (action === "answer") {
    const resolution = select((["credit", "replacement", "rejected"] as const).map((r): [string, string] => [r, sdrResolutionLabel(r)]), "credit");
    const credit = h("input", { type: "text", inputmode: "decimal", autocomplete: "off", pattern: "[0-9,]+(\\.[0-9]{1,2})?" });
    const creditBox = field(id("credit"), T.credit, credit, T.creditHint);
    const sync = () => {
      creditBox.hidden = resolution.value !== "credit";
      credit.required = resolution.value === "credit";
    };
    resolution.addEventListener("change", sync);
    sync();
    const reply = h("input", { type: "text", maxlength: "8", pattern: "[A-Za-z0-9]{1,8}", autocomplete: "off" });
    const note = area();
    Object.assign(fields, { resolution, credit, reply_code: reply, note });
    parts.push(field(id("resolution"), T.resolution, resolution), creditBox, field(id("reply-code"), T.replyCode, reply, T.replyHint), field(id("note"), T.note, note));
  } else {
    const reason = area();
    reason.required = true;
    fields.reason = reason;
    parts.push(field(id("reason"), action === "close" && ctx.sdr.status === "draft" ? T.withdrawReason : T.reason, reason));
  }

  const button = h("button", { type: "submit", id: id("button") }, title);
  const result = h("div", { class: "outcome", role: "status", "aria-live": "polite" });
  const form = h("form", { class: "sdr-step", id: `sdr-step-${action}`, "aria-labelledby": id("heading") }, ...parts, h("div", { class: "actions" }, button), result);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body: Step = { action, date: dateInput.value };
    for (const [name, input] of Object.entries(fields)) {
      const box = input.closest(".field") as HTMLElement | null;
      const value = input.value.trim();
      if (!value || box?.hidden) continue;
      (body as Record<string, string>)[name] = value;
    }
    button.disabled = true;
    result.replaceChildren(h("p", {}, T.sending));
    try {
      const answer = await send<Outcome>("POST", `${ctx.path}/steps`, JSON.stringify(body), {
        "Content-Type": "application/json",
        ...(ctx.etag ? { "If-Match": ctx.etag } : {}),
      });
      const out = answer.body;
      lastOutcome = {
        number: ctx.sdr.base_number,
        node: h(
          "div",
          { class: "ok", "data-outcome": "ok" },
          h("p", {}, T.done(title, sdrStatusLabel(out.sdr.status))),
          h("p", { class: "hint" }, out.message),
          out.warnings.length > 0 ? h("ul", {}, ...out.warnings.map((w) => h("li", {}, `${T.warning} ${w}`))) : null,
        ),
      };
      if (out.sdr.number !== ctx.sdr.number) {
        // A reconsideration or contest gives the SDR a new suffix: show it under its new number.
        location.hash = `#/sdrs/${encodeURIComponent(out.sdr.number)}`;
      } else {
        refresh();
      }
    } catch (e) {
      result.replaceChildren(problemBlock(e));
      button.disabled = false;
    }
  });
  return h("div", { class: "step" }, h("h3", { id: id("heading") }, title), form);
}

/** The next steps section: a form per step the status allows. */
export function stepForms(ctx: SdrContext): HTMLElement {
  const actions = nextActions(ctx.sdr);
  const note = ctx.sdr.status === "closed" ? T.none : ctx.sdr.status === "submitted" ? T.waiting : null;
  return h("section", { class: "sdr-next", "aria-labelledby": "sdr-next-heading" },
    h("h2", { id: "sdr-next-heading" }, T.next),
    note ? h("p", {}, note) : null,
    ...actions.map((a) => stepForm(ctx, a)));
}
