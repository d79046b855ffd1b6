// The authorisation sweep: every operation of /api/openapi.json, called by every role of another
// organisation and anonymously, with and without its query parameters, answered as JSON, CSV
// and .xlsx, must show none of the canaries planted in our organisation's case, documents, SDR,
// budget book, rate series and user: not in a body, a header, an error, a workbook's cells, nor
// /metrics. Every write among them must be refused and change nothing. Our own organisation's
// roles make the same calls afterwards, and no call may fail with a server error.
//
// The operations come from the API's own document (which tests/http/openapi_test.cc holds to
// the route table), so a new route is swept without editing this test; a body it needs beyond
// "{}" or an empty CSV is given below by route pattern.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "api_fixture.h"
#include "ledger/sdr/sdr_book.h"
#include "support/host_scope.h"
#include "support/zip_text.h"

namespace fms::testing {
namespace {

// Strings only our organisation's data holds; nothing another organisation sends contains one.
const std::vector<std::string> kCanaries{"CANARYzq", "JA-P-CNY", "123.4567"};

std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(FMSLEDGER_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string with_case_id(std::string text, const std::string& case_id) {
  for (std::size_t at = text.find("JA-P-TWK"); at != std::string::npos;
       at = text.find("JA-P-TWK", at)) {
    text.replace(at, 8, case_id);
  }
  return text;
}

struct Operation {
  std::string method;  // "GET"
  std::string pattern;
  std::string permission;  // x-fmsledger-permission
  std::vector<std::string> query;
  std::string body_type;  // "application/json", "text/csv" or ""
};

std::vector<Operation> operations(const nlohmann::json& document) {
  std::vector<Operation> found;
  for (const auto& [pattern, item] : document.at("paths").items()) {
    for (const auto& [method, operation] : item.items()) {
      if (method == "parameters") continue;
      Operation op;
      op.method = method;
      for (char& c : op.method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      op.pattern = pattern;
      op.permission = operation.value("x-fmsledger-permission", "");
      for (const auto& parameter : operation.value("parameters", nlohmann::json::array())) {
        if (parameter.value("in", "") == "query") op.query.push_back(parameter.at("name"));
      }
      if (operation.contains("requestBody")) {
        op.body_type = operation.at("requestBody").at("content").items().begin().key();
      }
      found.push_back(std::move(op));
    }
  }
  return found;
}

struct Caller {
  std::string label;
  std::string token;  // empty: anonymous
  bool foreign = true;
};

class ScopeSweep : public ::testing::Test {
 protected:
  void SetUp() override {
    plant_canaries();
    add_neighbour();
    const auto document = server_.client().get("/api/openapi.json");
    ASSERT_EQ(document.status, 200);
    operations_ = operations(document.json());
    ASSERT_GE(operations_.size(), 50U);
    HttpClient viewer = server_.client();
    viewer.use_token(server_.token_for("viewer"));
    case_etag_ = viewer.get("/api/cases/JA-P-TWK").header("etag");
    sdr_etag_ = viewer.get("/api/sdrs/" + http::percent_encode(sdr_)).header("etag");
    ASSERT_FALSE(case_etag_.empty());
    ASSERT_FALSE(sdr_etag_.empty());
    // Our document of each kind, for the imports to try to supersede.
    auto portfolio = server_.database().execution().load();
    ASSERT_TRUE(portfolio.ok());
    for (const auto& [pattern, source] : std::vector<std::pair<std::string, std::string>>{
             {"/api/imports/delivery-listings",
              "examples/execution/tomahawk-deliveries-2025q3.csv"},
             {"/api/imports/receipts", "CANARYzq-receipts.csv"},
             {"/api/imports/bills", "examples/execution/tomahawk-dd645-2025-09-30.csv"},
             {"/api/imports/payments", "examples/execution/tomahawk-payments-jfy2025.csv"}}) {
      for (const auto& recorded : portfolio->documents) {
        if (recorded.record.source == source) ours_[pattern] = recorded.record.content_hash;
      }
      ASSERT_EQ(ours_.count(pattern), 1U) << source;
    }
  }

  // Our organisation (JMOD) gets a case, a document, an SDR, a budget book, a rate series and a
  // user that carry the canaries.
  void plant_canaries() {
    auto loa = nlohmann::json::parse(
        with_case_id(read_text("examples/cases/tomahawk/00-basic.json"), "JA-P-CNY"));
    loa["title"] = "CANARYzq case title";
    ASSERT_TRUE(
        server_.database()
            .cases()
            .import_document(loa.dump(), "CANARYzq-loa.json", fms::testing::host_scope("demo"))
            .ok());
    const std::string receipts =
        "receipt_id,document_number,case_id,line,received_date,quantity_received,"
        "quantity_accepted,quantity_rejected,condition,inspector\n"
        "CANARYzq-R1,PJAZTWK5162009,JA-P-TWK,001,2025-07-20,1,1,0,CANARYzq remark,CANARYzq "
        "Inspector\n";
    auto document = server_.database().execution().import_execution(
        ExecutionKind::receipts, receipts, "CANARYzq-receipts.csv", {},
        host_scope("CANARYzq-operator"));
    ASSERT_TRUE(document.ok()) << document.error().message;
    document_ = document->content_hash;
    ledger::SdrCreateRequest request;
    request.case_id = "JA-P-TWK";
    request.type = recon::DiscrepancyType::quantity_short;
    request.document = "delivery PJAZTWK5210001";
    request.reason = "CANARYzq short delivery";
    auto sdr = server_.database().sdrs().create(request, "demo");
    ASSERT_TRUE(sdr.ok()) << sdr.error().message;
    sdr_ = sdr->sdr.number.base();
    auto budget = nlohmann::json::parse(read_text("examples/budget/jmod-fms-budget.json"));
    budget["effective_date"] = "2026-04-01";
    budget["title"] = "CANARYzq budget book";
    ledger::BudgetImportOptions jmod;
    jmod.organisation = "JMOD";
    auto host = server_.access().host_scope("demo");
    ASSERT_TRUE(host.ok());
    auto book = server_.database().money().import_budget(budget.dump(), "CANARYzq-budget.json",
                                                         jmod, *host);
    ASSERT_TRUE(book.ok()) << book.error().message;
    auto rates = server_.database().money().import_rates(
        "date,pair,rate,source\n2026-11-20,USD/JPY,123.4567,CANARYzq bank\n", "CANARYzq-rates.csv",
        std::string("JMOD"), *host);
    ASSERT_TRUE(rates.ok()) << rates.error().message;
    ASSERT_TRUE(
        server_.access().add_user("cnyuser", "CANARYzq person", "canary password 1", "admin").ok());
    ASSERT_TRUE(server_.access().grant("cnyuser", {ledger::Role::viewer, "JMOD"}, "admin").ok());
    auto token = server_.access().issue_token("cnyuser", "CANARYzq token", std::nullopt, "admin");
    ASSERT_TRUE(token.ok());
    token_id_ = token->token_id;
  }

  // Korea (KRDAPA): its own implemented case, and a user of every role; and ours of every role.
  void add_neighbour() {
    ASSERT_TRUE(
        server_.database()
            .cases()
            .import_document(
                with_case_id(read_text("examples/cases/tomahawk/00-basic.json"), "KS-P-TWK"),
                "ks.json", fms::testing::host_scope("demo"))
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
    callers_.push_back({"anonymous", "", true});
    for (const bool foreign : {true, false}) {
      for (const ledger::Role role : ledger::all_roles()) {
        const std::string organisation = foreign ? "KRDAPA" : "JMOD";
        std::string user =
            "sweep-" + std::string(ledger::to_string(role)) + (foreign ? "-kr" : "-jp");
        ASSERT_TRUE(server_.access().add_user(user, user, "sweep password 1", "admin").ok());
        ASSERT_TRUE(server_.access().grant(user, {role, organisation}, "admin").ok());
        callers_.push_back({user, server_.token_for(user), foreign});
      }
    }
  }

  std::string path_of(const Operation& op) const {
    std::string path = op.pattern;
    for (const auto& [param, value] :
         std::vector<std::pair<std::string, std::string>>{{"{case_id}", "JA-P-TWK"},
                                                          {"{number}", http::percent_encode(sdr_)},
                                                          {"{user}", "cnyuser"},
                                                          {"{token_id}", token_id_}}) {
      const std::size_t at = path.find(param);
      if (at != std::string::npos) path.replace(at, param.size(), value);
    }
    return path;
  }

  // Every query parameter the operation declares, aimed at our organisation.
  std::string query_of(const Operation& op) const {
    const std::map<std::string, std::string> values{
        {"case", "JA-P-TWK"},
        {"as_of", "2026-11-25"},
        {"organisation", "JMOD"},
        {"all", "true"},
        {"kind", "receipts"},
        {"pair", "USD/JPY"},
        {"date", "2026-11-20"},
        {"supersedes", ours_.count(op.pattern) != 0 ? ours_.at(op.pattern).substr(0, 12)
                                                    : document_.substr(0, 12)},
        {"reason", "sweep"},
        {"source", "sweep.csv"},
        {"limit", "1000"},
        {"detail", "true"},
        {"version", "0"},
        {"from", "0"},
        {"to", "0"},
        {"customer", "JA"},
        {"open", "true"}};
    std::string query;
    for (const std::string& name : op.query) {
      const auto value = values.find(name);
      if (value == values.end()) continue;
      query += (query.empty() ? "?" : "&") + name + "=" + http::percent_encode(value->second);
    }
    return query;
  }

  // A body that tries to change our organisation's data.
  std::string body_of(const Operation& op) const {
    if (op.body_type == "text/csv") {
      // Rows of the caller's own case (KS-P-TWK), with ?supersedes= one of our documents: a
      // correction that would replace our rows with theirs, the attack once found.
      const std::map<std::string, std::string> csv{
          {"/api/imports/delivery-listings",
           "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,"
           "reporting_quarter_end\nPKSZTWK5999001,KS-P-TWK,001,2025-07-02,1,2120000.00,9,"
           "PKSZTWK5999001XAX,2025-09-30\n"},
          {"/api/imports/receipts",
           "receipt_id,document_number,case_id,line,received_date,quantity_received,"
           "quantity_accepted,quantity_rejected,condition,inspector\nSWEEP-1,PKSZTWK5999001,"
           "KS-P-TWK,001,2025-07-03,1,1,0,,Kim\n"},
          {"/api/imports/bills",
           "statement_date,case_id,line,cumulative_delivered_usd,cumulative_payments_usd,"
           "amount_due_usd,due_date\n2026-12-31,KS-P-TWK,,1.00,1.00,1.00,2027-03-15\n"},
          {"/api/imports/payments",
           "payment_id,date,case_id,amount,currency,rate_jpy_per_usd\nSWEEP-P1,2026-11-01,"
           "KS-P-TWK,1.00,USD,\n"},
          {"/api/rates", "date,pair,rate,source\n2026-11-21,USD/JPY,150.5,sweep\n"}};
      const auto found = csv.find(op.pattern);
      return found == csv.end() ? std::string() : found->second;
    }
    if (op.body_type != "application/json") return {};
    if (op.pattern == "/api/cases") {
      return with_case_id(read_text("examples/cases/tomahawk/00-basic.json"), "JA-P-NEW");
    }
    if (op.pattern == "/api/budgets") {
      auto budget = nlohmann::json::parse(read_text("examples/budget/jmod-fms-budget.json"));
      budget["effective_date"] = "2026-10-01";
      return budget.dump();
    }
    const std::map<std::string, std::string> json{
        {"/api/session", R"({"user":"cnyuser","password":"wrong password 1"})"},
        {"/api/tokens", R"({"label":"sweep"})"},
        {"/api/cases/{case_id}/transitions",
         R"({"to":"suspended","date":"2026-11-25","reason":"sweep"})"},
        {"/api/cases/{case_id}/signatures",
         R"({"version":1,"date":"2026-11-25","reason":"sweep"})"},
        {"/api/reconciliation", "{}"},
        {"/api/users", R"({"user":"sweepuser","display_name":"x","password":"sweep password 2"})"},
        {"/api/users/{user}/password", R"({"password":"sweep password 3"})"},
        {"/api/users/{user}/disable", R"({"reason":"sweep"})"},
        {"/api/users/{user}/enable", R"({"reason":"sweep"})"},
        {"/api/users/{user}/grants", R"({"role":"admin","organisation":"JMOD"})"},
        {"/api/users/{user}/grants/revoke", R"({"role":"viewer","organisation":"JMOD"})"},
        {"/api/users/{user}/tokens", R"({"label":"sweep"})"},
        {"/api/organisations", R"({"id":"JMOD","name":"taken","customers":["JA","KS"]})"},
        {"/api/sdrs",
         R"({"case":"JA-P-TWK","type":"quantity-short","document":"delivery PJAZTWK5210001","reason":"sweep"})"},
        {"/api/sdrs/{number}/steps",
         R"({"action":"submit","date":"2026-11-25","late_reason":"sweep"})"}};
    const auto found = json.find(op.pattern);
    return found == json.end() ? std::string("{}") : found->second;
  }

  // What an answer shows a client: status line, headers, body, and a workbook's cells.
  static std::string shown(const HttpReply& reply) {
    std::string text = std::to_string(reply.status) + "\n";
    for (const auto& [name, value] : reply.headers) text += name + ": " + value + "\n";
    text += reply.body;
    if (reply.body.rfind("PK", 0) == 0) {
      const auto cells = test_support::zip_text(reply.body);
      EXPECT_TRUE(cells.has_value()) << "a workbook that cannot be read";
      if (cells) text += *cells;
    }
    return text;
  }

  // The log outside the audit stream: a refused write leaves it as it was.
  std::vector<std::string> log_outside_audit() {
    std::vector<std::string> hashes;
    for (const auto& event : server_.events()) {
      if (event.case_id != store::kAuditStream) hashes.push_back(event.hash);
    }
    return hashes;
  }

  ApiServer server_;
  std::vector<Operation> operations_;
  std::vector<Caller> callers_;
  std::string document_;
  std::map<std::string, std::string> ours_;  // import route -> our document of its kind
  std::string sdr_;
  std::string token_id_;
  std::string case_etag_;
  std::string sdr_etag_;
};

TEST_F(ScopeSweep, NoOtherOrganisationReadsInfersOrChangesAnythingOfOurs) {
  std::size_t calls = 0;
  std::size_t writes = 0;
  for (const Caller& caller : callers_) {  // foreign and anonymous callers first
    HttpClient client = server_.client();
    if (!caller.token.empty()) client.use_token(caller.token);
    for (const Operation& op : operations_) {
      std::vector<std::pair<std::string, std::string>> variants{{"", "application/json"}};
      if (op.method == "GET") {
        const std::string query = query_of(op);
        variants = {{"", "application/json"},
                    {query, "application/json"},
                    {query, "text/csv"},
                    {query, std::string(http::kXlsx)}};
      } else if (!op.query.empty()) {
        variants = {{query_of(op), "application/json"}};
      }
      for (const auto& [query, accept] : variants) {
        const std::string target = path_of(op) + query;
        // A foreign caller may sign in or out and issue itself a token; any other write of
        // theirs aims at our data and must change nothing.
        const bool own_session =
            op.pattern == "/api/session" || (op.pattern == "/api/tokens" && op.method == "POST");
        const bool guarded_write = op.method != "GET" && !own_session && caller.foreign;
        const auto before = guarded_write ? log_outside_audit() : std::vector<std::string>{};
        HeaderList headers{{"Accept", accept}};
        if (op.pattern.find("{case_id}") != std::string::npos)
          headers.push_back({"If-Match", case_etag_});
        if (op.pattern.find("{number}") != std::string::npos)
          headers.push_back({"If-Match", sdr_etag_});
        const HttpReply reply = client.send(op.method, target, body_of(op), op.body_type, headers);
        ++calls;
        const std::string where =
            caller.label + " " + op.method + " " + target + " (" + accept + ")";
        EXPECT_LT(reply.status, 500) << where << "\n" << reply.body;
        if (caller.foreign) {
          const std::string text = shown(reply);
          for (const std::string& canary : kCanaries) {
            EXPECT_EQ(text.find(canary), std::string::npos) << where << " shows " << canary << ":\n"
                                                            << text.substr(0, 2000);
          }
        }
        if (guarded_write) {
          ++writes;
          EXPECT_GE(reply.status, 400) << where << " was let through:\n" << reply.body;
          EXPECT_EQ(log_outside_audit(), before) << where << " changed the log";
        }
      }
    }
  }
  const std::string metrics = server_.client().get("/metrics").body;
  for (const std::string& canary : kCanaries) {
    EXPECT_EQ(metrics.find(canary), std::string::npos) << "/metrics shows " << canary;
  }
  EXPECT_GE(calls, operations_.size() * callers_.size());
  EXPECT_GT(writes, 100U);
}

}  // namespace
}  // namespace fms::testing
