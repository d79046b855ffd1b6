#include "http/api.h"

#include <date/date.h>
#include <fmt/format.h>
#include <sodium.h>

#include "http/json_text.h"
#include "http/problem.h"
#include "http/responses.h"
#include "ledger/sdr/sdr_book.h"

namespace fms::http {
namespace {

using ledger::Role;

bool is_safe_method(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// "2026-11-25T12:00:00Z": the request log's and the audit's time, to the second.
std::string utc_seconds(WallClock::time_point time) {
  return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(time));
}

}  // namespace

std::set<Role> Principal::roles_for_case(std::string_view case_id) const {
  return scope.roles_for_case(case_id);
}

std::set<Role> Principal::all_roles() const {
  return scope.all_roles();
}

bool Principal::can_read_case(std::string_view case_id) const {
  return scope.may_read(case_id);
}

std::function<bool(const std::string& case_id)> cases_writable_by(const Call& call) {
  return call.principal->scope.cases_where(call.route.permission);
}

Api::Api(ledger::Database& database, ApiOptions options)
    : database_(database),
      options_(std::move(options)),
      sessions_(options_.sessions),
      throttle_(options_.throttle),
      failed_sign_ins_(options_.failed_sign_in_window, options_.failed_sign_in_sources_max) {
  add_system_routes(router_);
  add_session_routes(router_);
  add_case_routes(router_);
  add_execution_routes(router_);
  add_report_routes(router_);
  add_admin_routes(router_);
  add_audit_routes(router_);
  add_rate_routes(router_);
  add_sdr_routes(router_);
  add_budget_routes(router_);
  add_reference_routes(router_);
  if (!options_.web_root.empty()) web_.emplace(options_.web_root);
  if (options_.open_database) {
    auto opened = options_.open_database();
    if (opened.ok()) {
      audit_database_ = std::move(*opened);
    } else {
      log_line(json_text(OrderedJson{{"time", now_utc()},
                                     {"event", "audit-connection-failed"},
                                     {"error", opened.error().text(Spelling::pointer)}}));
    }
  }
}

namespace {

// The reader this thread holds, of which Api: a read nested in a read reuses it.
thread_local const void* lease_owner = nullptr;
thread_local void* lease_reader = nullptr;

}  // namespace

Api::ReaderLease::ReaderLease(Api& api) : api_(api) {
  if (!api.options_.open_database) return;
  if (lease_owner == &api) {
    reader = static_cast<Reader*>(lease_reader);
    return;
  }
  owned_ = api.take_reader();
  if (!owned_) return;
  if (!owned_->begin_snapshot().ok()) {
    api.give_back(std::move(owned_));
    return;
  }
  reader = owned_.get();
  lease_owner = &api;
  lease_reader = reader;
}

Api::ReaderLease::~ReaderLease() {
  if (!owned_) return;
  owned_->end_snapshot();
  lease_owner = nullptr;
  lease_reader = nullptr;
  api_.give_back(std::move(owned_));
}

std::unique_ptr<Api::Reader> Api::take_reader() {
  {
    const std::lock_guard lock(readers_mutex_);
    if (!idle_readers_.empty()) {
      auto reader = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return reader;
    }
  }
  // At most one per request in flight: the server's threads bound them.
  auto opened = options_.open_database();
  if (!opened.ok()) {
    log_line(json_text(OrderedJson{{"time", now_utc()},
                                   {"event", "reader-connection-failed"},
                                   {"error", opened.error().text(Spelling::pointer)}}));
    return nullptr;
  }
  return std::move(*opened);
}

void Api::give_back(std::unique_ptr<Reader> reader) {
  const std::lock_guard lock(readers_mutex_);
  if (idle_readers_.size() < kIdleReadersMax) idle_readers_.push_back(std::move(reader));
}

Api::~Api() {
  audit_failed_sign_ins(true);
}

void Api::audit_failed_sign_ins(bool all) {
  auto summaries = all ? failed_sign_ins_.take_all() : failed_sign_ins_.take_ended(now());
  for (auto& summary : summaries) {
    ledger::AuditLoginsFailed event;
    event.remote = summary.remote;
    event.from = utc_seconds(summary.from);
    event.to = utc_seconds(summary.to);
    event.failures = summary.failures;
    event.users = std::move(summary.users);
    event.reasons = std::move(summary.reasons);
    const Status recorded = with_audit(
        [&](ledger::AccessLedger& access) { return access.record_logins_failed(event); });
    if (!recorded.ok()) {
      log_line(json_text(OrderedJson{{"time", now_utc()},
                                     {"event", "audit-write-failed"},
                                     {"error", recorded.error().text(Spelling::pointer)}}));
    }
  }
}

std::string Api::now_utc() const {
  return utc_seconds(now());
}

std::shared_ptr<const ledger::AccessBook> Api::access_book(bool fresh) {
  const auto now_steady = std::chrono::steady_clock::now();
  {
    const std::lock_guard lock(book_mutex_);
    if (!fresh && book_ && now_steady - book_loaded_ < options_.access_refresh) return book_;
  }
  auto loaded = with_reader([](ledger::Database& database) { return database.access().load(); });
  const std::lock_guard lock(book_mutex_);
  if (loaded.ok()) {
    book_ = std::make_shared<const ledger::AccessBook>(std::move(*loaded));
    book_loaded_ = now_steady;
  } else {
    log_line(json_text(OrderedJson{{"time", now_utc()},
                                   {"event", "access-book-load-failed"},
                                   {"error", loaded.error().text(Spelling::pointer)}}));
  }
  return book_;
}

std::optional<Principal> Api::identify(const Request& request) {
  auto book = access_book();
  if (!book) return std::nullopt;
  if (const auto authorization = request.header("authorization")) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization->substr(0, kBearer.size()) != kBearer) return std::nullopt;
    const ledger::User* user =
        book->user_for_token(authorization->substr(kBearer.size()), now_utc());
    if (user == nullptr) return std::nullopt;
    return Principal{user->name, false, {}, {}, book, ledger::Scope::of_user(book, user->name)};
  }
  if (const auto id = request.cookie("fmsledger_session")) {
    const auto session = sessions_.touch(*id, now());
    if (!session) return std::nullopt;
    const ledger::User* user = book->user(session->user);
    // A disabled user, or a password changed since sign-in (by anyone, anywhere), ends it.
    if (user == nullptr || user->disabled || user->password_hash != session->credential) {
      sessions_.end(*id);
      return std::nullopt;
    }
    return Principal{user->name,          true, session->id,
                     session->csrf_token, book, ledger::Scope::of_user(book, user->name)};
  }
  return std::nullopt;
}

