// Administration (admin): users, their grants and tokens, organisations. Password hashes and
// token hashes never leave the server.
#include "http/api.h"
#include "http/problem.h"
#include "http/responses.h"
#include "report/case_views.h"

namespace fms::http {
namespace {

OrderedJson user_json(const ledger::User& user) {
  OrderedJson grants = OrderedJson::array();
  for (const ledger::Grant& grant : user.grants) {
    grants.push_back({{"role", std::string(ledger::to_string(grant.role))},
                      {"organisation", grant.organisation}});
  }
  OrderedJson tokens = OrderedJson::array();
  for (const ledger::ApiToken& token : user.tokens) {
    tokens.push_back(
        {{"token_id", token.token_id},
         {"label", token.label},
         {"issued_at", token.issued_at},
         {"expires_at", token.expires_at ? OrderedJson(*token.expires_at) : OrderedJson(nullptr)},
         {"revoked", token.revoked}});
  }
  return {{"user", user.name},         {"display_name", user.display_name},
          {"disabled", user.disabled}, {"added_at", user.added_at},
          {"grants", grants},          {"tokens", tokens}};
}

// A user the caller may not administer answers exactly as one never recorded (ledger/access/scope.h,
// may_administer_user); nullopt lets the call through.
std::optional<Response> admit_user(Call& call, const std::string& name) {
  const auto book = call.api.access_book(true);
  const ledger::User* user = book ? book->user(name) : nullptr;
  if (user == nullptr || !ledger::may_administer_user(call.principal->scope, *user)) {
    return problem(404, "no user \"" + name + "\" is recorded (see fmsledger user list)");
  }
  return std::nullopt;
}

// What only an administrator of every organisation may do.
std::optional<Response> admit_everywhere(Call& call, const std::string& what) {
  if (call.principal->scope.may_everywhere(Permission::administer)) return std::nullopt;
  call.api.audit_denied(call, "organisation");
  return problem(403, what + " is for an administrator of every organisation");
}

Response no_content() {
  Response response;
  response.status = 204;
  return response;
}

// Runs an access command and answers 204, or its error. A user whose password changes or who
// is disabled is signed out everywhere.
Reply access_command(Call& call, const std::function<Status(ledger::AccessLedger&)>& command,
                     bool end_sessions_of_user = false) {
  FMS_TRY(call.api.with_access(command));
  if (end_sessions_of_user) call.api.sessions().end_all_of(call.param("user"));
  call.api.access_book(true);
  return no_content();
}

Answer<ledger::Grant> read_grant(const nlohmann::json& fields) {
  auto role = ledger::parse_role(string_field(fields, "role"));
  if (!role.ok()) return problem(422, "/role: " + role.error().text(Spelling::pointer));
  return ledger::Grant{*role, string_field(fields, "organisation")};
}

Reply list_users(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  const auto book = call.api.access_book(true);
  OrderedJson users = OrderedJson::array();
  for (const ledger::User* user : book->users()) {
    if (ledger::may_administer_user(call.principal->scope, *user))
      users.push_back(user_json(*user));
  }
  return json_response(200, OrderedJson{{"users", users}});
}

Reply add_user(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  if (auto refused = admit_everywhere(call, "adding a user")) return *refused;
  FMS_ASSIGN_OR_RETURN(const auto body,
                       read_json_object(call.request, {"user", "display_name", "password"},
                                        {"user", "display_name", "password"}));
  FMS_TRY(call.api.with_access([&](ledger::AccessLedger& access) {
    return access.add_user(string_field(body, "user"), string_field(body, "display_name"),
                           string_field(body, "password"), call.actor());
  }));
  const auto book = call.api.access_book(true);
  const ledger::User* user = book->user(string_field(body, "user"));
  Response response = json_response(201, user_json(*user));
  response.with_header("Location", "/api/users/" + user->name);
  return response;
}

Reply show_user(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  if (auto refused = admit_user(call, call.param("user"))) return *refused;
  const auto book = call.api.access_book(true);
  return json_response(200, user_json(*book->user(call.param("user"))));
}

Reply set_password(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  if (auto refused = admit_user(call, call.param("user"))) return *refused;
  FMS_ASSIGN_OR_RETURN(const auto body, read_json_object(call.request, {"password"}, {"password"}));
  const std::string password = string_field(body, "password");
  const std::string& user = call.param("user");
  FMS_TRY(call.api.with_access([&](ledger::AccessLedger& access) {
    return access.set_password(user, password, call.actor());
  }));
  const std::size_t ended = call.api.sessions().end_all_of(user);
  call.api.access_book(true);
  return json_response(
      200,
      OrderedJson{{"user", user},
                  {"sessions_ended", ended},
                  {"message", "changed the password of " + user + "; " + std::to_string(ended) +
                                  " signed-in web session(s) ended (API tokens stay valid "
                                  "until revoked)"}});
}

// Disables (`disable`) or enables a user, with the reason the body gives.
Reply change_user_status(Call& call, bool disable) {
  if (auto refused = check_query(call.request, {})) return *refused;
  if (auto refused = admit_user(call, call.param("user"))) return *refused;
  FMS_ASSIGN_OR_RETURN(const auto body, read_json_object(call.request, {"reason"}, {"reason"}));
  const std::string reason = string_field(body, "reason");
  return access_command(
      call,
      [&](ledger::AccessLedger& access) {
        return disable ? access.disable_user(call.param("user"), reason, call.actor())
                       : access.enable_user(call.param("user"), reason, call.actor());
      },
      disable);
}

// Grants (`grant`) or revokes the role over an organisation the body names.
Reply change_grant(Call& call, bool grant) {
  if (auto refused = check_query(call.request, {})) return *refused;
  FMS_ASSIGN_OR_RETURN(const auto body, read_json_object(call.request, {"role", "organisation"},
                                                         {"role", "organisation"}));
  FMS_ASSIGN_OR_RETURN(const ledger::Grant g, read_grant(body));
  if (auto refused = admit_user(call, call.param("user"))) return *refused;
  if (!ledger::may_administer_grant(call.principal->scope, g)) {
    call.api.audit_denied(call, "organisation");
    return problem(403, "you administer no such organisation: a grant over " + g.organisation +
                            " is not yours to give or take");
  }
  return access_command(call, [&](ledger::AccessLedger& access) {
    return grant ? access.grant(call.param("user"), g, call.actor())
                 : access.revoke(call.param("user"), g, call.actor());
  });
}

// A token acting as the user, for a program that works on their behalf; shown once.
Reply issue_user_token(Call& call) {
  if (auto refused = admit_user(call, call.param("user"))) return *refused;
  return issue_token(call, call.param("user"));
}

Reply revoke_user_token(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  if (auto refused = admit_user(call, call.param("user"))) return *refused;
  return access_command(call, [&](ledger::AccessLedger& access) {
    return access.revoke_token(call.param("user"), call.param("token_id"), call.actor());
  });
}

void add_user_routes(Router& router) {
  router.add({"GET", "/api/users", Permission::administer, Scope::none, list_users});
  router.add({"POST", "/api/users", Permission::administer, Scope::none, add_user});
  router.add({"GET", "/api/users/{user}", Permission::administer, Scope::none, show_user});
  router.add(
      {"POST", "/api/users/{user}/password", Permission::administer, Scope::none, set_password});
  router.add({"POST", "/api/users/{user}/disable", Permission::administer, Scope::none,
              [](Call& call) { return change_user_status(call, true); }});
  router.add({"POST", "/api/users/{user}/enable", Permission::administer, Scope::none,
              [](Call& call) { return change_user_status(call, false); }});
  router.add({"POST", "/api/users/{user}/grants", Permission::administer, Scope::none,
              [](Call& call) { return change_grant(call, true); }});
  router.add({"POST", "/api/users/{user}/grants/revoke", Permission::administer, Scope::none,
              [](Call& call) { return change_grant(call, false); }});
  router.add(
      {"POST", "/api/users/{user}/tokens", Permission::administer, Scope::none, issue_user_token});
  router.add({"DELETE", "/api/users/{user}/tokens/{token_id}", Permission::administer, Scope::none,
              revoke_user_token});
}

void add_organisation_routes(Router& router) {
  router.add(
      {"GET", "/api/organisations", Permission::signed_in, Scope::none, [](Call& call) -> Reply {
         if (auto refused = check_query(call.request, {})) return *refused;
         // Everyone sees the organisations they hold a role over; an administrator of
         // every organisation sees all.
         const bool all = call.principal->scope.may_everywhere(Permission::administer);
         OrderedJson organisations = OrderedJson::array();
         const ledger::User* user = call.principal->record();
         for (const ledger::Organisation* organisation : call.principal->book->organisations()) {
           if (!all && call.principal->book->roles(*user, organisation->id).empty()) continue;
           organisations.push_back({{"id", organisation->id},
                                    {"name", organisation->name},
                                    {"customers", organisation->customers}});
         }
         return json_response(200, OrderedJson{{"organisations", organisations}});
       }});
  router.add(
      {"POST", "/api/organisations", Permission::administer, Scope::none, [](Call& call) -> Reply {
         if (auto refused = check_query(call.request, {})) return *refused;
         if (auto refused = admit_everywhere(call, "recording an organisation")) return *refused;
         FMS_ASSIGN_OR_RETURN(auto body, read_json_object(call.request, {"id", "name", "customers"},
                                                          {"id", "name", "customers"}));
         const auto& f = body;
         ledger::Organisation organisation{string_field(f, "id"), string_field(f, "name"), {}};
         if (!f["customers"].is_array()) {
           return problem(422, "/customers: a list of two-letter customer codes");
         }
         for (const auto& code : f["customers"]) {
           if (!code.is_string()) return problem(422, "/customers: codes are strings");
           organisation.customers.push_back(code.get<std::string>());
         }
         FMS_TRY(call.api.with_access([&](ledger::AccessLedger& access) {
           return access.record_organisation(organisation, call.actor());
         }));
         call.api.access_book(true);
         return json_response(201, OrderedJson{{"id", organisation.id},
                                               {"name", organisation.name},
                                               {"customers", organisation.customers}});
       }});
}

}  // namespace

void add_admin_routes(Router& router) {
  add_user_routes(router);
  add_organisation_routes(router);
}

}  // namespace fms::http
