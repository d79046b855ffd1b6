// The case manager's round through the UI: a receipts file refused for one bad row (nothing
// recorded), corrected and recorded, reconciled; the new discrepancy found on Needs attention,
// an SDR raised on it from the case's discrepancies tab and taken through submit → answer
// (credit) → close on the SDR page. Then finance downloads the forecast as CSV and .xlsx.
// Every page visited is audited in English and Japanese.

import { readFileSync } from "node:fs";

const header = "receipt_id,document_number,case_id,line,received_date,quantity_received,quantity_accepted,quantity_rejected,condition,inspector";
// PJAZTWK5259001 (12 rounds on line 001) is shipped in the demo and never received: one round
// rejected on inspection turns it into a rejected-on-inspection discrepancy with an SDR deadline.
const receipt = "JKR-2026-0451";
const badCsv = `${header}\n${receipt},PJAZTWK5259001,JA-P-TWK,001,2026-10-20,12,11,2,one round damaged in transit,Sato Kenji\n`;
const goodCsv = `${header}\n${receipt},PJAZTWK5259001,JA-P-TWK,001,2026-10-20,12,11,1,one round damaged in transit,Sato Kenji\n`;

const receiptsCount = async (t) => (await t.api("pmo", "/api/documents?kind=receipts&limit=1000")).documents.length;

async function chooseFile(page, name, text) {
  await page.getByLabel("File to import").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.locator(".import-preview table").waitFor();
}

async function importFile(page) {
  await page.locator("#import-button").click();
  await page.locator("#import-outcome[data-outcome]").waitFor();
  return { state: await page.locator("#import-outcome").getAttribute("data-outcome"), text: await page.locator("#import-outcome").textContent() };
}

async function imports(t, page) {
  t.step = "work: a refused receipts file";
  const before = await receiptsCount(t);
  await t.go(page, "#/imports/receipts");
  await t.audit(page, "imports-receipts");
  t.check(await page.locator("#import-template[download='receipts-template.csv']").count() === 1, "the receipts tab offers a template download");
  await chooseFile(page, "receipts-bad.csv", badCsv);
  const preview = page.locator(".import-preview tbody tr");
  t.check(await preview.count() === 1 && (await preview.first().textContent()).includes(receipt), "the preview shows the file's one row");
  const refused = await importFile(page);
  t.check(refused.state === "error", "the file with a bad row is refused");
  t.check(refused.text.includes("receipts-bad.csv:2") && refused.text.includes("quantity_rejected"), `the error names the row and the field (${refused.text})`);
  t.check(await receiptsCount(t) === before, "nothing was recorded: the API lists as many receipts documents as before");
  await t.audit(page, "imports-receipts-refused");

  t.step = "work: the corrected file";
  await chooseFile(page, "receipts-good.csv", goodCsv);
  const recorded = await importFile(page);
  t.check(recorded.state === "ok" && recorded.text.includes("Recorded."), "the corrected file is recorded");
  t.check(recorded.text.includes("receipts-good.csv: recorded receipts document") && recorded.text.includes("1 row"), "the server's message names the file and its one row");
  t.check(await page.locator("#import-outcome [data-recorded=true]").count() === 1, "the outcome says recorded, not already recorded");
  t.check(await receiptsCount(t) === before + 1, "the API lists one more receipts document");

  t.step = "work: reconcile";
  await page.locator("#reconcile-now").click();
  await page.locator("#reconcile-outcome [data-outcome=ok]").waitFor();
  const open = await t.api("pmo", "/api/discrepancies?limit=1000");
  const made = open.discrepancies.find((d) => d.type === "rejected-on-inspection" && d.documents.includes(`receipt ${receipt}`));
  t.check(made !== undefined && made.action_due !== null, "reconciliation finds the rejected round, with an SDR deadline");
  t.check((await page.locator("#reconcile-outcome").textContent()).includes("Reconciled as of"), "the reconciliation's result is shown");
  await t.audit(page, "imports-reconciled");
  return made;
}

