// The case page and its tabs: a finance officer reads what the Tomahawk case costs in JFY2026 in
// USD and yen and the exchange-rate exposure, figure for figure as the API gives them; the
// Japanese view names fiscal years by era; an auditor sees the case as it stood on a date and
// compares two versions; the closure checklist names the first blocker; a case manager's step
// whose evidence is missing is refused, naming what is missing, and the override is offered; a
// viewer is not offered the history.

const tabs = ["overview", "finance", "deliveries", "discrepancies", "sdrs", "history", "closure"];

/** The digits of a figure (and its sign): "USD 1,234.50" and "1234.50" both give "-"? + "123450". */
const digits = (text) => String(text ?? "").replace(/[^0-9-]/g, "");
/** An amount with exactly two decimals, as the page shows USD. */
const usd2 = (amount) => {
  const [whole, fraction = ""] = String(amount).split(".");
  return `${whole}.${fraction.padEnd(2, "0").slice(0, 2)}`;
};
const cents = (amount) => BigInt(digits(usd2(amount)));
/** "145072000.00" → "USD 145,072,000.00", as the page writes dollars. */
const usdText = (amount) => {
  const [whole, fraction] = usd2(amount).split(".");
  return `USD ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
};

async function figure(page, name) {
  return (await page.locator(`[data-figure="${name}"]`).first().textContent()).trim();
}

async function cell(page, row, col) {
  return (await page.locator(`${row} td[data-col="${col}"]`).first().textContent()).trim();
}

async function finance(t) {
  t.step = "case: finance (en)";
  const status = await t.api("finance", "/api/reports/status?case=JA-P-TWK");
  const position = status.cases.find((c) => c.case_id === "JA-P-TWK").position;
  const forecast = await t.api("finance", "/api/reports/forecast?case=JA-P-TWK");
  const exposure = await t.api("finance", "/api/reports/exposure?case=JA-P-TWK");
  const page = await t.page("finance");
  await t.go(page, "#/cases/JA-P-TWK/finance");
  t.check((await page.locator("main h1").textContent()).startsWith("JA-P-TWK: Tomahawk"), "the case page's heading names the case and its title");
  t.check((await page.locator('nav.tabs a[aria-current="page"]').textContent()) === "Finance", "the finance tab is marked as the current one");

  const next = position.next_payment;
  t.check(next !== null, "the API gives Tomahawk a next payment");
  const nextShown = await figure(page, "next-payment-usd");
  t.check(nextShown === usdText(next.usd),
    `the next payment shown (${nextShown}) is the API's (${next.usd})`);
  t.check((await figure(page, "next-payment-due")) === next.due, `its due date is the API's (${next.due})`);
  t.check((await figure(page, "next-payment-basis")).includes("DD 645") === next.basis.includes("DD 645"), `its basis follows the API's (${next.basis})`);
  const cash = await figure(page, "cash-held-usd");
  t.check(cash === usdText(position.cash_held), `cash held shown (${cash}) is the API's (${position.cash_held})`);
  t.check(digits(await figure(page, "billed-to-date-usd")) === digits(usd2(position.billed_to_date)), "billed to date is the API's");
  t.check(digits(await figure(page, "paid-usd")) === digits(usd2(position.paid)), "paid to date is the API's");
  t.check(digits(await figure(page, "paid-jpy")) === String(position.paid_jpy), "yen paid to date is the API's");

  const year = exposure.tables.exposure_by_case.find((r) => r.case === "JA-P-TWK" && r.jfy === "JFY2026");
  const quarters = forecast.tables.forecast.filter((r) => r.case === "JA-P-TWK" && r.jfy === "JFY2026");
  const row = 'tr[data-jfy="2026"]';
  const scheduled = await cell(page, row, "scheduled-usd");
  t.check(digits(scheduled) === digits(usd2(year.usd)), `JFY2026 scheduled USD shown (${scheduled}) is the exposure report's (${year.usd})`);
  const quarterSum = quarters.reduce((a, q) => a + cents(q.usd), 0n);
  t.check(BigInt(digits(scheduled)) === quarterSum, `and the sum of the forecast's JFY2026 quarters (${quarterSum} cents)`);
  t.check(digits(await cell(page, row, "paid-usd")) === digits(usd2(year.usd_paid)), `JFY2026 paid USD is the API's (${year.usd_paid})`);
  t.check(digits(await cell(page, row, "jpy-at-budget")) === digits(year.jpy_at_budget_rate), `JFY2026 yen at the budget rate is the API's (${year.jpy_at_budget_rate})`);
  t.check(digits(await cell(page, row, "jpy-at-current")) === digits(year.jpy_paid_at_current_rate), `JFY2026 yen at the current rate is the API's (${year.jpy_paid_at_current_rate})`);
  t.check(digits(await cell(page, row, "exposure-jpy")) === digits(year.exposure_jpy), `JFY2026 exposure is the API's (${year.exposure_jpy})`);
  const total = exposure.tables.exposure_by_case.filter((r) => r.case === "JA-P-TWK").reduce((a, r) => a + BigInt(r.exposure_jpy), 0n);
  t.check(digits(await figure(page, "exposure-jpy-total")) === String(total), `the exposure over all years is the sum of the API's (${total})`);
  const q3 = page.locator('tr[data-quarter="2026Q3"] td[data-col="scheduled-usd"]');
  const apiQ3 = quarters.find((q) => q.quarter === "Q3");
  t.check(digits(await q3.textContent()) === digits(usd2(apiQ3.usd)), "the JFY2026 Q3 row is the forecast's");
  t.check((await page.locator("main canvas").count()) === 2, "the payments by fiscal year are charted, in USD and in yen at both rates");
  await t.audit(page, "case-finance");

  t.step = "case: finance (ja)";
  // The finance officer switches the page they are on to Japanese.
  const ja = await t.page("finance");
  await t.go(ja, "#/cases/JA-P-TWK/finance");
  await ja.getByRole("button", { name: "表示言語を日本語に切り替える" }).click();
  await ja.locator("nav.tabs a", { hasText: "財務" }).waitFor();
  await t.settled(ja);
  t.check(ja.url().endsWith("#/cases/JA-P-TWK/finance"), "switching the language keeps the page");
  const text = await ja.locator("main").textContent();
  t.check(text.includes("令和7年度（JFY2025）") && text.includes("令和8年度（JFY2026）"), "the Japanese finance tab names the fiscal years 令和7年度（JFY2025） and 令和8年度（JFY2026）");
  const [y, m, d] = next.due.split("-").map(Number);
  t.check((await figure(ja, "next-payment-due")) === `${y}年${m}月${d}日`, "the next payment's due date is written the Japanese way");
  t.check(digits(await figure(ja, "cash-held-usd")) === digits(usd2(position.cash_held)), "cash held is the same figure in Japanese");
  t.check((await ja.locator('tr[data-jfy="2026"] td[data-col="jfy"]').textContent()).startsWith("令和8年度"), "the JFY2026 row is named 令和8年度");
  await t.audit(ja, "case-finance");
}

