// The REST API end to end: a real server on an ephemeral port over the demo portfolio, spoken
// to with a real HTTP client. Signing in, reading a case, importing receipts and seeing the new
// discrepancy; organisations; CSRF; ETags; session expiry; tokens; lockout; bad requests.
#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "api_fixture.h"
#include "report/reconciliation_run.h"
#include "support/host_scope.h"

namespace fms::testing {
namespace {

// A receipt of a delivery the seller never reported: a new received-not-reported discrepancy.
const std::string kNewReceipt =
    "receipt_id,document_number,case_id,line,received_date,quantity_received,quantity_accepted,"
    "quantity_rejected,condition,inspector\n"
    "JKR-2026-0301,PJAZTWK6100001,JA-P-TWK,001,2026-10-20,4,4,0,,Sato Kenji\n";

bool names_receipt(const nlohmann::json& discrepancies, const std::string& receipt) {
  for (const auto& row : discrepancies) {
    for (const auto& document : row.at("documents")) {
      if (document.get<std::string>().find(receipt) != std::string::npos) return true;
    }
  }
  return false;
}

TEST(Api, SignInReadTheCaseImportReceiptsAndSeeTheNewDiscrepancy) {
  ApiServer server;
  HttpClient pmo = server.client();
  const auto signed_in = pmo.sign_in("pmo", kDemoPassword);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_NE(signed_in.header("set-cookie").find("HttpOnly"), std::string::npos);
  EXPECT_NE(signed_in.header("set-cookie").find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(signed_in.header("set-cookie").find("Secure"), std::string::npos);
  // Each grant says what its role may do, so the browser offers only that.
  EXPECT_EQ(signed_in.json().at("grants").at(0).at("permissions"),
            (nlohmann::json{"read", "read-history", "manage-case"}));

  const auto tomahawk = pmo.get("/api/cases/JA-P-TWK");
  ASSERT_EQ(tomahawk.status, 200) << tomahawk.body;
  EXPECT_EQ(tomahawk.json().at("case_id"), "JA-P-TWK");
  EXPECT_FALSE(tomahawk.header("etag").empty());

  const auto before = pmo.get("/api/discrepancies?case=JA-P-TWK");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_FALSE(names_receipt(before.json().at("discrepancies"), "JKR-2026-0301"));

  const auto imported = pmo.send("POST", "/api/imports/receipts?source=receipts-2026-10.csv",
                                 kNewReceipt, "text/csv");
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(imported.json().at("rows"), 1);
  EXPECT_EQ(imported.json().at("cases"), nlohmann::json::array({"JA-P-TWK"}));

  const auto after = pmo.get("/api/discrepancies?case=JA-P-TWK");
  ASSERT_EQ(after.status, 200);
  EXPECT_TRUE(names_receipt(after.json().at("discrepancies"), "JKR-2026-0301")) << after.body;

  // The same document again changes nothing and says so.
  const auto again = pmo.send("POST", "/api/imports/receipts", kNewReceipt, "text/csv");
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_FALSE(again.json().at("recorded").get<bool>());

  // Recorded with the signed-in user as actor.
  bool found = false;
  for (const auto& event : server.events()) {
    if (event.type == "execution.document_recorded" &&
        event.payload.find("receipts-2026-10.csv") != std::string::npos) {
      found = true;
      EXPECT_EQ(event.actor, "pmo");
    }
  }
  EXPECT_TRUE(found);
}

TEST(Api, AnotherOrganisationsCaseLooksExactlyLikeAMissingOne) {
  ApiServer server;
  HttpClient dapa = server.client();
  ASSERT_EQ(dapa.sign_in("dapa", kDemoPassword).status, 201);
  const auto hidden = dapa.get("/api/cases/JA-P-TWK");
  const auto missing = dapa.get("/api/cases/JA-P-ZZZ");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(missing.status, 404);
  auto without_case = [](nlohmann::json body) {
    std::string detail = body.at("detail");
    detail.replace(detail.find("JA-P-"), 8, "JA-P-###");
    body["detail"] = detail;
    return body;
  };
  EXPECT_EQ(without_case(hidden.json()), without_case(missing.json()));
  EXPECT_EQ(hidden.header("content-type"), missing.header("content-type"));
  EXPECT_EQ(dapa.get("/api/cases/JA-P-TWK/history").status, 404);
  EXPECT_EQ(dapa.get("/api/discrepancies?case=JA-P-TWK").status, 404);
  // Lists and reports hold nothing of Japan's.
  EXPECT_TRUE(dapa.get("/api/cases").json().at("cases").empty());
  EXPECT_TRUE(dapa.get("/api/discrepancies").json().at("discrepancies").empty());
  EXPECT_TRUE(dapa.get("/api/reports/status").json().at("cases").empty());
  EXPECT_TRUE(dapa.get("/api/documents").json().at("documents").empty());
  // An import naming Japan's case is refused as if the case were not recorded.
  const std::size_t before = server.recorded_outside_audit();
  const auto refused = dapa.send("POST", "/api/imports/receipts", kNewReceipt, "text/csv");
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.body.find("JA-P-TWK"), std::string::npos);
  EXPECT_EQ(server.recorded_outside_audit(), before);
}

TEST(Api, CookieRequestsThatChangeThingsNeedTheCsrfToken) {
  ApiServer server;
  HttpClient pmo = server.client();
  const auto signed_in = pmo.sign_in("pmo", kDemoPassword);
  const std::string csrf = signed_in.json().at("csrf_token");
  const std::size_t before = server.recorded_outside_audit();
  pmo.forget_csrf();
  const auto refused = pmo.send("POST", "/api/imports/receipts", kNewReceipt, "text/csv");
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("CSRF"), std::string::npos);
  // Another token of the right shape: the first digit changed.
  pmo.set_csrf((csrf.front() == '0' ? "1" : "0") + csrf.substr(1));
  EXPECT_EQ(pmo.send("POST", "/api/imports/receipts", kNewReceipt, "text/csv").status, 403);
  EXPECT_EQ(server.recorded_outside_audit(), before);
  pmo.set_csrf(csrf);
  EXPECT_EQ(pmo.send("POST", "/api/imports/receipts", kNewReceipt, "text/csv").status, 201);
  // Reads need no token.
  pmo.forget_csrf();
  EXPECT_EQ(pmo.get("/api/cases/JA-P-TWK").status, 200);
}

TEST(Api, ACaseWriteNeedsTheCurrentETag) {
  ApiServer server;
  HttpClient pmo = server.client();
  ASSERT_EQ(pmo.sign_in("pmo", kDemoPassword).status, 201);
  const auto amraam = pmo.get("/api/cases/JA-D-AMX");
  ASSERT_EQ(amraam.status, 200) << amraam.body;
  const std::string etag = amraam.header("etag");
  const nlohmann::json accept{{"to", "accepted"},
                              {"date", "2026-11-20"},
                              {"reason", "LOA signed by the ATLA contracting officer"}};
  const auto without = pmo.post_json("/api/cases/JA-D-AMX/transitions", accept);
  EXPECT_EQ(without.status, 428);
  const auto stale =
      pmo.post_json("/api/cases/JA-D-AMX/transitions", accept, {{"If-Match", "\"JA-D-AMX@1\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  const auto moved = pmo.post_json("/api/cases/JA-D-AMX/transitions", accept, {{"If-Match", etag}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json().at("to"), "accepted");
  EXPECT_NE(moved.header("etag"), etag);
  // The next read shows the change (a cached read is dropped by any write through the server).
  const auto reread = pmo.get("/api/cases/JA-D-AMX");
  EXPECT_EQ(reread.json().at("status"), "accepted") << reread.body;
  EXPECT_EQ(reread.header("etag"), moved.header("etag"));
  // The second editor, still holding the old ETag, is stopped.
  const auto second =
      pmo.post_json("/api/cases/JA-D-AMX/transitions",
                    {{"to", "cancelled"}, {"date", "2026-11-21"}, {"reason", "offer withdrawn"}},
                    {{"If-Match", etag}});
  EXPECT_EQ(second.status, 412);
}

TEST(Api, AWriteByAnotherProcessIsSeenOnceTheCacheIsRechecked) {
  http::ApiOptions options;
  options.access_refresh = std::chrono::milliseconds(0);
  ApiServer server(options);
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  EXPECT_EQ(viewer.get("/api/cases/JA-D-AMX").json().at("status"), "offered");
  // The ledger written directly, as the command line would from another process.
  auto moved = server.database().cases().transition("JA-D-AMX", CaseStatus::accepted,
                                                    *CivilDate::parse("2026-11-20"), "signed",
                                                    fms::testing::host_scope("cli"));
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(viewer.get("/api/cases/JA-D-AMX").json().at("status"), "accepted");
}

TEST(Api, OverTlsTheSessionCookieIsSecure) {
  TempDir certificates;
  const std::string certificate = (certificates.path() / "server.pem").string();
  const std::string key = (certificates.path() / "server.key").string();
  ASSERT_EQ(std::system(("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                         "-keyout " +
                         key + " -out " + certificate + " >/dev/null 2>&1")
                            .c_str()),
            0);
  http::ServerConfig config;
  config.tls = http::TlsFiles{certificate, key};
  ApiServer server({}, config);
  const auto reply =
      https_send(server.port(), "POST", "/api/session",
                 R"({"user":"pmo","password":"fmsledger-demo"})", "application/json");
  ASSERT_EQ(reply.status, 201) << reply.body;
  const std::string cookie = reply.header("set-cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
}

TEST(Api, FinanceImportsExchangeRatesThatEveryReaderSees) {
  ApiServer server;
  HttpClient finance = server.client();
  ASSERT_EQ(finance.sign_in("finance", kDemoPassword).status, 201);
  const std::string rates =
      "date,pair,rate,source\n2026-11-30,USD/JPY,155.10,month-end rate (illustrative)\n";
  const auto imported =
      finance.send("POST", "/api/rates?source=usd-jpy-2026-11.csv", rates, "text/csv");
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(imported.json().at("new_points"), 1);
  EXPECT_EQ(finance.send("POST", "/api/rates", rates, "text/csv").status, 200);
  const auto conflicting =
      finance.send("POST", "/api/rates",
                   "date,pair,rate,source\n2026-11-30,USD/JPY,150.00,another source\n", "text/csv");
  EXPECT_EQ(conflicting.status, 422) << conflicting.body;
  EXPECT_NE(conflicting.json().at("detail").get<std::string>().find("already recorded as 155.10"),
            std::string::npos);
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  const auto listed = viewer.get("/api/rates?pair=usd/jpy&as_of=2026-11-30").json();
  ASSERT_FALSE(listed.at("rates").empty());
  EXPECT_EQ(listed.at("rates").back().at("date"), "2026-11-30");
  EXPECT_EQ(listed.at("rates").back().at("rate"), "155.10");
  EXPECT_EQ(viewer.send("POST", "/api/rates", rates, "text/csv").status, 403);
}

TEST(Api, ASessionEndsAfterItsIdleTime) {
  http::ApiOptions options;
  options.sessions.idle = std::chrono::seconds(1);
  ApiServer server(options);
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  EXPECT_EQ(viewer.get("/api/session").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(viewer.get("/api/session").status, 401);
}

TEST(Api, SignOutEndsTheSession) {
  ApiServer server;
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  const auto session = viewer.session();
  EXPECT_EQ(viewer.send("DELETE", "/api/session").status, 204);
  EXPECT_FALSE(viewer.session().has_value());
  HttpClient replay = server.client();
  EXPECT_EQ(replay.get("/api/session", {{"Cookie", "fmsledger_session=" + *session}}).status, 401);
}

TEST(Api, ARevokedTokenNoLongerWorks) {
  ApiServer server;
  HttpClient finance = server.client();
  ASSERT_EQ(finance.sign_in("finance", kDemoPassword).status, 201);
  const auto issued = finance.post_json("/api/tokens", {{"label", "monthly bills script"}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  const std::string token = issued.json().at("token");
  const std::string token_id = issued.json().at("token_id");
  HttpClient script = server.client();
  script.use_token(token);
  EXPECT_EQ(script.get("/api/reports/forecast?case=JA-P-TWK").status, 200);
  // A token needs no CSRF token (a browser never sends it on its own): a bad payments file is
  // refused for what it is, not for a missing CSRF token.
  EXPECT_EQ(
      script.send("POST", "/api/imports/payments", "not,a,payments,file\n", "text/csv").status,
      422);
  EXPECT_EQ(finance.send("DELETE", "/api/tokens/" + token_id).status, 204);
  EXPECT_EQ(script.get("/api/cases").status, 401);
  // Only the hash is stored.
  for (const auto& event : server.events()) {
    EXPECT_EQ(event.payload.find(token.substr(token.rfind('_') + 1)), std::string::npos);
  }
}

TEST(Api, FailedSignInsBackOffPerSourceAndAreAuditedOncePerSourceAndWindow) {
  http::ApiOptions options;
  options.throttle.source_free_failures = 2;
  options.throttle.source_first_delay = std::chrono::seconds(30);
  options.throttle.account_free_failures = 100;
  options.failed_sign_in_window = std::chrono::seconds(1);
  ApiServer server(options);
  HttpClient guesser(server.port(), "127.0.0.2");
  const auto wrong = guesser.sign_in("admin", "wrong password 1");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.json().at("code"), "sign-in-failed");
  EXPECT_EQ(guesser.sign_in("admin", "wrong password 2").status, 401);
  // Backing off: even the right password is not checked now, from that address.
  const auto waiting = guesser.sign_in("admin", kDemoPassword);
  EXPECT_EQ(waiting.status, 429);
  EXPECT_FALSE(waiting.header("retry-after").empty());
  // Whatever name it tries; a name that does not exist is treated the same way.
  EXPECT_EQ(guesser.sign_in("nobody", "wrong password 3").status, 429);
  // The real administrator, from their own address, is not locked out.
  EXPECT_EQ(server.client().sign_in("admin", kDemoPassword).status, 201);

  // Once the window has ended, the next request writes one event for the guessing address.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(server.client().get("/healthz").status, 200);
  std::vector<nlohmann::json> summaries;
  for (const auto& event : server.events()) {
    EXPECT_NE(event.type, "audit.login_failed") << "one event per failure is no more";
    if (event.type == "audit.logins_failed")
      summaries.push_back(nlohmann::json::parse(event.payload));
  }
  ASSERT_EQ(summaries.size(), 1U);
  EXPECT_EQ(summaries[0].at("remote"), "127.0.0.2");
  EXPECT_EQ(summaries[0].at("failures"), 4);
  EXPECT_EQ(summaries[0].at("reasons"), (nlohmann::json{{"throttled", 2}, {"wrong password", 2}}));
  EXPECT_EQ(summaries[0].at("users"), (nlohmann::json{"admin", "nobody"}));
  const std::string metrics = server.client().get("/metrics").body;
  EXPECT_NE(metrics.find("fmsledger_logins_total{outcome=\"failure\"} 2"), std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("fmsledger_logins_total{outcome=\"throttled\"} 2"), std::string::npos);
}

TEST(Api, AnyPasswordChangeEndsTheUsersSessionsEvenFromAnotherProcess) {
  http::ApiOptions options;
  options.access_refresh = std::chrono::milliseconds(0);
  ApiServer server(options);
  HttpClient pmo = server.client();
  ASSERT_EQ(pmo.sign_in("pmo", kDemoPassword).status, 201);
  ASSERT_EQ(pmo.get("/api/session").status, 200);
  // As `fmsledger user passwd` does: straight to the log, not through this server.
  ledger::AccessLedger cli(server.store(), *ledger::Clock::fixed("2026-11-25T12:00:00Z"),
                           ledger::PasswordCost::minimum());
  ASSERT_TRUE(cli.set_password("pmo", "a new password 2", "operator").ok());
  EXPECT_EQ(pmo.get("/api/session").status, 401);
  // Through the API, the answer says how many sessions ended.
  HttpClient again = server.client();
  ASSERT_EQ(again.sign_in("pmo", "a new password 2").status, 201);
  HttpClient admin = server.client();
  admin.use_token(server.token_for("admin"));
  const auto changed =
      admin.post_json("/api/users/pmo/password", {{"password", "a third password 3"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json().at("sessions_ended"), 1);
  EXPECT_EQ(again.get("/api/session").status, 401);
}

// Readers work on snapshots over connections of their own: while a write holds the ledger
// (a reconciliation of millions of rows does, for a minute), health, a case and the reports
// are answered. Timing is the benchmark's business (docs/benchmark.md); this shows only that
// the reads do not wait.
TEST(Api, ReadsAreAnsweredWhileAWriteHoldsTheLedger) {
  ApiServer server;
  HttpClient viewer = server.client();
  viewer.use_token(server.token_for("viewer"));
  std::promise<void> holding;
  std::promise<void> release;
  std::thread writer([&] {
    server.api().with_ledger([&](ledger::Database&) {
      holding.set_value();
      release.get_future().wait();
      return 0;
    });
  });
  holding.get_future().wait();
  auto reads = std::async(std::launch::async, [&] {
    std::vector<int> statuses;
    for (const std::string target :
         {"/healthz", "/api/cases/JA-P-TWK", "/api/cases", "/api/reports/status",
          "/api/discrepancies?case=JA-P-TWK", "/api/reports/forecast", "/api/documents"}) {
      statuses.push_back(viewer.get(target).status);
    }
    return statuses;
  });
  const bool answered = reads.wait_for(std::chrono::seconds(120)) == std::future_status::ready;
  release.set_value();
  writer.join();
  ASSERT_TRUE(answered) << "the reads waited for the writer";
  EXPECT_EQ(reads.get(), std::vector<int>(7, 200));
}

TEST(Api, BadRequestsAreProblemsAndChangeNothing) {
  http::ServerConfig config;
  config.limits.body_bytes_max = 4096;
  ApiServer server({}, config);
  HttpClient pmo = server.client();
  ASSERT_EQ(pmo.sign_in("pmo", kDemoPassword).status, 201);
  const std::size_t before = server.recorded_outside_audit();
  struct Case {
    const char* what;
    HttpReply reply;
    int status;
  };
  const std::string etag = pmo.get("/api/cases/JA-D-AMX").header("etag");
  std::vector<Case> cases{
      {"oversized body",
       pmo.send("POST", "/api/imports/receipts", std::string(5000, 'x'), "text/csv"), 413},
      {"malformed JSON",
       pmo.send("POST", "/api/cases/JA-D-AMX/transitions", "{\"to\": ", "application/json",
                {{"If-Match", etag}}),
       400},
      {"wrong content type",
       pmo.send("POST", "/api/imports/receipts", kNewReceipt, "application/json"), 415},
      {"unknown field",
       pmo.post_json(
           "/api/cases/JA-D-AMX/transitions",
           {{"to", "accepted"}, {"date", "2026-11-20"}, {"reason", "signed"}, {"signed_by", "x"}},
           {{"If-Match", etag}}),
       422},
      {"bad CSV row",
       pmo.send("POST", "/api/imports/receipts",
                kNewReceipt +
                    "JKR-2026-0302,PJAZTWK6100002,JA-P-TWK,001,2026-10-21,-3,0,0,,Sato Kenji\n",
                "text/csv"),
       422},
      {"unknown query parameter", pmo.get("/api/cases?colour=red"), 400},
      {"bad cursor", pmo.get("/api/cases?cursor=zz"), 400},
      {"unknown route", pmo.get("/api/nothing-here"), 404},
      {"wrong method", pmo.send("PUT", "/api/cases"), 405},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(c.reply.status, c.status) << c.what << ": " << c.reply.body;
    EXPECT_EQ(c.reply.header("content-type"), "application/problem+json") << c.what;
    const auto body = c.reply.json();
    EXPECT_EQ(body.at("status"), c.status) << c.what;
    EXPECT_FALSE(body.at("detail").get<std::string>().empty()) << c.what;
  }
  const std::string bad_row = cases[4].reply.json().at("detail");
  EXPECT_EQ(bad_row.rfind("request body:3: field \"quantity_received\"", 0), 0U) << bad_row;
  EXPECT_EQ(server.recorded_outside_audit(), before);
}

TEST(Api, SignInsDenialsAndExportsAreAudited) {
  ApiServer server;
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  EXPECT_EQ(viewer.send("POST", "/api/imports/receipts", kNewReceipt, "text/csv").status, 403);
  const auto csv = viewer.get("/api/reports/status", {{"Accept", "text/csv"}});
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(server.client().sign_in("viewer", "not the password").status, 401);
  server.api().audit_failed_sign_ins(true);  // as at the end of the minute, or at shutdown
  std::map<std::string, int> seen;
  for (const auto& event : server.events()) {
    if (event.case_id != store::kAuditStream) continue;
    ++seen[event.type];
    // Failed sign-ins are counted per client address, by no one in particular.
    EXPECT_EQ(event.actor, event.type == "audit.logins_failed" ? "anonymous" : "viewer");
  }
  EXPECT_EQ(seen["audit.login"], 1);
  EXPECT_EQ(seen["audit.denied"], 1);
  EXPECT_EQ(seen["audit.exported"], 1);
  EXPECT_EQ(seen["audit.logins_failed"], 1);
  // The auditor reads them; the viewer may not.
  HttpClient auditor = server.client();
  ASSERT_EQ(auditor.sign_in("auditor", kDemoPassword).status, 201);
  EXPECT_GE(auditor.get("/api/audit").json().at("events").size(), 4U);
  EXPECT_EQ(viewer.get("/api/audit").status, 403);
}

TEST(Api, AnAuditorOfOneOrganisationAuditsOnlyItsPeopleAndCases) {
  ApiServer server;
  ASSERT_TRUE(server.access()
                  .add_user("kr-auditor", "KRDAPA auditor", "kr auditor password", "admin")
                  .ok());
  ASSERT_TRUE(server.access()
                  .grant("kr-auditor", ledger::Grant{ledger::Role::auditor, "KRDAPA"}, "admin")
                  .ok());
  server.api().access_book(true);
  // viewer (JMOD) exports a report; dapa (KRDAPA) signs in.
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  ASSERT_EQ(viewer.get("/api/reports/status", {{"Accept", "text/csv"}}).status, 200);
  ASSERT_EQ(server.client().sign_in("dapa", kDemoPassword).status, 201);

  auto users_in = [](const HttpReply& reply) {
    std::set<std::string> users;
    const nlohmann::json body = reply.json();
    for (const auto& event : body.at("events")) users.insert(event.at("actor"));
    return users;
  };
  HttpClient kr = server.client();
  ASSERT_EQ(kr.sign_in("kr-auditor", "kr auditor password").status, 201);
  const auto kr_audit = kr.get("/api/audit");
  ASSERT_EQ(kr_audit.status, 200);
  EXPECT_EQ(users_in(kr_audit), (std::set<std::string>{"dapa", "kr-auditor"}));
  HttpClient auditor = server.client();
  ASSERT_EQ(auditor.sign_in("auditor", kDemoPassword).status, 201);
  const auto jmod_audit = auditor.get("/api/audit");
  EXPECT_EQ(users_in(jmod_audit), (std::set<std::string>{"auditor", "viewer"}));
  HttpClient admin = server.client();
  ASSERT_EQ(admin.sign_in("admin", kDemoPassword).status, 201);
  const auto all = users_in(admin.get("/api/audit"));
  EXPECT_TRUE(all.count("dapa") == 1 && all.count("viewer") == 1 && all.count("admin") == 1);

  // Verify checks the whole chain for each of them, and counts only what each may audit.
  const auto everything = admin.get("/api/verify").json();
  const auto jmod = auditor.get("/api/verify").json();
  const auto krdapa = kr.get("/api/verify").json();
  EXPECT_EQ(everything.at("scope"), "all organisations");
  EXPECT_EQ(jmod.at("scope"), nlohmann::json::array({"JMOD"}));
  EXPECT_EQ(krdapa.at("scope"), nlohmann::json::array({"KRDAPA"}));
  EXPECT_TRUE(jmod.at("ok").get<bool>());
  EXPECT_EQ(jmod.at("head_hash"), krdapa.at("head_hash"));
  EXPECT_GT(jmod.at("cases").get<int>(), 0);
  EXPECT_EQ(jmod.at("cases"), everything.at("cases")) << "every demo case is Japan's";
  EXPECT_GT(jmod.at("documents").get<int>(), 0);
  EXPECT_EQ(krdapa.at("cases"), 0);
  EXPECT_EQ(krdapa.at("documents"), 0);
}

TEST(Api, DiscrepanciesFollowAWriteMadeOutsideTheServer) {
  ApiServer server;
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  const auto before = viewer.get("/api/discrepancies?case=JA-P-TWK");
  ASSERT_EQ(before.status, 200);
  EXPECT_FALSE(names_receipt(before.json().at("discrepancies"), "JKR-2026-0301"));
  // Another writer (the CLI, say) records receipts; the shared view must not hide them.
  ASSERT_TRUE(server.database()
                  .execution()
                  .import_execution(ExecutionKind::receipts, kNewReceipt, "cli.csv", {},
                                    fms::testing::host_scope("cli"))
                  .ok());
  const auto after = viewer.get("/api/discrepancies?case=JA-P-TWK");
  ASSERT_EQ(after.status, 200);
  EXPECT_TRUE(names_receipt(after.json().at("discrepancies"), "JKR-2026-0301")) << after.body;
  // A case never recorded is not found, as another organisation's case is.
  const auto unknown = viewer.get("/api/discrepancies?case=JA-P-ZZZ");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.json().at("detail"), "case JA-P-ZZZ not found");
  // Signing in records audit events only: the view is not folded again for them, and the
  // answer is the same.
  ASSERT_EQ(server.client().sign_in("pmo", kDemoPassword).status, 201);
  EXPECT_EQ(viewer.get("/api/discrepancies?case=JA-P-TWK").body, after.body);
}

TEST(Api, EveryReportAnswersAWorkbookByAccept) {
  ApiServer server;
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  const std::string xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  std::size_t exports = 0;
  for (const std::string report : {"status", "closure", "exceptions", "sdr", "forecast"}) {
    const auto answer = viewer.get("/api/reports/" + report, {{"Accept", xlsx}});
    ASSERT_EQ(answer.status, 200) << report << ": " << answer.body;
    EXPECT_EQ(answer.header("content-type"), xlsx) << report;
    EXPECT_EQ(answer.body.substr(0, 2), "PK") << report << " is a zip package";
    EXPECT_NE(answer.header("content-disposition").find(report + ".xlsx"), std::string::npos);
    ++exports;
  }
  std::size_t audited = 0;
  for (const auto& event : server.events()) {
    if (event.type == "audit.exported" && event.payload.find("\"xlsx\"") != std::string::npos) {
      ++audited;
    }
  }
  EXPECT_EQ(audited, exports);
}

TEST(Api, EveryAnsweredRequestWritesOneJsonLogLine) {
  auto lines = std::make_shared<std::vector<std::string>>();
  auto lines_mutex = std::make_shared<std::mutex>();
  http::ApiOptions options;
  options.log = [lines, lines_mutex](const std::string& line) {
    const std::lock_guard lock(*lines_mutex);
    lines->push_back(line);
  };
  ApiServer server(options);
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  ASSERT_EQ(viewer.get("/api/cases/JA-P-TWK").status, 200);
  ASSERT_EQ(viewer.get("/api/cases/JA-P-ZZZ").status, 404);
  ASSERT_EQ(server.client().get("/healthz").status, 200);
  // The server logs after the answer is written: wait for the fourth line.
  for (int i = 0; i < 200; ++i) {
    {
      const std::lock_guard lock(*lines_mutex);
      if (lines->size() >= 4) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const std::lock_guard lock(*lines_mutex);
  ASSERT_EQ(lines->size(), 4U);
  std::vector<nlohmann::json> parsed;
  for (const std::string& line : *lines) {
    EXPECT_EQ(line.find('\n'), std::string::npos) << "one line per request";
    parsed.push_back(nlohmann::json::parse(line));
  }
  std::sort(parsed.begin(), parsed.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return a.at("path").get<std::string>() < b.at("path").get<std::string>();
  });
  EXPECT_EQ(parsed[0].at("path"), "/api/cases/JA-P-TWK");
  EXPECT_EQ(parsed[0].at("route"), "/api/cases/{case_id}");
  EXPECT_EQ(parsed[0].at("status"), 200);
  EXPECT_EQ(parsed[0].at("user"), "viewer");
  EXPECT_EQ(parsed[0].at("method"), "GET");
  EXPECT_EQ(parsed[0].at("remote"), "127.0.0.1");
  EXPECT_GT(parsed[0].at("bytes").get<int>(), 0);
  EXPECT_GE(parsed[0].at("duration_ms").get<double>(), 0.0);
  EXPECT_EQ(parsed[1].at("path"), "/api/cases/JA-P-ZZZ");
  EXPECT_EQ(parsed[1].at("status"), 404);
  EXPECT_EQ(parsed[2].at("path"), "/api/session");
  EXPECT_EQ(parsed[2].at("status"), 201);
  EXPECT_EQ(parsed[3].at("path"), "/healthz");
  EXPECT_EQ(parsed[3].at("user"), "");
  for (const auto& line : parsed) {
    EXPECT_TRUE(line.contains("time"));
    EXPECT_EQ(line.dump().find(kDemoPassword), std::string::npos) << "no password in the log";
  }
}

TEST(Api, ListsArePagedByCursor) {
  ApiServer server;
  HttpClient viewer = server.client();
  ASSERT_EQ(viewer.sign_in("viewer", kDemoPassword).status, 201);
  std::vector<std::string> all;
  const auto listed = viewer.get("/api/cases").json();
  for (const auto& row : listed.at("cases")) all.push_back(row.at("case_id"));
  ASSERT_GE(all.size(), 3U);
  std::vector<std::string> paged;
  std::string target = "/api/cases?limit=2";
  for (int guard = 0; guard < 20; ++guard) {
    const auto page = viewer.get(target).json();
    EXPECT_LE(page.at("cases").size(), 2U);
    for (const auto& row : page.at("cases")) paged.push_back(row.at("case_id"));
    if (page.at("next_cursor").is_null()) break;
    target = "/api/cases?limit=2&cursor=" + page.at("next_cursor").get<std::string>();
  }
  EXPECT_EQ(paged, all);
}

TEST(Api, HealthAndMetricsNeedNoSignIn) {
  ApiServer server;
  HttpClient anyone = server.client();
  EXPECT_EQ(anyone.get("/healthz").json().at("status"), "ok");
  anyone.get("/api/cases");
  const auto metrics = anyone.get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(
      metrics.body.find(
          "fmsledger_http_requests_total{method=\"GET\",route=\"/api/cases\",status=\"401\"} 1"),
      std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("fmsledger_http_request_duration_seconds_bucket{route=\"/healthz\""),
            std::string::npos);
  EXPECT_EQ(anyone.get("/api/cases").status, 401);
}

// POST /api/reconciliation answers with the words `fmsledger reconcile --json` prints
// (report/reconciliation_run.h): the run's matches, and its discrepancies counted in the
// caller's cases, which for Japan's case manager are every case of the demo.
TEST(Api, AReconciliationRunAnswersAsTheCommandLineDoes) {
  ApiServer server;
  HttpClient pmo = server.client();
  pmo.use_token(server.token_for("pmo"));
  const auto run =
      pmo.send("POST", "/api/reconciliation", R"({"as_of":"2026-11-25"})", "application/json");
  ASSERT_EQ(run.status, 201) << run.body;
  const auto book = server.database().execution().load();
  ASSERT_TRUE(book.ok()) << book.error().message;
  ASSERT_TRUE(book->last_run.has_value());
  const auto& recorded = book->last_run->run;
  EXPECT_EQ(recorded.as_of.to_string(), "2026-11-25");
  EXPECT_GT(recorded.matches, 0);
  EXPECT_GT(recorded.discrepancies, 0);
  EXPECT_EQ(run.json(), report::reconciliation_run_json(report::whole_run(recorded))) << run.body;
}

}  // namespace
}  // namespace fms::testing
