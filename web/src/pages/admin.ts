// Administration (#/admin/users|organisations|tokens|audit): users and their grants, passwords,
// tokens and state; organisations; the administrator's own API tokens; the audit stream.
// After each action the page is drawn again and the outcome is shown once at its top.
import { allPages, getJson, postJson, send, type Schemas } from "../lib/api";
import { field, h, select, table, tabs, type Child } from "../lib/dom";
import { instant, count } from "../lib/format";
import { strings } from "../lib/i18n";
import { roleLabel } from "../lib/labels";
import { problemBlock } from "../lib/problem_view";
import { refresh } from "../lib/refresh";
import { can } from "../lib/session";

const T = strings(
  {
    title: "Administration", sections: "Administration sections", users: "Users", organisations: "Organisations", tokens: "My API tokens",
    audit: "Audit log", notAllowed: "Not allowed", notAllowedText: "Only an administrator may manage users, organisations and tokens.",
    noSection: "There is no such section.", user: "User name", display: "Display name", state: "State", active: "active", disabled: "disabled",
    grants: "Grants", tokenCount: "Active tokens", none: "none", everyOrg: "* (every organisation)",
    addUser: "Add a user", password: "Password", passwordHint: "At least 12 characters; a passphrase of a few words is best.", add: "Add the user",
    added: (u: string) => `User ${u} added. Grant them a role below.`, manage: "Manage each user",
    grant: "Grant a role", role: "Role", organisation: "Organisation", grantSubmit: "Grant",
    granted: (u: string, r: string, o: string) => `${u} now holds ${r} over ${o}.`, revoke: "Revoke",
    revoked: (u: string, r: string, o: string) => `${u} no longer holds ${r} over ${o}.`,
    disableTitle: "Disable or enable", reason: "Reason", disable: "Disable the user", enable: "Enable the user",
    disabledMsg: (u: string) => `User ${u} is disabled; their sessions have ended.`, enabledMsg: (u: string) => `User ${u} is enabled.`,
    setPassword: "Set the password", newPassword: "New password", setSubmit: "Set the password",
    passwordSet: (u: string, n: string) => `Password of ${u} set; ${n} sessions ended.`,
    userTokens: "API tokens", tokensOf: (u: string) => `Tokens of ${u}`, label: "Label", expires: "Expires on", expiresHint: "Empty: never. The token expires at 00:00 UTC that day.",
    issue: "Issue a token", issued: "Issued", expiresCol: "Expires", never: "never", revokedState: "revoked", id: "Id",
    secret: (id: string) => `Token ${id} issued. Copy it now: it is shown only this once and stored hashed.`,
    tokenRevoked: (id: string) => `Token ${id} revoked.`, actions: "Actions",
    orgList: "Organisations", customers: "Customer codes", orgForm: "Record or restate an organisation",
    orgHint: "Codes separated by spaces or commas, e.g. JA. An existing id restates that organisation.", orgSubmit: "Record",
    orgSaved: (id: string) => `Organisation ${id} recorded.`, myTokens: "My API tokens", newToken: "Issue a token for myself",
    when: "Recorded at", event: "Event", who: "User", detail: "Details", older: "Show older events",
    auditIntro: (n: string) => `${n} audit events, newest first.`,
    kinds: (k: string) => ({ "audit.login": "signed in", "audit.logout": "signed out", "audit.login_failed": "sign-in failed",
      "audit.logins_failed": "failed sign-ins", "audit.denied": "refused", "audit.exported": "report exported" })[k] ?? k,
    via: (via: string, from: string) => `with ${({ password: "password", token: "API token" })[via] ?? via}, from ${from}`, failedFrom: (reason: string, from: string) => `${reason}, from ${from}`,
    failures: (n: string, from: string, a: string, b: string, users: string) => `${n} failures from ${from} between ${a} and ${b}; names tried: ${users}`,
    deniedWhy: (m: string, p: string, why: string) => `${m} ${p} (${why})`, exported: (what: string, fmt: string, c: string) => `${what} as ${fmt}${c ? `, case ${c}` : ""}`,
    why: (r: string) => ({ role: "role", organisation: "organisation", csrf: "missing CSRF token" })[r] ?? r,
  },
  {
    title: "管理", sections: "管理の区分", users: "ユーザー", organisations: "組織", tokens: "自分のAPIトークン",
    audit: "監査ログ", notAllowed: "許可されていません", notAllowedText: "ユーザー・組織・トークンを管理できるのはシステム管理者のみです。",
    noSection: "その区分はありません。", user: "ユーザー名", display: "表示名", state: "状態", active: "有効", disabled: "無効",
    grants: "権限", tokenCount: "有効なトークン", none: "なし", everyOrg: "*（全組織）",
    addUser: "ユーザーの追加", password: "パスワード", passwordHint: "12文字以上。数語からなるパスフレーズを推奨します。", add: "ユーザーを追加",
    added: (u: string) => `ユーザー ${u} を追加しました。下で役割を付与してください。`, manage: "ユーザーごとの管理",
    grant: "役割の付与", role: "役割", organisation: "組織", grantSubmit: "付与",
    granted: (u: string, r: string, o: string) => `${u} に ${o} に対する${r}の役割を付与しました。`, revoke: "取消し",
    revoked: (u: string, r: string, o: string) => `${u} の ${o} に対する${r}の役割を取り消しました。`,
    disableTitle: "無効化・有効化", reason: "理由", disable: "ユーザーを無効化", enable: "ユーザーを有効化",
    disabledMsg: (u: string) => `ユーザー ${u} を無効化し、セッションを終了しました。`, enabledMsg: (u: string) => `ユーザー ${u} を有効化しました。`,
    setPassword: "パスワードの設定", newPassword: "新しいパスワード", setSubmit: "パスワードを設定",
    passwordSet: (u: string, n: string) => `${u} のパスワードを設定しました。終了したセッション：${n}件。`,
    userTokens: "APIトークン", tokensOf: (u: string) => `${u} のトークン`, label: "ラベル", expires: "有効期限", expiresHint: "空欄のときは無期限。その日の 0:00（UTC）に失効します。",
    issue: "トークンを発行", issued: "発行日時", expiresCol: "有効期限", never: "無期限", revokedState: "取消済", id: "ID",
    secret: (id: string) => `トークン ${id} を発行しました。今すぐ控えてください。表示はこの一度限りで、ハッシュのみ保存されます。`,
    tokenRevoked: (id: string) => `トークン ${id} を取り消しました。`, actions: "操作",
    orgList: "組織一覧", customers: "顧客コード", orgForm: "組織の登録・再登録",
    orgHint: "空白またはカンマ区切り（例：JA）。既存のIDを指定するとその組織を再登録します。", orgSubmit: "登録",
    orgSaved: (id: string) => `組織 ${id} を登録しました。`, myTokens: "自分のAPIトークン", newToken: "自分用のトークンを発行",
    when: "記録日時", event: "事象", who: "ユーザー", detail: "詳細", older: "さらに古い事象を表示",
    auditIntro: (n: string) => `監査事象 ${n} 件（新しい順）。`,
    kinds: (k: string) => ({ "audit.login": "サインイン", "audit.logout": "サインアウト", "audit.login_failed": "サインイン失敗",
      "audit.logins_failed": "サインイン失敗（集計）", "audit.denied": "拒否", "audit.exported": "報告書の出力" })[k] ?? k,
    via: (via: string, from: string) => `${({ password: "パスワード", token: "APIトークン" })[via] ?? via}による、接続元 ${from}`, failedFrom: (reason: string, from: string) => `${reason}、接続元 ${from}`,
    failures: (n: string, from: string, a: string, b: string, users: string) => `${from} から ${a}～${b} に ${n} 回失敗。試行された名前：${users}`,
    deniedWhy: (m: string, p: string, why: string) => `${m} ${p}（${why}）`, exported: (what: string, fmt: string, c: string) => `${what}（${fmt}）${c ? `、ケース ${c}` : ""}`,
    why: (r: string) => ({ role: "役割", organisation: "組織", csrf: "CSRFトークンなし" })[r] ?? r,
  },
);