Response Api::handle(const Request& request) {
  if (const auto unreadable = unreadable_part(request)) {
    Response refused = problem(400, *unreadable +
                                        " is not UTF-8 text (or holds a control character or a "
                                        "malformed %-escape); nothing was done");
    refused.with_header("Cache-Control", "no-store");
    return refused;
  }
  const bool api_path = request.path.rfind("/api/", 0) == 0 || request.path == "/api" ||
                        request.path == "/healthz" || request.path == "/metrics";
  if (!api_path && web_ && (request.method == "GET" || request.method == "HEAD")) {
    if (auto file = web_->serve(request.path)) {
      file->log_route = "(web)";
      file->with_header("X-Content-Type-Options", "nosniff");
      return *file;
    }
  }
  audit_failed_sign_ins();
  Response response = dispatch(request);
  // Counted once the write is done and before it is answered: a read that follows the answer
  // sees the write.
  if (request.method != "GET" && request.method != "HEAD") writes_.fetch_add(1);
  response.with_header("Cache-Control", "no-store");
  response.with_header("X-Content-Type-Options", "nosniff");
  return response;
}

namespace {

Response unauthenticated(const Route& route) {
  Response refused = problem(401, "sign in (POST /api/session) or present an API token");
  refused.with_header("WWW-Authenticate", "Bearer realm=\"fmsledger\"");
  refused.with_header("Cache-Control", "no-store");
  refused.log_route = route.pattern;
  return refused;
}

}  // namespace

