// Every page, as the role that sees it, in English and Japanese, at desktop and phone width:
// axe-core finds nothing, no page scrolls sideways at 390 px, and each is photographed. Also
// the frame itself: sign-in errors in both languages, the language chosen from the browser
// and remembered, the navigation each role is offered, and another purchaser kept out.

const caseTabs = ["overview", "finance", "deliveries", "discrepancies", "sdrs", "history", "closure"];
const reports = ["status", "closure", "exceptions", "forecast", "exposure", "envelope", "discrepancies"];

// (user, address) for every page; the SDR page itself is audited by the flow that raises one.
export const everyPage = [
  ["pmo", "#/attention"],
  ["pmo", "#/cases"],
  ...caseTabs.map((tab) => ["pmo", `#/cases/JA-P-TWK/${tab}`]),
  ["pmo", "#/sdrs"],
  ["pmo", "#/discrepancies"],
  ...reports.map((r) => ["finance", `#/reports/${r}`]),
  ...["loa", "delivery-listings", "receipts"].map((k) => ["pmo", `#/imports/${k}`]),
  ...["bills", "payments", "rates", "budget"].map((k) => ["finance", `#/imports/${k}`]),
  ["finance", "#/budget"],
  ["finance", "#/rates"],
  ["auditor", "#/verify"],
  ["admin", "#/attention"],
  ...["users", "organisations", "tokens", "audit"].map((s) => ["admin", `#/admin/${s}`]),
];

async function signInForm(t, lang) {
  const page = await t.page(null, { lang });
  await page.locator("#user").fill("pmo");
  await page.locator("#password").fill("not-the-password");
  await page.locator("form.sign-in button[type=submit]").click();
  const error = page.locator("#sign-in-error");
  await error.filter({ hasText: /./ }).waitFor();
  return { page, text: await error.textContent() };
}

async function frame(t) {
  t.step = "pages: sign-in";
  const en = await signInForm(t, "en");
  t.check(en.text.includes("The user name or the password is wrong"), "a wrong password is worded in English from the problem's code");
  await t.audit(en.page, "sign-in");
  const ja = await signInForm(t, "ja");
  t.check(ja.text.includes("ユーザー名またはパスワードが違う"), "a wrong password is worded in Japanese from the problem's code");
  await t.audit(ja.page, "sign-in");

  t.step = "pages: language";
  // No saved choice: the browser's language decides.
  const context = await t.browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  t.contexts.push(context);
  const fresh = await context.newPage();
  await fresh.goto(`${t.base}#/sign-in`);
  await t.settled(fresh);
  t.check((await fresh.evaluate(() => document.documentElement.lang)) === "ja", "a Japanese browser gets the Japanese UI");
  t.check((await fresh.locator("main h1").textContent()) === "サインイン", "the sign-in heading is in Japanese");
  await fresh.getByRole("button", { name: "Switch the language to English" }).click();
  await fresh.locator("main h1", { hasText: "Sign in" }).waitFor();
  await fresh.reload();
  await t.settled(fresh);
  t.check((await fresh.locator("main h1").textContent()) === "Sign in", "the chosen language is remembered after a reload");

  await t.closePages();
  t.step = "pages: roles";
  const navOf = async (user) => {
    const page = await t.page(user);
    const items = (await page.locator("header nav a").allTextContents()).join("|");
    await page.context().close(); // the server takes 32 connections from one address
    return items;
  };
  const pmoNav = await navOf("pmo");
  t.check(pmoNav.includes("Imports") && !pmoNav.includes("Administration") && !pmoNav.includes("Verify"), `pmo is offered imports, not administration or verify (${pmoNav})`);
  const financeNav = await navOf("finance");
  t.check(financeNav.includes("Imports") && !financeNav.includes("Verify"), `finance is offered imports, not verify (${financeNav})`);
  const auditorNav = await navOf("auditor");
  t.check(auditorNav.includes("Verify") && !auditorNav.includes("Imports"), `the auditor is offered verify, not imports (${auditorNav})`);
  const adminNav = await navOf("admin");
  t.check(adminNav.includes("Administration") && !adminNav.includes("Portfolio"), `the administrator is offered administration, not the portfolio (${adminNav})`);
  const viewerNav = await navOf("viewer");
  t.check(!viewerNav.includes("Imports") && viewerNav.includes("Portfolio"), `the viewer reads but imports nothing (${viewerNav})`);

  t.step = "pages: another purchaser";
  const dapa = await t.page("dapa");
  await t.go(dapa, "#/cases/JA-P-TWK");
  const text = await dapa.locator("main").textContent();
  t.check(/Not found/.test(text) && !text.includes("Tomahawk"), "dapa reaches no Japanese case by its address, and learns nothing of it");
  await t.go(dapa, "#/cases/JA-P-TWK/finance");
  t.check(!(await dapa.locator("main").textContent()).includes("Tomahawk"), "nor through one of its tabs");
  await t.audit(dapa, "not-found");
}

export async function run(t) {
  await frame(t);
  for (const lang of ["en", "ja"]) {
    for (const width of [1280, 390]) {
      const pages = new Map();
      for (const [user, hash] of everyPage) {
        t.step = `pages: ${user} ${hash} (${lang}, ${width} px)`;
        if (!pages.has(user)) pages.set(user, await t.page(user, { lang, width }));
        const page = pages.get(user);
        await t.go(page, hash);
        await t.audit(page, `${user}-${hash.replace(/^#\//, "").replace(/\//g, "-")}`);
      }
      await t.closePages();
    }
  }
}