type User = Schemas["User"];
type Token = Schemas["Token"];
type Organisation = Schemas["Organisation"];
const roles = ["viewer", "case-manager", "finance", "auditor", "admin"] as const;

// The outcome of the last action, shown once on the page drawn after it; the users whose
// panels stay open across that redraw.
let flash: { ok: boolean; body: Child[] } | null = null;
const openUsers = new Set<string>();
let auditShown = 200;

function flashBlock(): HTMLElement {
  const region = h("div", { id: "admin-outcome", role: "status", "aria-live": "polite", tabindex: "-1" });
  if (flash) {
    region.append(h("div", { class: flash.ok ? "ok" : "problem" }, ...flash.body));
    flash = null;
    const focus = (tries: number) => setTimeout(() => (region.isConnected ? region.focus() : tries > 0 && focus(tries - 1)), 0);
    focus(20);
  }
  return region;
}

const orgText = (o: string) => (o === "*" ? T.everyOrg : o);
const grantText = (g: { role: string; organisation: string }) => `${roleLabel(g.role)} · ${orgText(g.organisation)}`;
const path = (user: string, rest = "") => `/api/users/${encodeURIComponent(user)}${rest}`;

/** A form that runs `action` on submit: success shows its message after a redraw, failure under the form. */
function actionForm(id: string, fields: HTMLElement[], submit: string, action: () => Promise<Child[]>, keepOpen?: string): HTMLFormElement {
  const outcome = h("div", { class: "outcome", role: "status", "aria-live": "polite" });
  const button = h("button", { type: "submit" }, submit);
  const form = h("form", { id, class: "admin-form" }, ...fields, h("div", { class: "actions" }, button), outcome);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await run(button, outcome, action, keepOpen);
  });
  return form;
}