std::variant<std::optional<std::size_t>, Response> Api::admit(const Request& head) {
  if (unreadable_part(head)) return handle(head);  // the 400, before anything else
  const RouteMatch match =
      router_.match(head.method, head.raw_path.empty() ? head.path : head.raw_path);
  if (match.route != nullptr && match.route->permission != Permission::anyone) {
    // dispatch() identifies the caller again once the body is in, and acts on that: a session
    // that ended while a large body was arriving (a password changed meanwhile) is refused.
    if (!identify(head)) return unauthenticated(*match.route);
    return std::optional<std::size_t>{};
  }
  // Signing in, the public routes, the web UI's files, and paths no route serves.
  return std::optional<std::size_t>{kAnonymousBodyBytesMax};
}

Response Api::dispatch(const Request& request) {
  const RouteMatch match =
      router_.match(request.method, request.raw_path.empty() ? request.path : request.raw_path);
  if (match.route == nullptr) {
    if (!match.allowed_methods.empty()) {
      std::string allow;
      for (const auto& method : match.allowed_methods)
        allow += (allow.empty() ? "" : ", ") + method;
      Response refused = problem(405, request.method + " is not supported here; use " + allow);
      refused.with_header("Allow", allow);
      return refused;
    }
    return problem(404, "no route for " + request.path);
  }
  const Route& route = *match.route;
  Call call{*this, request, route, match.params, std::nullopt};
  if (route.permission != Permission::anyone) {
    call.principal = identify(request);
    if (!call.principal) return unauthenticated(route);
    if (call.principal->by_cookie && !is_safe_method(request.method)) {
      const auto csrf = request.header("x-csrf-token");
      if (!csrf || !same_secret(*csrf, call.principal->csrf_token)) {
        audit_denied(call, "csrf");
        Response refused = problem(403,
                                   "a request made with the session cookie must carry the "
                                   "session's CSRF token in the X-CSRF-Token header");
        refused.log_user = call.principal->user;
        refused.log_route = route.pattern;
        return refused;
      }
    }
    std::optional<Response> refused;
    if (route.scope == Scope::case_id) {
      refused = admit_to_case(call);
    } else if (route.scope == Scope::sdr) {
      refused = admit_to_sdr(call);
    } else if (!permits(call.principal->all_roles(), route.permission)) {
      audit_denied(call, "role");
      refused = problem(403, "your roles do not allow this (it needs " +
                                 std::string(to_string(route.permission)) + ")");
    }
    if (refused) {
      refused->log_user = call.principal->user;
      refused->log_route = route.pattern;
      return *refused;
    }
  }
  Response response = route.handler(call);
  if (call.principal && response.log_user.empty()) response.log_user = call.principal->user;
  response.log_route = route.pattern;
  return response;
}

std::optional<Response> Api::admit_to_case(Call& call) {
  auto normalised = database_.cases().normalise_case_id(call.params.at("case_id"));
  if (!normalised.ok()) return problem_for(normalised.error());
  call.params["case_id"] = *normalised;
  return admit_to_case_of(call, *normalised, ledger::case_not_found(*normalised));
}

std::optional<Response> Api::admit_to_sdr(Call& call) {
  // The SDR's case decides; an SDR of a case the caller may not see is answered as one that
  // was never recorded.
  auto number = SdrNumber::parse(call.params.at("number"));
  if (!number.ok()) return problem_for(number.error().at("SDR number"));
  auto sdr = with_reader(
      [&](ledger::Database& database) { return database.sdrs().find(call.params.at("number")); });
  if (!sdr.ok()) return problem_for(sdr.error());
  call.params["case_id"] = sdr->created.case_id;
  return admit_to_case_of(call, sdr->created.case_id, ledger::sdr_not_recorded(*number));
}

