// The REST API: the route table (routes_*.cc), and for every request the same steps in the same
// order — find the route, find the caller (session cookie or API token), check the CSRF token
// of a cookie-borne unsafe request, check the caller's roles over the organisation of the case
// (or over any organisation, for portfolio routes), then run the handler, which calls the same
// ledger commands as the CLI with the caller as actor.
//
// A case of an organisation the caller holds no role over is answered exactly as a case that
// does not exist (404, same message), on every route; denials are recorded in the audit stream.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <variant>

#include "core/reference_data.h"
#include "http/failed_sign_ins.h"
#include "http/login_throttle.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/problem.h"
#include "http/responses.h"
#include "http/router.h"
#include "http/static_files.h"
#include "http/web_sessions.h"
#include "ledger/access/access_book.h"
#include "ledger/access/access_ledger.h"
#include "ledger/access/scope.h"
#include "ledger/database.h"
#include "query/reader.h"

namespace fms::http {

// The largest body a request without a valid session or token may send (signing in).
inline constexpr std::size_t kAnonymousBodyBytesMax = 16 * 1024;

struct ApiOptions {
  SessionPolicy sessions;
  ThrottlePolicy throttle;
  // Failed sign-ins are audited as one event per source per window (http/failed_sign_ins.h).
  std::chrono::seconds failed_sign_in_window{60};
  std::size_t failed_sign_in_sources_max = 10'000;
  std::chrono::milliseconds access_refresh{1000};  // how stale the user and grant book may be
  std::size_t page_size_default = 100;
  std::size_t page_size_max = 1000;
  // The web UI's built files, served at "/" (empty: no UI).
  std::string web_root;
  // Log lines go here (one JSON object per line); empty: no log.
  std::function<void(const std::string&)> log;
  // Opens the same database again, over a connection of its own: for readers, which then never
  // wait for a writer, and for the audit stream's appends. Unset: every request shares the main
  // connection and its lock.
  std::function<Result<std::unique_ptr<ledger::Database>>()> open_database;
};

// Who is calling: a user, signed in by cookie (with its CSRF token) or by API token.
struct Principal {
  std::string user;
  bool by_cookie = false;
  std::string session_id;
  std::string csrf_token;
  std::shared_ptr<const ledger::AccessBook> book;
  // What the caller may read and change: every ledger command and query takes it.
  ledger::Scope scope;

  [[nodiscard]] const ledger::User* record() const { return book ? book->user(user) : nullptr; }
  [[nodiscard]] std::set<ledger::Role> roles_for_case(std::string_view case_id) const;
  [[nodiscard]] std::set<ledger::Role> all_roles() const;
  // Whether the caller may read this case (it is in one of their organisations).
  [[nodiscard]] bool can_read_case(std::string_view case_id) const;
};

using ledger::permits;

class Api;

// One request on its way through a handler.
struct Call {
  Api& api;
  const Request& request;
  const Route& route;
  std::map<std::string, std::string> params;
  std::optional<Principal> principal;

  [[nodiscard]] const std::string& param(const std::string& name) const { return params.at(name); }
  [[nodiscard]] const std::string& actor() const { return principal->user; }
};

class Api {
 public:
  Api(ledger::Database& database, ApiOptions options);
  // Writes the failed sign-ins still being counted to the audit stream.
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  Response handle(const Request& request);
  // The server's admission of a request by its line and headers (http/server.h): a request to a
  // route that needs sign-in, without a valid session or token, is answered 401 before its
  // body is read; any other request without one may send kAnonymousBodyBytesMax at most.
  std::variant<std::optional<std::size_t>, Response> admit(const Request& head);
  // Logs and counts an answered request (the server's observer).
  void observe(const Request& request, const Response& response, std::chrono::microseconds elapsed);

  [[nodiscard]] const Router& router() const { return router_; }
  [[nodiscard]] Metrics& metrics() { return metrics_; }
  [[nodiscard]] const ApiOptions& options() const { return options_; }
  [[nodiscard]] const ReferenceData& reference() const { return database_.reference(); }

  // Runs `body` with the database to itself: it is one connection, used by one thread at a
  // time. Every write goes through here, one at a time. Re-entrant.
  template <class Body>
  auto with_ledger(Body body) {
    const std::lock_guard lock(ledger_mutex_);
    return body(database_);
  }
  // Runs a read with a database over a connection of its own, on one snapshot (SQLite WAL): a
  // read never waits for a writer, however long the write, nor holds one up. A read within a
  // read uses the same connection. Without open_database, with_ledger.
  template <class Body>
  auto with_reader(Body body) {
    ReaderLease lease(*this);
    if (lease.reader == nullptr) return with_ledger(body);
    return body(*lease.reader);
  }
  // Appends to the audit stream over a connection of its own, so auditing a read (an export,
  // a denial) never waits for a long write. Without open_database, with_access.
  template <class Body>
  auto with_audit(Body body) {
    if (!audit_database_) return with_access(body);
    const std::lock_guard lock(audit_mutex_);
    return body(audit_database_->access());
  }
  template <class Body>
  auto with_access(Body body) {
    const std::lock_guard lock(ledger_mutex_);
    return body(database_.access());
  }
  // A read about one case, answered from memory while the case has no new event: the answer
  // of `compute` is kept per request target and case sequence (200 answers only). The case's
  // sequence is read from the database again after any write through this server, and at least
  // every options().access_refresh for writers in other processes (the CLI).
  Response cached_case_read(const Call& call, const std::string& case_id,
                            const std::function<Response()>& compute);

