import { ApiError, signIn, type SessionInfo } from "../api";
import { h } from "../dom";

export function renderSignIn(onSignedIn: (s: SessionInfo) => void): HTMLElement {
  const user = h("input", { id: "user", name: "user", type: "text", autocomplete: "username", required: true });
  const password = h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const button = h("button", { type: "submit" }, "Sign in");
  const message = h("p", { id: "sign-in-error", class: "error", role: "alert", "aria-live": "assertive" });
  const form = h(
    "form",
    { class: "sign-in", "aria-describedby": "sign-in-error" },
    h("div", { class: "field" }, h("label", { for: "user" }, "User name"), user),
    h("div", { class: "field" }, h("label", { for: "password" }, "Password"), password),
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
      onSignedIn(session);
    } catch (e) {
      message.textContent = e instanceof ApiError ? (e.problem.detail ?? e.message) : `Sign-in failed: ${String(e)}`;
      password.select();
    } finally {
      button.disabled = false;
    }
  });
  queueMicrotask(() => user.focus());
  return h("section", {}, h("h1", {}, "Sign in"), form);
}
