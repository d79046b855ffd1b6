// Signing in and out, and the caller's own session and API tokens.
//
// POST /api/session checks the password (Argon2id) outside the ledger lock: hashing is slow by
// design and must not hold up other requests. A name that does not exist is checked against a
// fixed hash all the same, so the time taken does not tell which names exist.
#include <fmt/format.h>

#include "http/api.h"
#include "http/json_text.h"
#include "http/problem.h"
#include "http/responses.h"
#include "ledger/access/passwords.h"

namespace fms::http {
namespace {

constexpr std::string_view kSessionCookie = "fmsledger_session";

std::string session_cookie(const std::string& value, bool secure, std::int64_t max_age_seconds) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", kSessionCookie,
                     value, max_age_seconds, secure ? "; Secure" : "");
}

// The permissions a role can carry, in the order a client lists them (not anyone/signed-in).
constexpr ledger::Permission kGrantable[] = {
    ledger::Permission::read,        ledger::Permission::read_history,
    ledger::Permission::manage_case, ledger::Permission::manage_finance,
    ledger::Permission::verify,      ledger::Permission::administer};

OrderedJson grants_json(const ledger::User& user) {
  OrderedJson grants = OrderedJson::array();
  for (const ledger::Grant& grant : user.grants) {
    // What the role may do, so a client offers only those actions (the server still decides).
    OrderedJson permissions = OrderedJson::array();
    for (const ledger::Permission permission : kGrantable) {
      if (ledger::permits({grant.role}, permission)) {
        permissions.push_back(std::string(ledger::to_string(permission)));
      }
    }
    grants.push_back({{"role", std::string(ledger::to_string(grant.role))},
                      {"organisation", grant.organisation},
                      {"permissions", permissions}});
  }
  return grants;
}

OrderedJson whoami(const ledger::User& user, const std::string& csrf_token) {
  OrderedJson body{
      {"user", user.name}, {"display_name", user.display_name}, {"grants", grants_json(user)}};
  if (!csrf_token.empty()) body["csrf_token"] = csrf_token;
  return body;
}

// A hash of a password nobody has, checked when the name is unknown.
const std::string& decoy_hash() {
  static const std::string hash =
      ledger::hash_password("decoy password, never valid", ledger::password_cost_from_environment())
          .value();
  return hash;
}

void audit(Api& api, const std::function<Status(ledger::AccessLedger&)>& record) {
  const Status recorded = api.with_audit(record);
  if (!recorded.ok()) {
    api.log_line(json_text(OrderedJson{{"event", "audit-write-failed"},
                                       {"error", recorded.error().text(Spelling::pointer)}}));
  }
}

Reply sign_in(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto body,
                       read_json_object(call.request, {"user", "password"}, {"user", "password"}));
  const auto& fields = body;
  const std::string name = string_field(fields, "user");
  const std::string password = string_field(fields, "password");
  if (name.empty() || name.size() > 64 || password.size() > ledger::kMaxPasswordBytes) {
    return problem(422,
                   "/user and /password must be strings: a user name of 1 to 64 bytes and "
                   "a password of at most " +
                       std::to_string(ledger::kMaxPasswordBytes) + " bytes");
  }
  Api& api = call.api;
  const std::string remote = call.request.remote;
  const ThrottleVerdict verdict = api.throttle().begin(name, remote, api.now());
  if (!verdict.allowed) {
    api.metrics().login("throttled");
    api.failed_sign_ins().add(remote, name, "throttled", api.now());
    Response refused =
        problem(429, "too many failed sign-ins; wait " +
                         std::to_string(verdict.retry_after.count()) + " s before trying again");
    refused.with_header("Retry-After", std::to_string(verdict.retry_after.count()));
    return refused;
  }
  const auto book = api.access_book(true);
  const ledger::User* user = book ? book->user(name) : nullptr;
  bool matches = false;
  if (user != nullptr) {
    matches = ledger::password_matches(user->password_hash, password);
  } else {
    (void)ledger::password_matches(decoy_hash(), password);
  }
  if (!matches || user->disabled) {
    api.metrics().login("failure");
    api.failed_sign_ins().add(
        remote, name, user == nullptr ? "unknown user" : (matches ? "disabled" : "wrong password"),
        api.now());
    return problem(401, "the user name or the password is wrong, or the user is disabled",
                   {{"code", "sign-in-failed"}});
  }
  api.throttle().succeeded(name, remote);
  api.metrics().login("success");
  audit(api, [&](ledger::AccessLedger& access) {
    return access.record_login(name, "password", remote);
  });
  const WebSession session = api.sessions().create(user->name, api.now(), user->password_hash);
  Response response = json_response(201, whoami(*user, session.csrf_token));
  response.with_header("Set-Cookie", session_cookie(session.id, call.request.secure,
                                                    api.sessions().policy().absolute.count()));
  response.log_user = user->name;
  return response;
}

}  // namespace

