#include "http/api.h"

#include <date/date.h>
#include <fmt/format.h>
#include <sodium.h>

#include "http/problem.h"
#include "http/responses.h"
#include "ledger/sdr_book.h"

namespace fms::http {
namespace {

using ledger::Role;

bool is_safe_method(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// The message for a case the caller may not see: the ledger's own words for a missing case.
Response missing_case(const std::string& case_id) {
  return problem(404, "case " + case_id + " not found");
}

}  // namespace

bool permits(const std::set<Role>& roles, Permission permission) {
  auto any_of = [&roles](std::initializer_list<Role> wanted) {
    for (Role role : wanted) {
      if (roles.count(role) != 0) return true;
    }
    return false;
  };
  switch (permission) {
    case Permission::anyone:
    case Permission::signed_in:
      return true;
    case Permission::read:
      return any_of({Role::viewer, Role::case_manager, Role::finance, Role::auditor});
    case Permission::read_history:
      return any_of({Role::case_manager, Role::finance, Role::auditor});
    case Permission::manage_case:
      return any_of({Role::case_manager});
    case Permission::manage_finance:
      return any_of({Role::finance});
    case Permission::verify:
      return any_of({Role::auditor, Role::admin});
    case Permission::administer:
      return any_of({Role::admin});
  }
  return false;
}

std::set<Role> Principal::roles_for_case(std::string_view case_id) const {
  const ledger::User* user_record = record();
  if (user_record == nullptr) return {};
  return book->roles_for_case(*user_record, case_id);
}

std::set<Role> Principal::all_roles() const {
  const ledger::User* user_record = record();
  if (user_record == nullptr) return {};
  return book->all_roles_of(*user_record);
}

bool Principal::can_read_case(std::string_view case_id) const {
  return permits(roles_for_case(case_id), Permission::read);
}

std::function<bool(const std::string& case_id)> cases_writable_by(const Call& call) {
  return [principal = *call.principal, needed = call.route.permission](const std::string& case_id) {
    return permits(principal.roles_for_case(case_id), needed);
  };
}

Api::Api(const ReferenceData& reference, store::Store& store, ledger::Ledger& ledger,
         ledger::AccessLedger& access, ApiOptions options)
    : reference_(reference),
      store_(store),
      ledger_(ledger),
      access_(access),
      options_(std::move(options)),
      sessions_(options_.sessions),
      throttle_(options_.throttle) {
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
  if (!options_.web_root.empty()) web_.emplace(options_.web_root);
}

std::string Api::now_utc() const {
  return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(now()));
}

std::shared_ptr<const ledger::AccessBook> Api::access_book(bool fresh) {
  const auto now_steady = std::chrono::steady_clock::now();
  {
    const std::lock_guard lock(book_mutex_);
    if (!fresh && book_ && now_steady - book_loaded_ < options_.access_refresh) return book_;
  }
  auto loaded = with_access([](ledger::AccessLedger& access) { return access.load(); });
  const std::lock_guard lock(book_mutex_);
  if (loaded.ok()) {
    book_ = std::make_shared<const ledger::AccessBook>(std::move(*loaded));
    book_loaded_ = now_steady;
  } else {
    log_line(OrderedJson{{"time", now_utc()},
                         {"event", "access-book-load-failed"},
                         {"error", loaded.error().message}}
                 .dump());
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
    return Principal{user->name, false, {}, {}, book};
  }
  if (const auto id = request.cookie("fmsledger_session")) {
    const auto session = sessions_.touch(*id, now());
    if (!session) return std::nullopt;
    const ledger::User* user = book->user(session->user);
    if (user == nullptr || user->disabled) {
      sessions_.end(*id);
      return std::nullopt;
    }
    return Principal{user->name, true, session->id, session->csrf_token, book};
  }
  return std::nullopt;
}

Response Api::handle(const Request& request) {
  const bool api_path = request.path.rfind("/api/", 0) == 0 || request.path == "/api" ||
                        request.path == "/healthz" || request.path == "/metrics";
  if (!api_path && web_ && (request.method == "GET" || request.method == "HEAD")) {
    if (auto file = web_->serve(request.path)) {
      file->log_route = "(web)";
      file->with_header("X-Content-Type-Options", "nosniff");
      return *file;
    }
  }
  Response response = dispatch(request);
  // Counted once the write is done and before it is answered: a read that follows the answer
  // sees the write.
  if (request.method != "GET" && request.method != "HEAD") writes_.fetch_add(1);
  response.with_header("Cache-Control", "no-store");
  response.with_header("X-Content-Type-Options", "nosniff");
  return response;
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
    if (!call.principal) {
      Response refused = problem(401, "sign in (POST /api/session) or present an API token");
      refused.with_header("WWW-Authenticate", "Bearer realm=\"fmsledger\"");
      refused.log_route = route.pattern;
      return refused;
    }
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
  auto normalised = ledger_.normalise_case_id(call.params.at("case_id"));
  if (!normalised.ok()) return problem_for(normalised.error());
  call.params["case_id"] = *normalised;
  return admit_to_case_of(call, *normalised, missing_case(*normalised));
}

std::optional<Response> Api::admit_to_sdr(Call& call) {
  // The SDR's case decides; an SDR of a case the caller may not see is answered as one that
  // was never recorded.
  auto number = SdrNumber::parse(call.params.at("number"));
  if (!number.ok()) return problem_for(number.error().at("SDR number"));
  auto sdr = with_ledger([&](ledger::Ledger& ledger, store::Store& store) {
    return ledger::SdrBook(ledger, store).find(call.params.at("number"));
  });
  if (!sdr.ok()) return problem_for(sdr.error());
  call.params["case_id"] = sdr->created.case_id;
  return admit_to_case_of(call, sdr->created.case_id,
                          problem_for(ledger::sdr_not_recorded(*number)));
}

std::optional<Response> Api::admit_to_case_of(Call& call, const std::string& case_id,
                                              Response hidden) {
  const auto roles = call.principal->roles_for_case(case_id);
  if (!permits(roles, Permission::read) && !permits(roles, call.route.permission)) {
    audit_denied(call, "organisation");
    return hidden;
  }
  if (!permits(roles, call.route.permission)) {
    audit_denied(call, "role");
    return problem(403, "your roles over this case's organisation do not allow this (it needs " +
                            std::string(to_string(call.route.permission)) + ")");
  }
  return std::nullopt;
}

Result<std::shared_ptr<const ledger::ReconciliationView>> Api::reconciliation_view(
    const CivilDate& as_of) {
  return with_ledger(
      [&](ledger::Ledger& ledger,
          store::Store& store) -> Result<std::shared_ptr<const ledger::ReconciliationView>> {
        // The head is read before the fold: a write landing in between makes the view newer than
        // its key, and the next request folds again.
        FMS_ASSIGN_OR_RETURN(const std::int64_t head, store.last_business_sequence());
        const auto found = cached_views_.find(as_of);
        if (found != cached_views_.end() && found->second.last_business_sequence == head) {
          return found->second.view;
        }
        FMS_ASSIGN_OR_RETURN(ledger::ReconciliationView view, ledger.reconciliation_view(as_of));
        auto shared = std::make_shared<const ledger::ReconciliationView>(std::move(view));
        if (cached_views_.size() >= kCachedViewsMax && found == cached_views_.end()) {
          cached_views_.clear();
        }
        cached_views_[as_of] = CachedView{head, shared};
        return shared;
      });
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
  store::CaseFilter one;
  one.case_id = case_id;
  auto summary =
      with_ledger([&](ledger::Ledger&, store::Store& store) { return store.list_cases(one); });
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
  const Status recorded = with_access([&](ledger::AccessLedger& access) {
    return access.record_denied(user, call.request.method, call.request.path, reason);
  });
  if (!recorded.ok()) {
    log_line(OrderedJson{
        {"time", now_utc()}, {"event", "audit-write-failed"}, {"error", recorded.error().message}}
                 .dump());
  }
}

void Api::audit_export(const Call& call, const std::string& what, const std::string& format,
                       const std::string& case_id) {
  const Status recorded = with_access([&](ledger::AccessLedger& access) {
    return access.record_export(call.actor(), what, format, case_id);
  });
  if (!recorded.ok()) {
    log_line(OrderedJson{
        {"time", now_utc()}, {"event", "audit-write-failed"}, {"error", recorded.error().message}}
                 .dump());
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
  options_.log(line.dump());
}

}  // namespace fms::http