async function run(button: HTMLButtonElement, outcome: HTMLElement, action: () => Promise<Child[]>, keepOpen?: string): Promise<void> {
  button.disabled = true;
  outcome.replaceChildren();
  try {
    flash = { ok: true, body: await action() };
    if (keepOpen) openUsers.add(keepOpen);
    refresh();
  } catch (e) {
    outcome.replaceChildren(problemBlock(e));
    button.disabled = false;
  }
}

function actionButton(text: string, action: () => Promise<Child[]>, keepOpen?: string): HTMLElement {
  const outcome = h("span", { class: "outcome", role: "status", "aria-live": "polite" });
  const button = h("button", { type: "button" }, text);
  button.addEventListener("click", () => void run(button, outcome, action, keepOpen));
  return h("span", {}, button, outcome);
}

function secretBlock(issued: Schemas["IssuedToken"]): Child[] {
  return [h("p", {}, h("strong", {}, T.secret(issued.token_id))), h("p", {}, h("code", { class: "hash", id: "issued-token" }, issued.token))];
}

function tokenForm(id: string, url: string, submit: string, keepOpen?: string): HTMLFormElement {
  const label = h("input", { type: "text", required: true, autocomplete: "off" });
  const expires = h("input", { type: "date" });
  return actionForm(id, [field(`${id}-label`, T.label, label), field(`${id}-expires`, T.expires, expires, T.expiresHint)], submit, async () => {
    const issued = await postJson<Schemas["IssuedToken"]>(url, { label: label.value.trim(), expires_at: expires.value ? `${expires.value}T00:00:00Z` : null });
    return secretBlock(issued);
  }, keepOpen);
}

function tokenTable(caption: string, tokens: Token[], revokeUrl: (t: Token) => string, keepOpen?: string): HTMLElement {
  return table<Token>(caption, [
    { header: T.id, cell: (t) => h("code", {}, t.token_id) },
    { header: T.label, cell: (t) => t.label },
    { header: T.issued, cell: (t) => instant(t.issued_at) },
    { header: T.expiresCol, cell: (t) => (t.expires_at ? instant(t.expires_at) : T.never) },
    { header: T.state, cell: (t) => (t.revoked ? T.revokedState : T.active) },
    { header: T.actions, cell: (t) => (t.revoked ? "" : actionButton(`${T.revoke} ${t.token_id}`, async () => {
      await send("DELETE", revokeUrl(t));
      return [T.tokenRevoked(t.token_id)];
    }, keepOpen)) },
  ], tokens, T.none);
}