Reply issue_token(Call& call, const std::string& user) {
  if (auto refused = check_query(call.request, {})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto body,
                       read_json_object(call.request, {"label", "expires_at"}, {"label"}));
  const auto& fields = body;
  std::optional<std::string> expires;
  if (fields.contains("expires_at") && !fields["expires_at"].is_null()) {
    expires = string_field(fields, "expires_at");
  }
  FMS_ASSIGN_OR_RETURN(auto issued, call.api.with_access([&](ledger::AccessLedger& access) {
    return access.issue_token(user, string_field(fields, "label"), expires, call.actor());
  }));
  call.api.access_book(true);
  return json_response(201,
                       OrderedJson{{"token_id", issued.token_id},
                                   {"token", issued.token},
                                   {"note", "the token is shown only now; it is stored hashed"}});
}

void add_session_routes(Router& router) {
  router.add({"POST", "/api/session", Permission::anyone, Scope::none, sign_in});
  router.add({"GET", "/api/session", Permission::signed_in, Scope::none, [](Call& call) -> Reply {
                if (auto refused = check_query(call.request, {})) return *refused;
                const ledger::User* user = call.principal->record();
                return json_response(200, whoami(*user, call.principal->csrf_token));
              }});
  router.add(
      {"DELETE", "/api/session", Permission::signed_in, Scope::none, [](Call& call) -> Reply {
         if (auto refused = check_query(call.request, {})) return *refused;
         if (!call.principal->by_cookie) {
           return problem(400,
                          "an API token has no session to end; revoke the token "
                          "instead (DELETE /api/tokens/{token_id})");
         }
         call.api.sessions().end(call.principal->session_id);
         audit(call.api, [&](ledger::AccessLedger& access) {
           return access.record_logout(call.principal->user);
         });
         Response response;
         response.status = 204;
         response.with_header("Set-Cookie", session_cookie("", call.request.secure, 0));
         return response;
       }});
  // The caller's own API tokens: for scripts, which cannot hold a session cookie.
  router.add({"GET", "/api/tokens", Permission::signed_in, Scope::none, [](Call& call) -> Reply {
                if (auto refused = check_query(call.request, {})) return *refused;
                OrderedJson tokens = OrderedJson::array();
                for (const ledger::ApiToken& token : call.principal->record()->tokens) {
                  tokens.push_back({{"token_id", token.token_id},
                                    {"label", token.label},
                                    {"issued_at", token.issued_at},
                                    {"expires_at", token.expires_at ? OrderedJson(*token.expires_at)
                                                                    : OrderedJson(nullptr)},
                                    {"revoked", token.revoked}});
                }
                return json_response(200, OrderedJson{{"tokens", tokens}});
              }});
  router.add({"POST", "/api/tokens", Permission::signed_in, Scope::none,
              [](Call& call) -> Reply { return issue_token(call, call.actor()); }});
  router.add({"DELETE", "/api/tokens/{token_id}", Permission::signed_in, Scope::none,
              [](Call& call) -> Reply {
                if (auto refused = check_query(call.request, {})) return *refused;
                FMS_TRY(call.api.with_access([&](ledger::AccessLedger& access) {
                  return access.revoke_token(call.actor(), call.param("token_id"), call.actor());
                }));
                call.api.access_book(true);
                Response response;
                response.status = 204;
                return response;
              }});
}

}  // namespace fms::http
