import { signIn, type SessionInfo } from "../lib/api";
import { h } from "../lib/dom";
import { strings } from "../lib/i18n";
import { problemText } from "../lib/problem_view";

const T = strings(
  { title: "Sign in", user: "User name", password: "Password", submit: "Sign in" },
  { title: "サインイン", user: "ユーザー名", password: "パスワード", submit: "サインイン" },
);

export function renderSignIn(onSignedIn: (s: SessionInfo) => void | Promise<void>): HTMLElement {
  const user = h("input", { id: "user", name: "user", type: "text", autocomplete: "username", required: true });
  const password = h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const button = h("button", { type: "submit" }, T.submit);
  const message = h("p", { id: "sign-in-error", class: "error", role: "alert", "aria-live": "assertive" });
  const form = h(
    "form",
    { class: "sign-in", "aria-describedby": "sign-in-error" },
    h("div", { class: "field" }, h("label", { for: "user" }, T.user), user),
    h("div", { class: "field" }, h("label", { for: "password" }, T.password), password),
    button,
    message,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.textContent = "";
    button.disabled = true;
    try {
      const session = await signIn(user.value.trim(), password.value);
      password.value = "";
      await onSignedIn(session);
    } catch (e) {
      message.textContent = problemText(e);
      password.select();
    } finally {
      button.disabled = false;
    }
  });
  queueMicrotask(() => user.focus());
  return h("section", {}, h("h1", {}, T.title), form);
}