function userPanel(u: User, i: number, orgs: Organisation[]): HTMLElement {
  const p = `u${i}`;
  const role = select(roles.map((r): [string, string] => [r, roleLabel(r)]));
  role.name = "role";
  const org = select([...orgs.map((o): [string, string] => [o.id, `${o.id} — ${o.name}`]), ["*", T.everyOrg]]);
  org.name = "organisation";
  const reason = h("input", { type: "text", required: true });
  const password = h("input", { type: "password", required: true, minlength: "12", autocomplete: "new-password" });
  return h(
    "details",
    { class: "user-panel", "data-user": u.user, open: openUsers.has(u.user) },
    h("summary", {}, `${u.user} — ${u.display_name}${u.disabled ? ` (${T.disabled})` : ""}`),
    h("h3", {}, T.grants),
    u.grants.length === 0
      ? h("p", {}, T.none)
      : h("ul", { class: "grants" }, ...u.grants.map((g) => h("li", {}, grantText(g), " ", actionButton(`${T.revoke}: ${grantText(g)}`, async () => {
          await postJson(path(u.user, "/grants/revoke"), { role: g.role, organisation: g.organisation });
          return [T.revoked(u.user, roleLabel(g.role), orgText(g.organisation))];
        }, u.user)))),
    h("h3", {}, T.grant),
    actionForm(`${p}-grant`, [field(`${p}-role`, T.role, role), field(`${p}-org`, T.organisation, org)], T.grantSubmit, async () => {
      await postJson(path(u.user, "/grants"), { role: role.value, organisation: org.value });
      return [T.granted(u.user, roleLabel(role.value), orgText(org.value))];
    }, u.user),
    h("h3", {}, T.disableTitle),
    actionForm(`${p}-state`, [field(`${p}-reason`, T.reason, reason)], u.disabled ? T.enable : T.disable, async () => {
      await postJson(path(u.user, u.disabled ? "/enable" : "/disable"), { reason: reason.value.trim() });
      return [u.disabled ? T.enabledMsg(u.user) : T.disabledMsg(u.user)];
    }, u.user),
    h("h3", {}, T.setPassword),
    actionForm(`${p}-password`, [field(`${p}-new-password`, T.newPassword, password, T.passwordHint)], T.setSubmit, async () => {
      const done = await postJson<Schemas["PasswordChanged"]>(path(u.user, "/password"), { password: password.value });
      return [T.passwordSet(u.user, count(done.sessions_ended))];
    }, u.user),
    h("h3", {}, T.userTokens),
    tokenTable(T.tokensOf(u.user), u.tokens, (t) => path(u.user, `/tokens/${encodeURIComponent(t.token_id)}`), u.user),
    tokenForm(`${p}-token`, path(u.user, "/tokens"), T.issue, u.user),
  );
}

async function usersSection(): Promise<HTMLElement[]> {
  const [users, orgs] = await Promise.all([
    getJson<Schemas["UserList"]>("/api/users").then((b) => b.users),
    getJson<Schemas["OrganisationList"]>("/api/organisations").then((b) => b.organisations),
  ]);
  const name = h("input", { type: "text", required: true, autocomplete: "off" });
  const display = h("input", { type: "text", required: true, autocomplete: "off" });
  const password = h("input", { type: "password", required: true, minlength: "12", autocomplete: "new-password" });
  const list = table<User>(T.users, [
    { header: T.user, cell: (u) => u.user },
    { header: T.display, cell: (u) => u.display_name },
    { header: T.state, cell: (u) => (u.disabled ? h("span", { class: "badge bad" }, T.disabled) : h("span", { class: "badge good" }, T.active)) },
    { header: T.grants, cell: (u) => (u.grants.length === 0 ? T.none : h("span", {}, ...u.grants.flatMap((g, i) => (i === 0 ? [grantText(g)] : [h("br"), grantText(g)])))) },
    { header: T.tokenCount, cell: (u) => count(u.tokens.filter((t) => !t.revoked).length), numeric: true },
  ], users, T.none);
  list.id = "user-list";
  return [
    h("h2", {}, T.users),
    list,
    h("h2", {}, T.addUser),
    actionForm("add-user", [field("new-user", T.user, name), field("new-display", T.display, display), field("new-password", T.password, password, T.passwordHint)], T.add, async () => {
      const made = await postJson<User>("/api/users", { user: name.value.trim(), display_name: display.value.trim(), password: password.value });
      openUsers.add(made.user);
      return [T.added(made.user)];
    }),
    h("h2", {}, T.manage),
    ...users.map((u, i) => userPanel(u, i, orgs)),
  ];
}

