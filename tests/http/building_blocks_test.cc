// The server's small parts on their own: the router, request helpers, problem documents, the
// sign-in throttle, web sessions, pagination and content negotiation.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "http/failed_sign_ins.h"
#include "http/login_throttle.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/pagination.h"
#include "http/problem.h"
#include "http/responses.h"
#include "http/router.h"
#include "http/web_sessions.h"

namespace fms::http {
namespace {

using namespace std::chrono_literals;

Response named(std::string text) {
  Response response;
  response.body = std::move(text);
  return response;
}

TEST(Router, MatchesLiteralsBeforeParametersAndReportsOtherMethods) {
  Router router;
  router.add({"GET", "/api/cases/{case_id}", Permission::read, Scope::case_id,
              [](Call&) { return named("case"); }});
  router.add({"GET", "/api/cases/export", Permission::read, Scope::portfolio,
              [](Call&) { return named("export"); }});
  router.add({"POST", "/api/cases", Permission::manage_case, Scope::portfolio,
              [](Call&) { return named("import"); }});
  auto match = router.match("GET", "/api/cases/JA-P-TWK");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/cases/{case_id}");
  EXPECT_EQ(match.params.at("case_id"), "JA-P-TWK");
  EXPECT_EQ(router.match("GET", "/api/cases/export").route->pattern, "/api/cases/export");
  const auto wrong_method = router.match("GET", "/api/cases");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_EQ(wrong_method.allowed_methods, std::vector<std::string>{"POST"});
  EXPECT_EQ(router.match("GET", "/api/cases/").route, nullptr) << "an empty segment is no id";
  EXPECT_EQ(router.match("GET", "/api/cases/JA-P-TWK/extra").route, nullptr);
}

TEST(Router, DecodesEachSegmentSoAnEncodedSlashStaysInItsParameter) {
  Router router;
  router.add({"GET", "/api/sdrs/{number}", Permission::read, Scope::sdr,
              [](Call&) { return named("sdr"); }});
  router.add({"POST", "/api/sdrs/{number}/steps", Permission::manage_case, Scope::sdr,
              [](Call&) { return named("step"); }});
  const auto one = router.match("GET", "/api/sdrs/A0001-JA-TWK%2F001");
  ASSERT_NE(one.route, nullptr);
  EXPECT_EQ(one.params.at("number"), "A0001-JA-TWK/001");
  const auto steps = router.match("POST", "/api/sdrs/A0001-JA-TWK%2f001R/steps");
  ASSERT_NE(steps.route, nullptr);
  EXPECT_EQ(steps.params.at("number"), "A0001-JA-TWK/001R");
  EXPECT_EQ(router.match("GET", "/api/sdrs/A0001-JA-TWK/001").route, nullptr)
      << "an unencoded slash separates segments";
  EXPECT_EQ(router.match("GET", "/api/%73drs/A0001").route->pattern, "/api/sdrs/{number}");
  EXPECT_EQ(router.match("GET", "/api/sdrs/A0001%2").route, nullptr) << "a malformed escape";
}

TEST(Message, DecodesPercentEscapesQueriesAndCookies) {
  EXPECT_EQ(percent_decode("JA%2DP%2dTWK", false), "JA-P-TWK");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_FALSE(percent_decode("bad%2", false).has_value());
  EXPECT_FALSE(percent_decode("bad%zz", false).has_value());
  Request request;
  request.query = "case=JA-P-TWK&as_of=2026-10-31&empty=&flag";
  request.headers = {{"cookie", "theme=dark; fmsledger_session=abc123 ; other=1"}};
  EXPECT_EQ(request.query_param("case"), "JA-P-TWK");
  EXPECT_EQ(request.query_param("empty"), "");
  EXPECT_EQ(request.query_param("flag"), "");
  EXPECT_FALSE(request.query_param("missing").has_value());
  EXPECT_EQ(request.query_names(), (std::vector<std::string>{"case", "as_of", "empty", "flag"}));
  EXPECT_EQ(request.cookie("fmsledger_session"), "abc123");
  EXPECT_FALSE(request.cookie("session").has_value());
}

TEST(Problem, CarriesTheLocatedMessageAndItsLines) {
  const Response one =
      problem_for(Error::invalid("receipts.csv:3: field \"qty\": \"-3\" is negative"));
  EXPECT_EQ(one.status, 422);
  EXPECT_EQ(one.content_type, "application/problem+json");
  const auto body = nlohmann::json::parse(one.body);
  EXPECT_EQ(body.at("type"), "about:blank");
  EXPECT_EQ(body.at("title"), "Unprocessable Content");
  EXPECT_EQ(body.at("detail"), "receipts.csv:3: field \"qty\": \"-3\" is negative");
  EXPECT_FALSE(body.contains("errors"));
  const auto many = nlohmann::json::parse(problem(422, "a.csv:2: one\na.csv:5: two").body);
  EXPECT_EQ(many.at("errors"), nlohmann::json::array({"a.csv:2: one", "a.csv:5: two"}));
  EXPECT_EQ(problem_for(Error::not_found("case JA-P-ZZZ not found")).status, 404);
  EXPECT_EQ(problem_for(Error::conflict("changed")).status, 409);
  // An internal error's words stay in the log.
  const Response internal = problem_for(Error::internal("disk full at /var/lib/x"));
  EXPECT_EQ(internal.status, 500);
  EXPECT_EQ(internal.body.find("/var/lib/x"), std::string::npos);
  EXPECT_EQ(internal.log_error, "disk full at /var/lib/x");
}

TEST(Problem, CarriesAStableCodeByStatusThatANarrowerOneReplaces) {
  const auto code_of = [](int status) {
    return nlohmann::json::parse(problem(status, "x").body).at("code").get<std::string>();
  };
  EXPECT_EQ(code_of(422), "invalid-input");
  EXPECT_EQ(code_of(404), "not-found");
  EXPECT_EQ(code_of(409), "conflict");
  EXPECT_EQ(code_of(412), "precondition-failed");
  EXPECT_EQ(code_of(401), "not-signed-in");
  EXPECT_EQ(code_of(413), "too-large");
  EXPECT_EQ(code_of(500), "server-error");
  EXPECT_EQ(code_of(418), "error");
  EXPECT_EQ(nlohmann::json::parse(problem(401, "x", {{"code", "sign-in-failed"}}).body).at("code"),
            "sign-in-failed");
  EXPECT_EQ(nlohmann::json::parse(problem_for(Error::not_found("gone")).body).at("code"),
            "not-found");
}

TEST(LoginThrottle, ASourceBacksOffAndAnAccountGetsOnlyAShortDelay) {
  ThrottlePolicy policy;
  policy.source_free_failures = 2;
  policy.source_first_delay = 10s;
  policy.source_max_delay = 900s;
  policy.account_free_failures = 4;
  policy.account_first_delay = 1s;
  policy.account_max_delay = 5s;
  LoginThrottle throttle(policy);
  const WallClock::time_point t0{};
  // An attacker at one address: two free guesses, then doubling waits, never a lockout.
  EXPECT_TRUE(throttle.begin("pmo", "10.0.0.9", t0).allowed);
  EXPECT_TRUE(throttle.begin("pmo", "10.0.0.9", t0).allowed);
  auto verdict = throttle.begin("pmo", "10.0.0.9", t0 + 1s);
  EXPECT_FALSE(verdict.allowed);
  EXPECT_EQ(verdict.retry_after, 9s);
  EXPECT_TRUE(throttle.begin("pmo", "10.0.0.9", t0 + 10s).allowed);  // 3 failures: 20 s
  EXPECT_FALSE(throttle.begin("pmo", "10.0.0.9", t0 + 29s).allowed);
  EXPECT_TRUE(throttle.begin("pmo", "10.0.0.9", t0 + 30s).allowed);  // the account's 4th
  // The account has failed 4 times: everyone waits a little, up to 5 s, never for good.
  verdict = throttle.begin("pmo", "192.168.1.5", t0 + 30s);
  EXPECT_FALSE(verdict.allowed);
  EXPECT_EQ(verdict.retry_after, 1s);
  EXPECT_TRUE(throttle.begin("pmo", "192.168.1.5", t0 + 31s).allowed);
  throttle.succeeded("pmo", "192.168.1.5");  // the real user, from their own address
  EXPECT_TRUE(throttle.begin("pmo", "192.168.1.5", t0 + 31s).allowed);
  EXPECT_FALSE(throttle.begin("viewer", "10.0.0.9", t0 + 31s).allowed)
      << "the attacking address waits whatever name it tries";
  EXPECT_TRUE(throttle.begin("viewer", "10.0.0.7", t0 + 31s).allowed);
}

TEST(LoginThrottle, ConcurrentAttemptsAreCheckedOneAtATimePastTheFreeOnes) {
  ThrottlePolicy policy;
  policy.source_free_failures = 3;
  LoginThrottle throttle(policy);
  const WallClock::time_point t0{};
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 40; ++i) {
    threads.emplace_back([&] {
      if (throttle.begin("admin", "10.0.0.9", t0).allowed) ++allowed;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(allowed.load(), 3);
}

TEST(LoginThrottle, KeepsAtMostItsLimitOfRecords) {
  ThrottlePolicy policy;
  policy.records_max = 3;
  policy.source_free_failures = 1;
  policy.source_first_delay = 60s;
  LoginThrottle throttle(policy);
  const WallClock::time_point t0{};
  for (int i = 0; i < 10; ++i) {
    const std::string source = "10.0.0." + std::to_string(i);
    for (int k = 0; k < 2; ++k)
      (void)throttle.begin("u" + std::to_string(i), source, t0 + std::chrono::seconds(i));
  }
  EXPECT_TRUE(throttle.begin("u0", "10.0.0.0", t0 + 10s).allowed) << "the oldest was dropped";
  EXPECT_FALSE(throttle.begin("u9", "10.0.0.9", t0 + 10s).allowed);
}

TEST(FailedSignIns, OneSummaryPerSourceAndWindowWithTheCount) {
  FailedSignIns failed(60s, 2);
  const WallClock::time_point t0{};
  for (int i = 0; i < 300; ++i) {
    failed.add("10.0.0.9", "admin" + std::to_string(i % 30), "wrong password",
               t0 + std::chrono::milliseconds(i));
  }
  failed.add("10.0.0.8", "pmo", "throttled", t0 + 1s);
  failed.add("10.0.0.7", "x", "unknown user", t0 + 2s);  // past the limit of two sources
  EXPECT_TRUE(failed.take_ended(t0 + 59s).empty());
  auto ended = failed.take_ended(t0 + 62s);
  ASSERT_EQ(ended.size(), 3U);
  std::map<std::string, FailedSignInSummary> by_remote;
  for (auto& summary : ended) by_remote[summary.remote] = summary;
  EXPECT_EQ(by_remote.at("10.0.0.9").failures, 300);
  EXPECT_EQ(by_remote.at("10.0.0.9").users.size(), kFailedSignInUsersMax);
  EXPECT_EQ(by_remote.at("10.0.0.9").reasons.at("wrong password"), 300);
  EXPECT_EQ(by_remote.at("10.0.0.8").reasons.at("throttled"), 1);
  EXPECT_EQ(by_remote.at("(other sources)").failures, 1);
  EXPECT_TRUE(failed.take_all().empty());
}

TEST(WebSessions, ExpireWhenIdleOrTooOldAndEndPerUser) {
  SessionPolicy policy;
  policy.idle = 60s;
  policy.absolute = 300s;
  policy.sessions_max = 2;
  WebSessions sessions(policy);
  const WallClock::time_point t0{};
  const WebSession a = sessions.create("pmo", t0);
  EXPECT_EQ(a.id.size(), 64U);
  EXPECT_EQ(a.csrf_token.size(), 64U);
  EXPECT_NE(a.id, a.csrf_token);
  EXPECT_TRUE(sessions.touch(a.id, t0 + 59s).has_value());
  EXPECT_TRUE(sessions.touch(a.id, t0 + 118s).has_value()) << "each request restarts the idle time";
  EXPECT_FALSE(sessions.touch(a.id, t0 + 178s).has_value());
  const WebSession b = sessions.create("pmo", t0);
  for (int step = 1; step <= 5; ++step) {
    EXPECT_TRUE(sessions.touch(b.id, t0 + std::chrono::seconds(50 * step)).has_value());
  }
  EXPECT_FALSE(sessions.touch(b.id, t0 + 300s).has_value()) << "absolute limit";
  const WebSession c = sessions.create("viewer", t0);
  const WebSession d = sessions.create("pmo", t0 + 1s);
  sessions.end_all_of("pmo");
  EXPECT_FALSE(sessions.touch(d.id, t0 + 2s).has_value());
  EXPECT_TRUE(sessions.touch(c.id, t0 + 2s).has_value());
  sessions.create("x", t0 + 3s);
  sessions.create("y", t0 + 4s);
  EXPECT_LE(sessions.size(), 2U);
}

TEST(Pagination, CursorsResumeAfterTheLastKey) {
  Request request;
  request.query = "limit=2";
  PageRequest page = read_page(request, 100, 1000).value();
  const std::vector<std::string> items{"a", "b", "c", "d", "e"};
  auto [first, next] = page_of(items, page, [](const std::string& s) { return s; });
  ASSERT_EQ(first.size(), 2U);
  ASSERT_TRUE(next.has_value());
  request.query = "limit=2&cursor=" + *next;
  page = read_page(request, 100, 1000).value();
  auto [second, next2] = page_of(items, page, [](const std::string& s) { return s; });
  EXPECT_EQ(*second.front(), "c");
  request.query = "limit=0";
  EXPECT_FALSE(read_page(request, 100, 1000).ok());
  request.query = "limit=1001";
  EXPECT_FALSE(read_page(request, 100, 1000).ok());
  request.query = "cursor=xyz";
  EXPECT_FALSE(read_page(request, 100, 1000).ok());
}

TEST(Negotiation, PicksTheFirstOfferedTypeTheClientAccepts) {
  Request request;
  const std::vector<std::string> offered{"application/json", "text/csv"};
  EXPECT_EQ(negotiate(request, offered), "application/json");
  request.headers = {{"accept", "text/csv"}};
  EXPECT_EQ(negotiate(request, offered), "text/csv");
  request.headers = {{"accept", "text/html, */*;q=0.8"}};
  EXPECT_EQ(negotiate(request, offered), "application/json");
  request.headers = {{"accept", "application/pdf"}};
  EXPECT_FALSE(negotiate(request, offered).has_value());
  request.headers = {{"accept", "text/csv;q=0, application/json"}};
  EXPECT_EQ(negotiate(request, offered), "application/json");
}

TEST(Metrics, ExposesCountersAndHistogramsInPrometheusText) {
  Metrics metrics;
  metrics.request("GET", "/api/cases/{case_id}", 200, 300us);
  metrics.request("GET", "/api/cases/{case_id}", 404, 7ms);
  metrics.import("receipts", "recorded");
  metrics.login("failure");
  const std::string text = metrics.exposition();
  EXPECT_NE(text.find("fmsledger_http_requests_total{method=\"GET\",route=\"/api/cases/"
                      "{case_id}\",status=\"200\"} 1"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("fmsledger_http_request_duration_seconds_bucket{route=\"/api/cases/"
                      "{case_id}\",le=\"0.0005\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("fmsledger_http_request_duration_seconds_bucket{route=\"/api/cases/"
                      "{case_id}\",le=\"0.01\"} 2"),
            std::string::npos);
  EXPECT_NE(
      text.find("fmsledger_http_request_duration_seconds_count{route=\"/api/cases/{case_id}\"} 2"),
      std::string::npos);
  EXPECT_NE(text.find("fmsledger_http_errors_total{class=\"client\"} 1"), std::string::npos);
  EXPECT_NE(text.find("fmsledger_imports_total{kind=\"receipts\",outcome=\"recorded\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("fmsledger_logins_total{outcome=\"failure\"} 1"), std::string::npos);
  EXPECT_NE(text.find("fmsledger_logins_total{outcome=\"success\"} 0"), std::string::npos);
}

}  // namespace
}  // namespace fms::http
