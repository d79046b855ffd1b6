// The office's jobs through the UI: the administrator adds a user and grants them a role; the
// auditor verifies the ledger and sees the chain head the API answers; the finance officer
// filters the portfolio, compares its figures with the reports, reads the rates and the budget
// in force; another purchaser finds nothing of ours. Every page is audited in English and
// Japanese, the portfolio also at 390 px.

const clean = (s) => (s ?? "").replace(/[,\s]/g, "").replace(/^USD/, "");

/** Clicks `button` and waits until the page it was on has been replaced and the new one drawn. */
async function submitAndRedraw(t, page, button) {
  const before = await page.locator("main > *").first().elementHandle();
  await button.click();
  await page.waitForFunction((el) => !el.isConnected, before);
  await t.settled(page);
}

async function admin(t) {
  t.step = "office: admin adds a user";
  const page = await t.page("admin");
  await t.go(page, "#/admin/users");
  await t.audit(page, "office-admin-users");
  await page.locator("#new-user").fill("jfy-clerk");
  await page.locator("#new-display").fill("JFY budget clerk");
  await page.locator("#new-password").fill("clerk passphrase of four words");
  await submitAndRedraw(t, page, page.locator("#add-user button[type=submit]"));
  t.check((await page.locator("#admin-outcome").textContent()).includes("User jfy-clerk added"), "adding a user says so");
  t.check((await page.locator("#user-list").textContent()).includes("JFY budget clerk"), "the new user appears in the list of users");
  const panel = page.locator('details[data-user="jfy-clerk"]');
  t.check(await panel.evaluate((d) => d.open), "the new user's panel is open to grant a role");

  t.step = "office: admin grants a role";
  await panel.locator('select[name="role"]').selectOption("viewer");
  await panel.locator('select[name="organisation"]').selectOption("JMOD");
  await submitAndRedraw(t, page, panel.locator('form[id$="-grant"] button[type=submit]'));
  t.check((await page.locator("#admin-outcome").textContent()).includes("jfy-clerk now holds viewer over JMOD"), "granting a role says so");
  const user = await t.api("admin", "/api/users/jfy-clerk");
  t.check(user.display_name === "JFY budget clerk" && user.grants.some((g) => g.role === "viewer" && g.organisation === "JMOD"), "the API has the new user with the viewer grant over JMOD");
  const row = page.locator("#user-list tbody tr", { hasText: "jfy-clerk" });
  t.check((await row.textContent()).includes("viewer · JMOD"), "the list shows the new grant");
  await t.audit(page, "office-admin-users-granted");

  const users = (await t.api("admin", "/api/users")).users.length;
  const ja = await t.page("admin", { lang: "ja" });
  for (const section of ["users", "organisations", "tokens", "audit"]) {
    await t.go(ja, `#/admin/${section}`);
    await t.audit(ja, `office-admin-${section}`);
    await t.go(page, `#/admin/${section}`);
    if (section !== "users") await t.audit(page, `office-admin-${section}`);
  }
  await t.go(page, "#/admin/users");
  t.check((await page.locator("#user-list tbody tr").count()) === users, "the list of users has every user the API lists");
}

async function auditor(t) {
  t.step = "office: auditor verifies";
  await t.api("auditor", "/api/verify"); // sign the API session in first: no sign-in between the two reads
  for (const lang of ["en", "ja"]) {
    const page = await t.page("auditor", { lang });
    await t.go(page, "#/verify");
    await page.locator("#run-verify").click();
    const result = page.locator("#verify-result");
    await result.waitFor();
    t.check((await result.getAttribute("data-verify")) === "ok", `verify answers ok (${lang})`);
    const shown = (await page.locator("#head-hash").textContent()).trim();
    const api = await t.api("auditor", "/api/verify");
    t.check(api.ok === true && shown === api.head_hash, `the chain head shown equals the API's (${lang}: ${shown.slice(0, 12)}…)`);
    await t.audit(page, "office-verify");
  }
}