  // Runs a read of the read side (query/reader.h) as with_reader does; the reconciliation views
  // it folds are shared by every request until a case or portfolio event is recorded.
  template <class Body>
  auto with_query(Body body) {
    return with_reader([&](ledger::Database& database) {
      query::Reader reader(database, views_);
      return body(reader);
    });
  }

  // The user and grant book, at most options().access_refresh old; `fresh` reloads it now.
  std::shared_ptr<const ledger::AccessBook> access_book(bool fresh = false);

  WebSessions& sessions() { return sessions_; }
  LoginThrottle& throttle() { return throttle_; }
  FailedSignIns& failed_sign_ins() { return failed_sign_ins_; }
  // Writes the failed-sign-in windows that have ended (all of them with `all`) to the audit
  // stream.
  void audit_failed_sign_ins(bool all = false);
  [[nodiscard]] WallClock::time_point now() const { return WallClock::now(); }
  [[nodiscard]] std::string now_utc() const;  // "2026-11-25T12:00:00Z"

  // Records a denial in the audit stream (never fails the request: a failure is logged).
  void audit_denied(const Call& call, const std::string& reason);
  void audit_export(const Call& call, const std::string& what, const std::string& format,
                    const std::string& case_id);
  void log_line(const std::string& line);

 private:
  Response dispatch(const Request& request);
  // The checks of a case-scoped (or SDR-scoped) route: nullopt lets the call through, otherwise
  // the refusal. A case the caller may not see gets `hidden`, the answer for a missing one.
  std::optional<Response> admit_to_case(Call& call);
  std::optional<Response> admit_to_sdr(Call& call);
  std::optional<Response> admit_to_case_of(Call& call, const std::string& case_id,
                                           const Error& hidden);
  std::optional<Principal> identify(const Request& request);

  ledger::Database& database_;
  ApiOptions options_;
  Router router_;
  Metrics metrics_;
  WebSessions sessions_;
  LoginThrottle throttle_;
  FailedSignIns failed_sign_ins_;
  std::optional<StaticFiles> web_;

  std::recursive_mutex ledger_mutex_;  // guards database_

  // Connections for readers, idle ones kept for the next read.
  using Reader = ledger::Database;
  class ReaderLease {
   public:
    explicit ReaderLease(Api& api);
    ~ReaderLease();
    ReaderLease(const ReaderLease&) = delete;
    ReaderLease& operator=(const ReaderLease&) = delete;
    Reader* reader = nullptr;  // null: read through with_ledger

   private:
    Api& api_;
    std::unique_ptr<Reader> owned_;  // null when nested in another lease of this thread
  };
  std::unique_ptr<Reader> take_reader();
  void give_back(std::unique_ptr<Reader> reader);
  static constexpr std::size_t kIdleReadersMax = 8;
  std::mutex readers_mutex_;  // guards idle_readers_
  std::vector<std::unique_ptr<Reader>> idle_readers_;

  std::mutex audit_mutex_;  // guards audit_database_
  std::unique_ptr<ledger::Database> audit_database_;

  struct CachedRead {
    std::int64_t last_sequence = 0;
    std::uint64_t writes_seen = 0;                  // writes_ when last checked
    std::chrono::steady_clock::time_point checked;  // against the database
    Response response;
  };
  std::atomic<std::uint64_t> writes_{0};  // requests that may have written, answered so far
  static constexpr std::size_t kCachedReadsMax = 4096;
  std::mutex cache_mutex_;  // guards cached_reads_
  std::unordered_map<std::string, CachedRead> cached_reads_;

  query::ViewCache views_;

  std::mutex book_mutex_;  // guards book_ and book_loaded_
  std::shared_ptr<const ledger::AccessBook> book_;
  std::chrono::steady_clock::time_point book_loaded_;
};

// A page of events (?limit=, ?cursor=) as the history JSON of report/case_views.h, with
// next_cursor; `load` runs only once the query is known to be good.
Reply events_page(Call& call, const std::function<Result<std::vector<ledger::EventRecord>>()>& load);

// The answer to a document import, counted in the metrics by kind and outcome: the ledger's
// error, or body(*outcome) with 201 when recorded and 200 when the same content already was.
template <class Outcome, class Body>
Response import_answer(Call& call, const std::string& kind, const Result<Outcome>& outcome,
                       Body body) {
  if (!outcome.ok()) {
    call.api.metrics().import(kind, "refused");
    return problem_for(outcome.error());
  }
  call.api.metrics().import(kind, outcome->recorded ? "recorded" : "unchanged");
  return json_response(outcome->recorded ? 201 : 200, body(*outcome));
}

// The cases the caller may name in a write on this route: those of organisations where they
// hold a role that permits the route's permission.
std::function<bool(const std::string& case_id)> cases_writable_by(const Call& call);

// Issues an API token acting as `user` from the request's {"label", "expires_at"}: 201 with the
// token, shown only in this answer (routes_session.cc).
Reply issue_token(Call& call, const std::string& user);

// Each group of routes adds itself (routes_*.cc).
void add_system_routes(Router& router);
void add_session_routes(Router& router);
void add_case_routes(Router& router);
void add_execution_routes(Router& router);
void add_report_routes(Router& router);
void add_admin_routes(Router& router);
void add_audit_routes(Router& router);
void add_rate_routes(Router& router);
void add_sdr_routes(Router& router);
void add_budget_routes(Router& router);
void add_reference_routes(Router& router);

}  // namespace fms::http