std::optional<Response> Api::admit_to_case_of(Call& call, const std::string& case_id,
                                              const Error& hidden) {
  // The ledger's gate (Scope::admit_case), asked here too so that a refusal is audited.
  const Status admitted = call.principal->scope.admit_case(case_id, call.route.permission);
  if (admitted.ok()) return std::nullopt;
  if (admitted.error().kind != ErrorKind::forbidden) {
    audit_denied(call, "organisation");
    return problem_for(hidden);
  }
  audit_denied(call, "role");
  return problem_for(admitted.error());
}

Response Api::cached_case_read(const Call& call, const std::string& case_id,
                               const std::function<Response()>& compute) {
  // The answer depends on the case and the request, never on who asks: the caller's access to
  // the case was checked before.
  const std::string key = call.route.pattern + " " + call.request.target;
  const std::uint64_t writes = writes_.load();
  const auto now_steady = std::chrono::steady_clock::now();
  {
    const std::lock_guard lock(cache_mutex_);
    const auto it = cached_reads_.find(key);
    if (it != cached_reads_.end() && it->second.writes_seen == writes &&
        now_steady - it->second.checked < options_.access_refresh) {
      return it->second.response;
    }
  }
  ledger::CaseFilter one;
  one.case_id = case_id;
  auto summary = with_reader([&](ledger::Database& database) {
    return database.cases().list_cases(one, call.principal->scope);
  });
  if (!summary.ok() || summary->empty()) return compute();
  const std::int64_t sequence = summary->front().last_sequence;
  {
    const std::lock_guard lock(cache_mutex_);
    const auto it = cached_reads_.find(key);
    if (it != cached_reads_.end() && it->second.last_sequence == sequence) {
      it->second.writes_seen = writes;
      it->second.checked = now_steady;
      return it->second.response;
    }
  }
  Response response = compute();
  if (response.status == 200) {
    const std::lock_guard lock(cache_mutex_);
    if (cached_reads_.size() >= kCachedReadsMax) cached_reads_.clear();
    cached_reads_[key] = CachedRead{sequence, writes, now_steady, response};
  }
  return response;
}

void Api::audit_denied(const Call& call, const std::string& reason) {
  const std::string user = call.principal ? call.principal->user : std::string();
  const Status recorded = with_audit([&](ledger::AccessLedger& access) {
    return access.record_denied(user, call.request.method, call.request.path, reason);
  });
  if (!recorded.ok()) {
    log_line(json_text(OrderedJson{{"time", now_utc()},
                                   {"event", "audit-write-failed"},
                                   {"error", recorded.error().text(Spelling::pointer)}}));
  }
}

void Api::audit_export(const Call& call, const std::string& what, const std::string& format,
                       const std::string& case_id) {
  const Status recorded = with_audit([&](ledger::AccessLedger& access) {
    return access.record_export(call.actor(), what, format, case_id);
  });
  if (!recorded.ok()) {
    log_line(json_text(OrderedJson{{"time", now_utc()},
                                   {"event", "audit-write-failed"},
                                   {"error", recorded.error().text(Spelling::pointer)}}));
  }
}

void Api::log_line(const std::string& line) {
  if (options_.log) options_.log(line);
}

void Api::observe(const Request& request, const Response& response,
                  std::chrono::microseconds elapsed) {
  const std::string route = response.log_route.empty() ? "(none)" : response.log_route;
  metrics_.request(request.method, route, response.status, elapsed);
  if (!options_.log) return;
  OrderedJson line{{"time", now_utc()},
                   {"remote", request.remote},
                   {"method", request.method},
                   {"path", request.path},
                   {"route", route},
                   {"status", response.status},
                   {"bytes", response.body.size()},
                   {"duration_ms", static_cast<double>(elapsed.count()) / 1000.0},
                   {"user", response.log_user}};
  if (!response.log_error.empty()) line["error"] = response.log_error;
  options_.log(json_text(line));
}

}  // namespace fms::http