async function history(t) {
  t.step = "case: history as of a date";
  const asOf = "2025-06-30";
  const then = await t.api("auditor", `/api/cases/JA-P-TWK?as_of=${asOf}`);
  const page = await t.page("auditor");
  await t.go(page, "#/cases/JA-P-TWK/history");
  const events = await t.api("auditor", "/api/cases/JA-P-TWK/history?limit=1000");
  t.check((await page.locator("main code.hash").count()) === events.events.length, `every recorded event is listed with its hash (${events.events.length})`);
  t.check((await page.locator("main code.hash").first().textContent()) === events.events[0].hash, "the first event's hash is the API's, in full");
  await page.getByLabel("Show the case as it stood on").fill(asOf);
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await page.locator(`[data-as-of="${asOf}"]`).waitFor();
  await t.settled(page);
  t.check(page.url().endsWith(`#/cases/JA-P-TWK/history?as_of=${asOf}`), "the date chosen is in the tab's address");
  const section = page.locator(`[data-as-of="${asOf}"]`);
  t.check((await section.locator("h2").textContent()) === `As it stood on ${asOf}`, "the as-of section says which date it shows");
  t.check((await section.locator('[data-figure="as-of-status"]').getAttribute("data-status")) === then.status, `the status then is the API's for ?as_of=${asOf} (${then.status})`);
  t.check((await section.locator('[data-figure="as-of-document"]').textContent()).startsWith(then.document), `so is the document then in force (${then.document})`);
  await t.audit(page, "case-history-as-of");

  t.step = "case: version diff";
  const diff = await t.api("auditor", "/api/cases/JA-P-TWK/diff?from=0&to=2");
  await page.getByLabel("From version").selectOption("0");
  await page.getByLabel("To version").selectOption("2");
  await page.getByRole("button", { name: "Compare" }).click();
  const result = page.locator("#diff-result table");
  await result.waitFor();
  t.check((await result.locator("tbody tr").count()) === diff.lines.length, `the comparison lists every changed line (${diff.lines.length})`);
  const added = diff.lines.find((l) => l.change === "added");
  t.check((await result.locator("tbody tr", { hasText: added.line }).textContent()).includes("added"), `line ${added.line} is shown as added`);
  await t.audit(page, "case-history-diff");

  t.step = "case: history not offered to a viewer";
  const viewer = await t.page("viewer");
  await t.go(viewer, "#/cases/JA-P-TWK/overview");
  t.check((await viewer.locator("nav.tabs a", { hasText: "History" }).count()) === 0, "the viewer is not offered the history tab");
  await t.go(viewer, "#/cases/JA-P-TWK/history");
  t.check((await viewer.locator("main h2").first().textContent()) === "Not allowed", "the history address tells the viewer it is not allowed");
  t.check((await viewer.locator("main code.hash").count()) === 0, "and shows no event");
  await t.audit(viewer, "case-history-viewer");
}

