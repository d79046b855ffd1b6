// Organisations are walls: what another purchasing organisation's people may not do to ours,
// each a defect once found by probing the server as they would. The demo portfolio is Japan's
// (JMOD); a Korean case (KS-P-TWK, implemented) and Korean users of every role (KRDAPA) are
// added, and they try, over HTTP, to change, read or infer Japan's documents, budget and rates.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "api_fixture.h"
#include "ledger/access/roles.h"
#include "support/host_scope.h"

namespace fms::testing {
namespace {

std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(FMSLEDGER_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kReceiptsHeader =
    "receipt_id,document_number,case_id,line,received_date,quantity_received,quantity_accepted,"
    "quantity_rejected,condition,inspector\n";

// The demo's portfolio and a Korean neighbour with a case and a user of every role.
class Walls : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string loa = read_text("examples/cases/tomahawk/00-basic.json");
    for (std::size_t at = loa.find("JA-P-TWK"); at != std::string::npos;
         at = loa.find("JA-P-TWK", at)) {
      loa.replace(at, 8, "KS-P-TWK");
    }
    ASSERT_TRUE(server_.database()
                    .cases()
                    .import_document(loa, "ks-p-twk.json", fms::testing::host_scope("demo"))
                    .ok());
    for (const auto& [status, date] : {std::pair{CaseStatus::accepted, "2024-01-18"},
                                       std::pair{CaseStatus::implemented, "2024-02-09"}}) {
      ASSERT_TRUE(
          server_.database()
              .cases()
              .transition("KS-P-TWK", status, *CivilDate::parse(date), "signed",
                          fms::testing::host_scope("demo"),
                          status == CaseStatus::implemented ? "deposit outside this test" : "")
              .ok());
    }
    for (const auto& [user, role] : {std::pair{"krfinance", ledger::Role::finance},
                                     std::pair{"krviewer", ledger::Role::viewer},
                                     std::pair{"krauditor", ledger::Role::auditor}}) {
      ASSERT_TRUE(server_.access().add_user(user, user, "korean password 1", "admin").ok());
      ASSERT_TRUE(server_.access().grant(user, ledger::Grant{role, "KRDAPA"}, "admin").ok());
    }
  }

  HttpClient as(const std::string& user) {
    HttpClient client = server_.client();
    client.use_token(server_.token_for(user));
    return client;
  }

  // The active document of `kind` recorded from `source`.
  std::string document_id(const std::string& source) {
    auto portfolio = server_.database().execution().load();
    EXPECT_TRUE(portfolio.ok());
    for (const auto& document : portfolio->documents) {
      if (document.record.source == source && !document.superseded_by) {
        return document.record.content_hash;
      }
    }
    ADD_FAILURE() << "no active document from " << source;
    return {};
  }