async function finance(t) {
  t.step = "office: finance portfolio";
  const page = await t.page("finance");
  await t.go(page, "#/cases");
  const exceptions = await t.api("finance", "/api/reports/exceptions");
  for (const g of exceptions.groups) {
    const cell = page.locator(`#exceptions-by-group tbody tr:has([data-group="${g.group}"]) td`).nth(2);
    t.check(clean(await cell.textContent()) === g.usd, `the exceptions table's USD of ${g.group} equals the API's (${g.usd})`);
  }
  const exposure = await t.api("finance", "/api/reports/exposure");
  const years = await page.locator("#payments-by-year tbody tr:not(.total) td:nth-child(2)").allTextContents();
  t.check(years.length === exposure.tables.exposure.length && years.every((v, i) => clean(v) === exposure.tables.exposure[i].usd), "the payments by fiscal year in USD equal the exposure report's");
  // "What is our FX exposure?": year by year, in yen, as the exposure report gives it.
  const exposureCells = await page.locator("#payments-by-year tbody tr:not(.total) td:nth-child(7)").allTextContents();
  const apiExposure = exposure.tables.exposure.map((r) => (r.exposure_jpy === null ? "" : r.exposure_jpy.replace(/[^0-9-]/g, "")));
  t.check(exposureCells.length === apiExposure.length && exposureCells.every((v, i) => v.replace(/[^0-9-]/g, "") === apiExposure[i]),
    `the exchange-rate exposure by fiscal year in yen equals the exposure report's (${apiExposure.join(", ")})`);

  await page.locator("#filter-status").selectOption("implemented");
  await submitAndRedraw(t, page, page.locator("#case-filters button[type=submit]"));
  t.check(page.url().includes("#/cases?status=implemented"), "the status filter is in the address");
  const statuses = await page.locator("#case-list tbody [data-status]").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
  const listed = (await t.api("finance", "/api/cases?status=implemented")).cases;
  t.check(statuses.length > 0 && statuses.every((s) => s === "implemented"), `only implemented cases are listed (${statuses.length})`);
  t.check(statuses.length === listed.length && (await page.locator("#case-count").textContent()) === String(listed.length), `the count equals the API's filtered list (${listed.length})`);
  await t.audit(page, "office-portfolio-implemented");
  for (const [lang, width] of [["ja", 1280], ["en", 390], ["ja", 390]]) {
    const other = await t.page("finance", { lang, width });
    await t.go(other, "#/cases?status=implemented");
    await t.audit(other, "office-portfolio-implemented");
    await other.context().close();
  }

  t.step = "office: finance discrepancies";
  await t.go(page, "#/discrepancies?type=quantity-short");
  const short = (await t.api("finance", "/api/discrepancies?type=quantity-short")).discrepancies;
  const types = await page.locator("#discrepancy-list tbody [data-type]").evaluateAll((els) => els.map((e) => e.getAttribute("data-type")));
  t.check(types.length === short.length && types.every((x) => x === "quantity-short"), `the type filter lists the API's ${short.length} short deliveries`);
  await t.audit(page, "office-discrepancies");

  t.step = "office: finance rates";
  await t.go(page, "#/rates");
  t.check((await page.locator("#current-rate").textContent()).includes("152.80"), "the rates page shows the current rate 152.80");
  await page.locator("#rate-date").fill("2026-11-15");
  await submitAndRedraw(t, page, page.locator("#rate-lookup button[type=submit]"));
  const on = await t.api("finance", "/api/rates/on?pair=USD/JPY&date=2026-11-15");
  t.check((await page.locator("#rate-on").textContent()).includes(on.rate) && page.url().includes("date=2026-11-15"), `the rate on 2026-11-15 is the API's ${on.rate}, at its own address`);
  await t.audit(page, "office-rates");

  t.step = "office: finance budget";
  await t.go(page, "#/budget");
  const book = await t.api("finance", "/api/budgets/in-force");
  t.check((await page.locator("#budget-title").textContent()) === book.document.title, "the budget page shows the title of the budget in force");
  t.check((await page.locator('a[href="#/imports/budget"]').count()) === 1, "finance is offered the budget import");
  await t.audit(page, "office-budget");

  const ja = await t.page("finance", { lang: "ja" });
  for (const hash of ["#/discrepancies?type=quantity-short", "#/rates?pair=USD/JPY&date=2026-11-15", "#/budget"]) {
    await t.go(ja, hash);
    await t.audit(ja, `office-${hash.slice(2).replace(/\?.*/, "")}`);
  }
}

async function dapa(t) {
  t.step = "office: another purchaser";
  for (const lang of ["en", "ja"]) {
    const page = await t.page("dapa", { lang });
    await t.go(page, "#/cases/JA-P-TWK");
    const text = await page.locator("main").textContent();
    t.check(text.includes(lang === "ja" ? "見つかりません" : "Not found") && !text.includes("Tomahawk"), `dapa gets not found for JA-P-TWK and no trace of Tomahawk (${lang})`);
    await t.audit(page, "office-dapa-not-found");
    await t.go(page, "#/cases");
    const portfolio = await page.locator("main").textContent();
    t.check((await page.locator('main a[href^="#/cases/"]').count()) === 0 && (await page.locator("#case-count").textContent()) === "0" && !portfolio.includes("Tomahawk"), `dapa's portfolio lists no case (${lang})`);
    await t.audit(page, "office-dapa-portfolio");
  }
}

export async function run(t) {
  // Each section closes its pages after it: the server allows 32 connections from one address.
  for (const section of [admin, auditor, finance, dapa]) {
    await section(t);
    await t.closePages();
  }
}