async function closure(t) {
  t.step = "case: closure checklist";
  // "What blocks closure?", answered by the finance officer.
  const report = await t.api("finance", "/api/reports/closure?case=JA-P-SXB");
  const sxb = report.cases.find((c) => c.case_id === "JA-P-SXB");
  const reader = await t.page("finance");
  await t.go(reader, "#/cases/JA-P-SXB/closure");
  t.check((await reader.locator("#transition-to").count()) === 0, "finance is not offered a lifecycle step");
  const page = await t.page("pmo");
  await t.go(page, "#/cases/JA-P-SXB/closure");
  const blocker = await figure(reader, "first-blocker");
  t.check(sxb.first_blocker !== null && blocker.endsWith(`: ${sxb.first_blocker.reason}`) && blocker.startsWith("no open discrepancies"),
    `the first blocker shown (${blocker}) is the API's (${sxb.first_blocker?.item}: ${sxb.first_blocker?.reason})`);
  t.check((await page.locator("main tbody tr").count()) >= sxb.checks.length, "every check is listed");
  t.check((await page.locator('[data-ok="false"]').count()) === sxb.checks.filter((c) => !c.ok).length, "the checks not met are those the API says");
  t.check(digits(await figure(page, "balance-usd")) === digits(usd2(sxb.settlement.balance)) && (await figure(page, "balance-usd")).includes("refund due"),
    "the settlement's balance is the API's, worded as a refund due");
  await t.audit(page, "case-closure");

  t.step = "case: a step with missing evidence";
  await t.go(page, "#/cases/JA-P-TWK/closure");
  await page.getByLabel("New status").selectOption("supply-services-complete");
  await page.getByLabel("Reason", { exact: true }).fill("e2e: try to declare supply complete");
  t.check(await page.locator("#transition-override").isHidden(), "no override is offered before the step is refused");
  await page.getByRole("button", { name: "Record the step" }).click();
  const problem = page.locator("#transition-outcome .problem");
  await problem.waitFor();
  t.check((await problem.textContent()).includes("not every line is delivered"), "the refused step names what is missing");
  t.check(await page.locator("#transition-override").isVisible(), "and the override is then offered");
  const after = await t.api("pmo", "/api/cases/JA-P-TWK");
  t.check(after.status === "implemented", "the refused step changed nothing");
  await t.audit(page, "case-closure-refused");
}

// Every tab is audited in both languages and at 390 px by the pages flow; here, what is the
// case page's own: one h1 on each tab, and an unknown tab.
async function everyTab(t) {
  for (const lang of ["en", "ja"]) {
    const page = await t.page("pmo", { lang });
    for (const tab of tabs) {
      t.step = `case: ${tab} tab (${lang})`;
      await t.go(page, `#/cases/JA-P-TWK/${tab}`);
      t.check((await page.locator("main h1").count()) === 1, `the ${tab} tab has one h1 (${lang})`);
      if (tab === "discrepancies" && lang === "ja") {
        t.check((await page.locator("main").textContent()).includes("SDR（S1 数量不足）を提出する"), "in Japanese, a discrepancy's next action is worded in Japanese before the server's sentence");
      }
    }
    await t.go(page, "#/cases/JA-P-TWK/no-such-tab");
    t.check((await page.locator("main h2").first().textContent()) === (lang === "ja" ? "見つかりません" : "Not found"), `an unknown tab says not found (${lang})`);
  }
  t.step = "case: another purchaser's case";
  const dapa = await t.page("dapa");
  await t.go(dapa, "#/cases/JA-P-TWK/history");
  const text = await dapa.locator("main").textContent();
  t.check(/Not found/.test(text) && !text.includes("Tomahawk") && (await dapa.locator("nav.tabs").count()) === 0, "another purchaser gets the API's not found, and no tab");
}

export async function run(t) {
  await finance(t);
  await history(t);
  await closure(t);
  await everyTab(t);
}