  ApiServer server_;
};

TEST_F(Walls, AnotherOrganisationCannotSupersedeOurDocuments) {
  const std::string receipts = document_id("examples/execution/tomahawk-receipts-2025q3.csv");
  const std::string payments = document_id("examples/execution/tomahawk-payments-jfy2025.csv");
  HttpClient dapa = as("dapa");
  HttpClient krfinance = as("krfinance");
  const std::size_t before = server_.recorded_outside_audit();

  const auto receipt_attempt = dapa.send(
      "POST", "/api/imports/receipts?source=k.csv&reason=x&supersedes=" + receipts.substr(0, 12),
      kReceiptsHeader + "KRR-1,PKSZTWK5162001,KS-P-TWK,001,2025-07-15,1,1,0,,Kim\n", "text/csv");
  EXPECT_EQ(receipt_attempt.status, 404) << receipt_attempt.body;
  EXPECT_NE(receipt_attempt.body.find("no execution document with id"), std::string::npos);

  const auto payment_attempt = krfinance.send(
      "POST", "/api/imports/payments?source=k.csv&reason=x&supersedes=" + payments.substr(0, 12),
      "payment_id,date,case_id,amount,currency,rate_jpy_per_usd\n"
      "KR-1,2025-01-31,KS-P-TWK,100.00,USD,\n",
      "text/csv");
  EXPECT_EQ(payment_attempt.status, 404) << payment_attempt.body;
  EXPECT_EQ(server_.recorded_outside_audit(), before) << "nothing of theirs or ours was recorded";
  EXPECT_EQ(document_id("examples/execution/tomahawk-receipts-2025q3.csv"), receipts);

  // Japan's own case manager supersedes it as before.
  HttpClient pmo = as("pmo");
  const auto own = pmo.send(
      "POST", "/api/imports/receipts?source=fix.csv&reason=corrected&supersedes=" + receipts,
      read_text("examples/execution/tomahawk-receipts-2025q3.csv") +
          "JKR-2025-9999,PJAZTWK5162001,JA-P-TWK,001,2025-07-16,1,1,0,,Sato Kenji\n",
      "text/csv");
  EXPECT_EQ(own.status, 201) << own.body;
}

TEST_F(Walls, AnotherOrganisationsBudgetBookIsInNoneOfTheirReports) {
  const std::vector<std::string> canaries{"Tomahawk Block IV/V and TTWCS",
                                          "Ministry of Defense FMS budget book", "95910578000",
                                          "95,910,578,000"};
  HttpClient dapa = as("dapa");
  for (const std::string& accept :
       std::vector<std::string>{"application/json", "text/csv", std::string(http::kXlsx)}) {
    for (const std::string route : {"/api/reports/envelope", "/api/reports/forecast",
                                    "/api/reports/exposure", "/api/reports/workbook"}) {
      const auto reply = dapa.send("GET", route, "", "", {{"Accept", accept}});
      for (const auto& canary : canaries) {
        EXPECT_EQ(reply.body.find(canary), std::string::npos) << route << " " << accept;
      }
    }
  }
  // Japan's readers still see their book.
  const auto own = as("viewer").get("/api/reports/envelope");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_NE(own.body.find("Tomahawk Block IV/V and TTWCS"), std::string::npos);
}

TEST_F(Walls, EachOrganisationKeepsItsOwnRateSeries) {
  HttpClient krfinance = as("krfinance");
  const auto korean =
      krfinance.send("POST", "/api/rates?source=kr.csv",
                     "date,pair,rate,source\n2026-11-30,USD/JPY,999.99,kr\n", "text/csv");
  ASSERT_EQ(korean.status, 201) << korean.body;

  HttpClient finance = as("finance");
  const auto japan_rate = finance.get("/api/rates/on?pair=USD/JPY&date=2026-11-30");
  ASSERT_EQ(japan_rate.status, 200) << japan_rate.body;
  EXPECT_NE(japan_rate.json().at("rate"), "999.99");
  const auto exposure = finance.get("/api/reports/exposure?as_of=2026-11-30");
  EXPECT_EQ(exposure.body.find("999.99"), std::string::npos);
  EXPECT_EQ(finance.get("/api/rates").body.find("999.99"), std::string::npos);
  // Japan's own rate for that date is not "already recorded" by Korea's.
  const auto japanese =
      finance.send("POST", "/api/rates?source=jp.csv",
                   "date,pair,rate,source\n2026-11-30,USD/JPY,150.10,jp\n", "text/csv");
  EXPECT_EQ(japanese.status, 201) << japanese.body;
  EXPECT_EQ(finance.get("/api/rates/on?pair=USD/JPY&date=2026-11-30").json().at("rate"), "150.10");
  // Korea reads its own.
  EXPECT_EQ(krfinance.get("/api/rates/on?pair=USD/JPY&date=2026-11-30").json().at("rate"),
            "999.99");
  // The shared reference series is an administrator's.
  const auto direct = server_.database().money().import_rates(
      "date,pair,rate,source\n2026-12-01,USD/JPY,151,x\n", "x.csv", std::nullopt,
      ledger::Scope::of_user(server_.api().access_book(true), "krfinance"));
  ASSERT_TRUE(direct.ok()) << direct.error().message;
  EXPECT_NE(direct->message.find("KRDAPA's own series"), std::string::npos);
}

TEST_F(Walls, MessagesAndCountsNameNothingOfAnotherOrganisation) {
  HttpClient dapa = as("dapa");
  // A receipt number Japan also uses is Korea's own to use: no "already recorded in ...".
  const auto same_number = dapa.send(
      "POST", "/api/imports/receipts?source=k.csv",
      kReceiptsHeader + "JKR-2025-0118,PKSZTWK5162001,KS-P-TWK,001,2025-07-15,1,1,0,,Kim\n",
      "text/csv");
  EXPECT_EQ(same_number.status, 201) << same_number.body;
  EXPECT_EQ(same_number.body.find("tomahawk-receipts"), std::string::npos);

  // A document naming both organisations' cases shows Korea only its own part.
  auto mixed = server_.database().execution().import_execution(
      ExecutionKind::receipts,
      kReceiptsHeader + "MIX-1,PKSZTWK5162002,KS-P-TWK,001,2025-07-16,1,1,0,,Kim\n" +
          "MIX-2,PJAZTWK5162002,JA-P-TWK,001,2025-07-16,1,1,0,,Sato Kenji\n",
      "secret-mixed-listing.csv", {}, host_scope("operator"));
  ASSERT_TRUE(mixed.ok()) << mixed.error().message;
  const auto documents = dapa.get("/api/documents?kind=receipts");
  ASSERT_EQ(documents.status, 200) << documents.body;
  EXPECT_EQ(documents.body.find("secret-mixed-listing"), std::string::npos);
  EXPECT_EQ(documents.body.find("JA-P-TWK"), std::string::npos);
  bool partial = false;
  const auto listed = documents.json();
  for (const auto& document : listed.at("documents")) {
    if (document.at("id") == mixed->content_hash) {
      partial = true;
      EXPECT_TRUE(document.at("partial").get<bool>());
      EXPECT_TRUE(document.at("rows").is_null());
      EXPECT_TRUE(document.at("actor").is_null());
    }
  }
  EXPECT_TRUE(partial);

  // Korea's auditor counts Korea's documents and segments, not Japan's.
  const auto verified = as("krauditor").get("/api/verify");
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(verified.json().at("documents"), 2) << verified.body;
  EXPECT_EQ(verified.json().at("segments"), 2) << verified.body;
  EXPECT_EQ(verified.json().at("scope"), nlohmann::json::array({"KRDAPA"}));

  // A reconciliation run matches Japan's documents too: not Korea's to record.
  const std::size_t before = server_.recorded_outside_audit();
  const auto run = dapa.send("POST", "/api/reconciliation", "{}", "application/json");
  EXPECT_EQ(run.status, 403) << run.body;
  EXPECT_EQ(server_.recorded_outside_audit(), before);
}

}  // namespace
}  // namespace fms::testing
