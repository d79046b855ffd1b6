// The finance and administration routes end to end, over the demo portfolio: budget documents
// (import, the one in force, and who may see and name which cases), the rate on a date, the
// report workbook, and an administrator issuing a token for another user.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "api_fixture.h"
#include "io/budget_json.h"
#include "support/host_scope.h"

namespace fms::testing {
namespace {

const std::string kToday = "2026-11-25";  // the fixture's clock

std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(FMSLEDGER_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The demo's budget book, restated from a later date: a new document with the same cases.
nlohmann::json restated_budget() {
  auto budget = nlohmann::json::parse(read_text("examples/budget/jmod-fms-budget.json"));
  budget["effective_date"] = "2026-04-01";
  budget["title"] = "Ministry of Defense FMS budget book, restated JFY2026";
  return budget;
}

// Each of `targets` answers `client` with `status`.
void expect_status(HttpClient& client, int status, const std::vector<std::string>& targets) {
  for (const std::string& target : targets) {
    EXPECT_EQ(client.get(target).status, status) << target;
  }
}

std::string detail(const HttpReply& reply) {
  return reply.json().at("detail").get<std::string>();
}

// A case of KRDAPA: the Tomahawk basic LOA under a Korean case id, recorded directly.
void record_korean_case(ApiServer& server) {
  std::string loa = read_text("examples/cases/tomahawk/00-basic.json");
  for (std::size_t at = loa.find("JA-P-TWK"); at != std::string::npos;
       at = loa.find("JA-P-TWK", at)) {
    loa.replace(at, 8, "KS-P-TWK");
  }
  auto recorded = server.database().cases().import_document(loa, "ks-p-twk.json",
                                                            fms::testing::host_scope("demo"));
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
}

TEST(FinanceApi, TheBudgetInForceIsTheDemosForItsReadersAndMissingForAnotherOrganisation) {
  ApiServer server;
  auto in_force = server.database().money().budget_in_force(*CivilDate::parse(kToday),
                                                            fms::testing::host_scope());
  ASSERT_TRUE(in_force.ok() && in_force->has_value());
  const std::string demo_hash = (*in_force)->record.content_hash;

  HttpClient viewer = server.client();
  viewer.use_token(server.token_for("viewer"));
  const auto shown = viewer.get("/api/budgets/in-force");
  ASSERT_EQ(shown.status, 200) << shown.body;
  const auto body = shown.json();
  EXPECT_EQ(body.at("content_hash"), demo_hash);
  EXPECT_EQ(body.at("source"), "examples/budget/jmod-fms-budget.json");
  EXPECT_EQ(body.at("actor"), "demo");
  EXPECT_EQ(body.at("document").at("effective_date"), "2023-04-01");
  EXPECT_EQ(body.at("document").at("format"), "fmsledger.budget/1");
  EXPECT_EQ(viewer.get("/api/budgets/in-force?as_of=2025-06-30").json().at("content_hash"),
            demo_hash);
  expect_status(
      viewer, 400,
      {"/api/budgets/in-force?as_of=31/03/2023", "/api/budgets/in-force?date=2023-03-31"});

  // Before the demo's document takes effect none is in force.
  const auto none = viewer.get("/api/budgets/in-force?as_of=2023-03-31");
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(detail(none), "no budget document is in force on 2023-03-31");

  // DAPA may read none of the cases the document names: it is answered as if there were none.
  HttpClient dapa = server.client();
  dapa.use_token(server.token_for("dapa"));
  const auto hidden = dapa.get("/api/budgets/in-force");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(detail(hidden), "no budget document is in force on " + kToday);
  const auto hidden_then = dapa.get("/api/budgets/in-force?as_of=2023-03-31");
  EXPECT_EQ(hidden_then.body, none.body);
  EXPECT_EQ(hidden_then.header("content-type"), none.header("content-type"));
}

TEST(FinanceApi, FinanceImportsABudgetOnceAndTheSameContentAgainChangesNothing) {
  ApiServer server;
  HttpClient finance = server.client();
  ASSERT_EQ(finance.sign_in("finance", kDemoPassword).status, 201);
  const std::string document = restated_budget().dump();
  const std::size_t before = server.recorded_outside_audit();

  const auto recorded = finance.send("POST", "/api/budgets?source=jmod-budget-2026.json", document,
                                     "application/json");
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  const auto outcome = recorded.json();
  EXPECT_EQ(outcome.at("recorded"), true);
  EXPECT_EQ(outcome.at("effective_date"), "2026-04-01");
  const std::string document_id = outcome.at("document_id");
  EXPECT_EQ(document_id.size(), 64U);
  EXPECT_NE(outcome.at("message").get<std::string>().find("jmod-budget-2026.json: recorded"),
            std::string::npos);
  EXPECT_EQ(server.recorded_outside_audit(), before + 1);
  const auto events = server.events();
  EXPECT_EQ(events.back().type, "budget.document_recorded");
  EXPECT_EQ(events.back().actor, "finance");

  // In force from its date; the demo's before it.
  const auto in_force = finance.get("/api/budgets/in-force").json();
  EXPECT_EQ(in_force.at("content_hash"), document_id);
  EXPECT_EQ(in_force.at("source"), "jmod-budget-2026.json");
  EXPECT_EQ(in_force.at("actor"), "finance");
  EXPECT_NE(finance.get("/api/budgets/in-force?as_of=2026-03-31").json().at("content_hash"),
            document_id);

  const auto again = finance.send("POST", "/api/budgets", document, "application/json");
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json().at("recorded"), false);
  EXPECT_EQ(again.json().at("document_id"), document_id);
  EXPECT_EQ(server.recorded_outside_audit(), before + 1);

  const auto metrics = server.client().get("/metrics").body;
  EXPECT_NE(metrics.find("fmsledger_imports_total{kind=\"budget\",outcome=\"recorded\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics.find("fmsledger_imports_total{kind=\"budget\",outcome=\"unchanged\"} 1"),
            std::string::npos);
}

TEST(FinanceApi, ABudgetNamingAnotherOrganisationsCaseIsRefusedAsAnUnrecordedCase) {
  ApiServer server;
  record_korean_case(server);
  HttpClient finance = server.client();
  finance.use_token(server.token_for("finance"));
  auto naming = [](const std::string& case_id) {
    auto budget = restated_budget();
    budget["appropriations"][0]["cases"].push_back(case_id);
    return budget.dump();
  };
  const std::size_t before = server.recorded_outside_audit();

  const auto foreign = finance.send("POST", "/api/budgets", naming("KS-P-TWK"), "application/json");
  const auto unrecorded =
      finance.send("POST", "/api/budgets", naming("KS-P-ZZZ"), "application/json");
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  EXPECT_EQ(unrecorded.status, 422) << unrecorded.body;
  const std::size_t cases = restated_budget()["appropriations"][0]["cases"].size();
  const std::string pointer = "request body: /appropriations/0/cases/" + std::to_string(cases);
  EXPECT_EQ(detail(foreign), pointer + ": no case KS-P-TWK is recorded");
  EXPECT_EQ(detail(unrecorded), pointer + ": no case KS-P-ZZZ is recorded");
  EXPECT_EQ(server.recorded_outside_audit(), before);

  // The ledger's own rule, which the command line uses, still takes every recorded case.
  auto direct = server.database().money().import_budget(naming("KS-P-TWK"), "budget.json", {},
                                                        fms::testing::host_scope("demo"));
  EXPECT_TRUE(direct.ok()) << direct.error().message;
}

TEST(FinanceApi, ABadBudgetRequestIsRefusedAndRecordsNothing) {
  ApiServer server;
  HttpClient finance = server.client();
  finance.use_token(server.token_for("finance"));
  HttpClient viewer = server.client();
  viewer.use_token(server.token_for("viewer"));
  const std::size_t before = server.recorded_outside_audit();

  const auto malformed = finance.send("POST", "/api/budgets", R"({"format": "fmsledger.budget/1",)",
                                      "application/json");
  EXPECT_EQ(malformed.status, 400) << malformed.body;
  EXPECT_EQ(malformed.header("content-type"), "application/problem+json");
  EXPECT_NE(detail(malformed).find("not valid JSON"), std::string::npos);

  auto broken = restated_budget();
  broken["effective_date"] = "2026-13-01";
  const auto invalid = finance.send("POST", "/api/budgets", broken.dump(), "application/json");
  EXPECT_EQ(invalid.status, 422) << invalid.body;
  EXPECT_NE(detail(invalid).find("/effective_date"), std::string::npos);

  EXPECT_EQ(finance.send("POST", "/api/budgets", restated_budget().dump(), "text/csv").status, 415);
  EXPECT_EQ(finance
                .send("POST", "/api/budgets?effective=2026-04-01", restated_budget().dump(),
                      "application/json")
                .status,
            400);
  const std::string oversized(io::kMaxBudgetDocumentBytes + 1, ' ');
  EXPECT_EQ(finance.send("POST", "/api/budgets", oversized, "application/json").status, 413);
  EXPECT_EQ(
      viewer.send("POST", "/api/budgets", restated_budget().dump(), "application/json").status,
      403);
  EXPECT_EQ(server.recorded_outside_audit(), before);
}

TEST(FinanceApi, TheRateOnADateIsTheLatestRecordedOnOrBeforeIt) {
  ApiServer server;
  HttpClient viewer = server.client();
  viewer.use_token(server.token_for("viewer"));
  const auto shown = viewer.get("/api/rates/on?pair=usd/jpy&date=2026-11-15");
  ASSERT_EQ(shown.status, 200) << shown.body;
  const auto rate = shown.json();
  EXPECT_EQ(rate.at("pair"), "USD/JPY");
  EXPECT_EQ(rate.at("date"), "2026-11-15");
  EXPECT_EQ(rate.at("rate"), "152.80");
  EXPECT_EQ(rate.at("point_date"), "2026-10-31");
  EXPECT_EQ(rate.at("source"), "month-end rate (illustrative)");
  EXPECT_EQ(rate.at("document_source"), "examples/rates/usd-jpy-2023-2026.csv");
  const auto listed = viewer.get("/api/rates?pair=USD/JPY&as_of=2026-10-31").json();
  EXPECT_EQ(rate.at("document"), listed.at("rates").back().at("document"));
  EXPECT_EQ(viewer.get("/api/rates/on?pair=USD/JPY&date=2026-10-31").json().at("point_date"),
            "2026-10-31");

  const auto no_pair = viewer.get("/api/rates/on?date=2026-11-15");
  EXPECT_EQ(no_pair.status, 400);
  EXPECT_NE(detail(no_pair).find("\"pair\""), std::string::npos);
  const auto no_date = viewer.get("/api/rates/on?pair=USD/JPY");
  EXPECT_EQ(no_date.status, 400);
  EXPECT_NE(detail(no_date).find("\"date\""), std::string::npos);
  expect_status(
      viewer, 400,
      {"/api/rates/on?pair=USDJPY&date=2026-11-15", "/api/rates/on?pair=USD/JPY&date=2026-11-31",
       "/api/rates/on?pair=USD/JPY&date=2026-11-15&as_of=2026-11-15"});
  // Before the first recorded rate: the ledger's own not-found.
  const auto too_early = viewer.get("/api/rates/on?pair=USD/JPY&date=2022-12-31");
  EXPECT_EQ(too_early.status, 404) << too_early.body;
  auto rates = server.database().money().load();
  ASSERT_TRUE(rates.ok());
  auto expected = rates->rates.on("USD/JPY", *CivilDate::parse("2022-12-31"));
  ASSERT_FALSE(expected.ok());
  EXPECT_EQ(detail(too_early), expected.error().message);
}

TEST(FinanceApi, JapaneseFiscalYearsAreNamedBothWays) {
  ApiServer server;
  HttpClient viewer = server.client();
  viewer.use_token(server.token_for("viewer"));
  const auto shown = viewer.get("/api/fiscal-years?from=2018&to=2025");
  ASSERT_EQ(shown.status, 200) << shown.body;
  const auto years = shown.json().at("fiscal_years");
  ASSERT_EQ(years.size(), 8U);
  EXPECT_EQ(years[0].at("label"), "JFY2018");
  EXPECT_EQ(years[0].at("japanese"), "平成30年度");
  EXPECT_EQ(years[1].at("japanese"), "令和元年度");
  EXPECT_EQ(years[1].at("romaji"), "Reiwa 1");
  EXPECT_EQ(years[7].at("jfy"), 2025);
  EXPECT_EQ(years[7].at("japanese"), "令和7年度");
  EXPECT_EQ(years[7].at("first_day"), "2025-04-01");
  EXPECT_EQ(years[7].at("last_day"), "2026-03-31");
  // Before the era table: the year is listed, its era name is null.
  const auto early = viewer.get("/api/fiscal-years?from=1926&to=1927").json().at("fiscal_years");
  EXPECT_TRUE(early[0].at("japanese").is_null());
  EXPECT_EQ(early[1].at("japanese"), "昭和2年度");

  const auto no_to = viewer.get("/api/fiscal-years?from=2025");
  EXPECT_EQ(no_to.status, 400);
  EXPECT_NE(detail(no_to).find("\"to\""), std::string::npos);
  expect_status(viewer, 400,
                {"/api/fiscal-years?from=2025&to=2024", "/api/fiscal-years?from=1899&to=1900",
                 "/api/fiscal-years?from=2000&to=2100", "/api/fiscal-years?from=20x5&to=2026",
                 "/api/fiscal-years?from=2025&to=2026&as_of=2026-01-01"});
  EXPECT_EQ(server.client().get("/api/fiscal-years?from=2025&to=2025").status, 401);
}

TEST(FinanceApi, TheWorkbookIsAnXlsxExportAndNothingElse) {
  ApiServer server;
  HttpClient viewer = server.client();
  viewer.use_token(server.token_for("viewer"));
  const auto workbook = viewer.get("/api/reports/workbook?as_of=2026-10-31");
  EXPECT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(workbook.body.substr(0, 2), "PK");
  EXPECT_NE(workbook.header("content-disposition").find("workbook.xlsx"), std::string::npos);
  std::size_t exports = 0;
  for (const auto& event : server.events()) {
    if (event.case_id != store::kAuditStream || event.type != "audit.exported") continue;
    ++exports;
    EXPECT_EQ(event.actor, "viewer");
    EXPECT_NE(event.payload.find("workbook"), std::string::npos) << event.payload;
    EXPECT_NE(event.payload.find("xlsx"), std::string::npos) << event.payload;
  }
  EXPECT_EQ(exports, 1U);

  const auto json = viewer.get("/api/reports/workbook", {{"Accept", "application/json"}});
  EXPECT_EQ(json.status, 406);
  EXPECT_EQ(json.header("content-type"), "application/problem+json");
  EXPECT_EQ(viewer.get("/api/reports/workbook", {{"Accept", "*/*"}}).status, 200);
  expect_status(viewer, 400,
                {"/api/reports/workbook?case=JA-P-TWK", "/api/reports/workbook?as_of=yesterday"});
}

TEST(FinanceApi, AnAdministratorIssuesATokenActingAsAnotherUser) {
  ApiServer server;
  HttpClient admin = server.client();
  admin.use_token(server.token_for("admin"));
  const auto issued =
      admin.post_json("/api/users/viewer/tokens",
                      {{"label", "nightly export"}, {"expires_at", "2027-03-31T00:00:00Z"}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  const std::string token = issued.json().at("token");
  EXPECT_EQ(token.rfind("fmsl_", 0), 0U);
  EXPECT_FALSE(issued.json().at("token_id").get<std::string>().empty());

  HttpClient script = server.client();
  script.use_token(token);
  EXPECT_EQ(script.get("/api/session").json().at("user"), "viewer");
  const auto cases = script.get("/api/cases");
  ASSERT_EQ(cases.status, 200) << cases.body;
  EXPECT_FALSE(cases.json().at("cases").empty());
  const auto listed = admin.get("/api/users/viewer").json().at("tokens");
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed.front().at("label"), "nightly export");
  EXPECT_EQ(listed.front().at("expires_at"), "2027-03-31T00:00:00Z");
  const auto issued_events = server.events();
  EXPECT_EQ(issued_events.back().actor, "admin");
  EXPECT_EQ(issued_events.back().case_id, store::kAccessStream);

  const std::size_t before = issued_events.size();
  EXPECT_EQ(admin.post_json("/api/users/nobody/tokens", {{"label", "x"}}).status, 404);
  EXPECT_EQ(admin.post_json("/api/users/viewer/tokens", nlohmann::json::object()).status, 422);
  EXPECT_EQ(admin
                .post_json("/api/users/viewer/tokens",
                           {{"label", "late"}, {"expires_at", "2020-01-01T00:00:00Z"}})
                .status,
            422);
  EXPECT_EQ(script.post_json("/api/users/viewer/tokens", {{"label", "mine"}}).status, 403);
  // Refused: only audit records (the viewer's denial) were written since.
  const auto after = server.events();
  for (std::size_t i = before; i < after.size(); ++i) {
    EXPECT_EQ(after[i].case_id, store::kAuditStream) << after[i].type;
  }
}

}  // namespace
}  // namespace fms::testing