async function attention(t, page, made) {
  t.step = "work: needs attention";
  await page.locator("#reconcile-outcome").getByRole("link", { name: "See what needs attention" }).click();
  await t.settled(page);
  t.check((await page.locator("main h1").textContent()) === "Needs attention", "the link leads to Needs attention");
  const row = page.locator("main table tbody tr", { hasText: `receipt ${receipt}` });
  t.check(await row.count() === 1, "the new discrepancy is listed on Needs attention");
  t.check((await row.textContent()).includes("2,120,000.00") && made.usd === "2120000.00", "it is listed at the API's amount (USD 2,120,000.00)");
  await t.audit(page, "attention-after-reconcile");
  const raise = row.locator("a.action", { hasText: "Raise SDR" });
  t.check(await raise.count() === 1, "the case manager is offered to raise an SDR on it");
  await raise.click();
  await t.settled(page);
  t.check(page.url().endsWith("#/cases/JA-P-TWK/discrepancies"), "raising leads to the case's discrepancies tab");
  await t.audit(page, "case-discrepancies-raise");
}

async function raise(t, page) {
  t.step = "work: raise the SDR";
  const section = page.locator("section.raise", { hasText: `receipt ${receipt}` });
  t.check(await section.count() === 1, "the new discrepancy can be raised as an SDR on the case page");
  await section.locator("textarea").fill("one round rejected on inspection: damaged in transit");
  await section.locator("button[type=submit]").click();
  const open = section.locator("a[href^='#/sdrs/']");
  await open.waitFor();
  const href = await open.getAttribute("href");
  const number = decodeURIComponent(href.slice("#/sdrs/".length));
  t.check(/^A\d{4}-JA-TWK\/001$/.test(number), `an SDR number is given (${number})`);
  await open.click();
  await t.settled(page);
  return { number, href };
}

// Takes a step through its form and waits for the page drawn again with the status it leads to.
async function step(t, page, action, after, fill) {
  const form = page.locator(`#sdr-step-${action}`);
  await fill(form);
  await form.locator("button[type=submit]").click();
  await page.locator(`#sdr-status[data-status=${after}]`).waitFor();
  await page.locator("#sdr-outcome [data-outcome=ok]").waitFor();
  await t.settled(page);
}

async function lifecycle(t, page, number) {
  const status = () => page.locator("#sdr-status").getAttribute("data-status");
  const api = () => t.api("pmo", `/api/sdrs/${encodeURIComponent(number)}`);
  t.step = "work: SDR draft";
  t.check(await status() === "draft", "the SDR page shows the draft");
  t.check((await page.locator("main h1").textContent()).includes(number), "the SDR page is headed by its number");
  t.check(await page.locator("form.sdr-step").count() === 2, "a draft offers two steps: submit and withdraw");
  await t.audit(page, "sdr-draft");

  t.step = "work: submit (late)";
  const late = page.locator("#sdr-submit-late-reason");
  t.check(await late.isVisible() && await late.evaluate((el) => el.required), "past the deadline, a late reason is asked for");
  await step(t, page, "submit", "submitted", (form) => form.locator("#sdr-submit-late-reason").fill("the damage was found at the depot inspection"));
  t.check(await status() === "submitted", "after submit the status is submitted");
  const submitted = await api();
  t.check(submitted.status === "submitted" && submitted.submitted_late === true, "the API has it submitted, late");
  t.check(await page.locator("form.sdr-step").count() === 1 && await page.locator("#sdr-step-answer").count() === 1, "a submitted SDR offers only the answer");
  await t.audit(page, "sdr-submitted");

  t.step = "work: answer (credit)";
  await step(t, page, "answer", "answered", async (form) => {
    await form.locator("#sdr-answer-resolution").selectOption("credit");
    await form.locator("#sdr-answer-credit").fill("2,120,000.00");
    await form.locator("#sdr-answer-reply-code").fill("A1");
  });
  t.check(await status() === "answered", "after the answer the status is answered");
  const answered = await api();
  t.check(answered.credited_usd === "2120000.00" && answered.resolution === "credit", "the API has the full credit recorded");
  const credited = page.locator("dl.facts dt", { hasText: "Credited (USD)" }).locator("xpath=following-sibling::dd[1]");
  t.check((await credited.textContent()) === "USD 2,120,000.00", "the page shows the credited amount");
  t.check(await page.locator("#sdr-step-reconsider").count() === 0 && await page.locator("#sdr-step-close").count() === 1, "a fully credited answer offers closing, not reconsideration");
  await t.audit(page, "sdr-answered");

  t.step = "work: close";
  await step(t, page, "close", "closed", (form) => form.locator("#sdr-close-reason").fill("credit received in full"));
  t.check(await status() === "closed", "after close the status is closed");
  t.check((await api()).status === "closed", "the API has it closed");
  t.check(await page.locator("form.sdr-step").count() === 0, "a closed SDR offers no further step");
  t.check(await page.locator("main table tbody tr").count() >= 4, "the steps taken are listed (created, submitted, answered, closed)");
  await t.audit(page, "sdr-closed");

  t.step = "work: SDR list";
  await t.go(page, `#/sdrs?case=JA-P-TWK`);
  const row = page.locator("main table tbody tr", { hasText: number });
  t.check(await row.count() === 1 && await row.locator("[data-status=closed]").count() === 1, "the SDR list shows it closed");
  await t.audit(page, "sdrs");
}

