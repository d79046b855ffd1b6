// Needs attention, the landing page: what each role sees first, in due order, with only the
// actions that role may take.

async function rows(page) {
  return page.locator("main table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      cells: [...tr.querySelectorAll("td")].map((td) => td.textContent.trim()),
      kind: tr.querySelector("a[data-kind]")?.getAttribute("data-kind"),
      action: tr.querySelector("a.action")?.textContent ?? null,
    })),
  );
}

export async function run(t) {
  t.step = "attention: finance";
  const status = await t.api("finance", "/api/reports/status?case=JA-P-TWK");
  const next = status.cases[0].position.next_payment;
  const finance = await t.page("finance");
  t.check((await finance.locator("main h1").textContent()) === "Needs attention", "finance lands on Needs attention");
  const financeRows = await rows(finance);
  const instalment = financeRows.find((r) => r.kind === "instalment" && r.cells[3] === "JA-P-TWK");
  t.check(instalment !== undefined, "Tomahawk's next instalment is listed for finance");
  t.check(instalment.cells[0] === next.due, `its due date is the API's (${next.due})`);
  const shownUsd = instalment.cells[5].replace(/^USD /, "").replace(/,/g, "");
  t.check(shownUsd === next.usd, `its amount is the API's (USD ${next.usd})`);
  t.check(instalment.action === "Import the payment", "finance is offered to import the payment");
  t.check(financeRows.every((r) => r.action !== "Raise SDR"), "finance is not offered to raise an SDR");
  const dues = financeRows.filter((r) => !r.cells[1].startsWith("open for")).map((r) => r.cells[0]);
  t.check(dues.every((d, i) => i === 0 || dues[i - 1] <= d), "items with a deadline are in due-date order");
  t.check(financeRows.some((r) => r.kind === "closure" && r.cells[3] === "JA-P-SXB"), "the SM-6 case's closure blocker is listed");
  await t.audit(finance, "attention-finance");

  t.step = "attention: pmo";
  const pmo = await t.page("pmo");
  const pmoRows = await rows(pmo);
  t.check(pmoRows.some((r) => r.action === "Raise SDR"), "pmo is offered to raise an SDR on a discrepancy with an SDR deadline");
  t.check(pmoRows.every((r) => r.action !== "Import the payment"), "pmo is not offered to import a payment");
  await pmo.locator("#attention-kind").selectOption("closure");
  await pmo.locator("form.filters button[type=submit]").click();
  await pmo.waitForURL(/kind=closure/);
  await t.settled(pmo);
  const closures = await rows(pmo);
  t.check(closures.length >= 1 && closures.every((r) => r.kind === "closure"), "the kind filter keeps only closure blockers, at its own address");

  t.step = "attention: viewer and admin";
  const viewer = await t.page("viewer");
  t.check((await rows(viewer)).every((r) => r.action === null), "the viewer is offered no action");
  const admin = await t.page("admin", { lang: "ja" });
  t.check((await admin.locator("main").textContent()).includes("閲覧しない"), "the administrator is told, in Japanese, that no case is theirs to act on");
  await t.audit(admin, "attention-admin");
}