async function organisationsSection(): Promise<HTMLElement[]> {
  const orgs = (await getJson<Schemas["OrganisationList"]>("/api/organisations")).organisations;
  const id = h("input", { type: "text", required: true, autocomplete: "off" });
  const name = h("input", { type: "text", required: true, autocomplete: "off" });
  const customers = h("input", { type: "text", required: true, autocomplete: "off" });
  const list = table<Organisation>(T.orgList, [
    { header: T.id, cell: (o) => o.id },
    { header: T.display, cell: (o) => o.name },
    { header: T.customers, cell: (o) => o.customers.join(", ") },
  ], orgs, T.none);
  list.id = "organisation-list";
  return [
    h("h2", {}, T.orgList),
    list,
    h("h2", {}, T.orgForm),
    actionForm("organisation-form", [field("org-id", T.id, id), field("org-name", T.display, name), field("org-customers", T.customers, customers, T.orgHint)], T.orgSubmit, async () => {
      const saved = await postJson<Organisation>("/api/organisations", { id: id.value.trim(), name: name.value.trim(), customers: customers.value.split(/[\s,]+/).filter(Boolean) });
      return [T.orgSaved(saved.id)];
    }),
  ];
}

async function tokensSection(): Promise<HTMLElement[]> {
  const tokens = (await getJson<Schemas["TokenList"]>("/api/tokens")).tokens;
  return [
    h("h2", {}, T.myTokens),
    tokenTable(T.myTokens, tokens, (t) => `/api/tokens/${encodeURIComponent(t.token_id)}`),
    h("h2", {}, T.newToken),
    tokenForm("my-token", "/api/tokens", T.issue),
  ];
}

type Event = Schemas["Event"];
function auditDetail(e: Event): string {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const s = (k: string) => (typeof p[k] === "string" || typeof p[k] === "number" ? String(p[k]) : "");
  switch (e.type) {
    case "audit.login": return T.via(s("via"), s("remote"));
    case "audit.login_failed": return T.failedFrom(s("reason"), s("remote"));
    case "audit.logins_failed": return T.failures(s("failures"), s("remote"), instant(s("from")), instant(s("to")), Array.isArray(p.users) ? p.users.join(", ") : "");
    case "audit.denied": return T.deniedWhy(s("method"), s("path"), T.why(s("reason")));
    case "audit.exported": return T.exported(s("what"), s("format"), s("case"));
    default: return "";
  }
}

async function auditSection(): Promise<HTMLElement[]> {
  const events = (await allPages<Event>("/api/audit", "events")).reverse();
  const box = h("div", { id: "audit-list" });
  const more = h("button", { type: "button" }, T.older);
  const draw = () => {
    const shown = events.slice(0, auditShown);
    box.replaceChildren(table<Event>(T.audit, [
      { header: T.when, cell: (e) => instant(e.recorded_at) },
      { header: T.event, cell: (e) => h("span", { "data-type": e.type }, T.kinds(e.type)) },
      { header: T.who, cell: (e) => { const u = (e.payload as Record<string, unknown> | null)?.user; return typeof u === "string" ? u : e.actor; } },
      { header: T.detail, cell: (e) => auditDetail(e) },
    ], shown, T.none, (e) => (e.type === "audit.denied" || e.type.startsWith("audit.login") && e.type !== "audit.login" ? "overdue" : undefined)));
    more.hidden = events.length <= auditShown;
  };
  more.addEventListener("click", () => { auditShown += 200; draw(); });
  draw();
  return [h("h2", {}, T.audit), h("p", {}, T.auditIntro(count(events.length))), box, h("div", { class: "actions" }, more)];
}

export async function renderAdmin(section: string): Promise<HTMLElement> {
  if (!can("administer")) return h("section", {}, h("h1", {}, T.title), h("h2", {}, T.notAllowed), h("p", { class: "note" }, T.notAllowedText));
  const sections: [string, string, () => Promise<HTMLElement[]>][] = [
    ["users", T.users, usersSection], ["organisations", T.organisations, organisationsSection],
    ["tokens", T.tokens, tokensSection], ["audit", T.audit, auditSection],
  ];
  const chosen = sections.find(([key]) => key === section);
  const body = chosen ? await chosen[2]() : [h("p", {}, T.noSection)];
  return h(
    "section",
    { class: "admin" },
    h("h1", {}, chosen ? `${T.title}: ${chosen[1]}` : T.title),
    tabs(T.sections, sections.map(([key, text]) => ({ href: `#/admin/${key}`, text, current: key === section }))),
    flashBlock(),
    ...body,
  );
}