async function japanese(t, href, number) {
  t.step = "work: the same pages in Japanese";
  const page = await t.page("pmo", { lang: "ja" });
  await t.go(page, href);
  t.check((await page.locator("main h1").textContent()).includes(number) && await page.locator("#sdr-status[data-status=closed]").count() === 1, "the SDR page in Japanese shows the closed SDR");
  await t.audit(page, "sdr-closed");
  for (const [hash, name] of [["#/imports/receipts", "imports-receipts"], ["#/imports/delivery-listings", "imports-delivery-listings"], ["#/imports/loa", "imports-loa"], ["#/sdrs", "sdrs"], ["#/attention", "attention-after-reconcile"], ["#/cases/JA-P-TWK/discrepancies", "case-discrepancies-raise"]]) {
    await t.go(page, hash);
    await t.audit(page, name);
  }
  const phone = await t.page("pmo", { lang: "ja", width: 390 });
  await t.go(phone, href);
  await t.audit(phone, "sdr-closed");
  await t.go(phone, "#/imports/receipts");
  await t.audit(phone, "imports-receipts");
}

async function downloads(t) {
  t.step = "work: finance downloads the forecast";
  const forecast = await t.api("finance", "/api/reports/forecast");
  for (const lang of ["en", "ja"]) {
    const page = await t.page("finance", { lang });
    await t.go(page, "#/reports/forecast");
    await t.audit(page, "reports-forecast");
    const rows = page.locator("table", { has: page.locator("caption", { hasText: lang === "en" ? "Payments by case and quarter" : "ケース・四半期別の支払" }) }).locator("tbody tr");
    t.check(await rows.count() === forecast.tables.forecast.length, `the forecast lists the API's ${forecast.tables.forecast.length} payments (${lang})`);
    for (const [id, name] of [["#download-forecast-csv", "forecast.csv"], ["#download-forecast-xlsx", "forecast.xlsx"]]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(id).click()]);
      t.check(download.suggestedFilename() === name, `the download is named ${name} (${lang})`);
      const bytes = readFileSync(await download.path());
      if (name.endsWith(".csv")) {
        const first = bytes.toString("utf8").replace(/^\uFEFF/, "").split("\n")[0];
        t.check(lang === "en" ? first.startsWith("Case,") : !first.startsWith("Case,"), `the CSV's header is in ${lang === "en" ? "English" : "Japanese"} (${first.slice(0, 40)})`);
      } else {
        t.check(bytes.subarray(0, 2).toString() === "PK", `the .xlsx is a spreadsheet (zip) file (${lang})`);
      }
    }
  }
}

export async function run(t) {
  const page = await t.page("pmo");
  const made = await imports(t, page);
  await attention(t, page, made);
  const { number, href } = await raise(t, page);
  await lifecycle(t, page, number);
  await japanese(t, href, number);
  await downloads(t);
}
