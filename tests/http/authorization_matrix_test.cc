// The authorisation matrix: every route of the API, called by every role in the organisation
// that owns the Tomahawk case (JMOD) and in another one (KRDAPA), and anonymously, must be let
// through or refused exactly as the table below says. The table is the specification, written
// out here on its own (docs/api.md, "Roles"); it is not derived from the route table, so a route
// whose permission drifts fails, and a route added without an entry here fails too.
//
// Writes are sent with bodies the route refuses after authorisation (422, 428...), so the matrix
// changes nothing it later reads. "Allowed" means authorisation let the request through: any
// answer but 401, 403, or the 404 of a hidden case.
#include <gtest/gtest.h>

#include <set>

#include "api_fixture.h"
#include "ledger/sdr/sdr_book.h"

namespace fms::testing {
namespace {

using ledger::Role;

enum class Kind {
  anyone,      // no sign-in
  signed_in,   // any signed-in user
  global,      // a role anywhere suffices; answers are filtered to the caller's organisations
  everywhere,  // the role over every organisation ("*"): what belongs to no one organisation
  case_id,     // a role over the organisation of the case in the path
  sdr,         // a role over the organisation of the case of the SDR in the path
};

struct Expectation {
  Kind kind;
  std::set<Role> roles;  // for global and case routes
};

const std::set<Role> kReaders{Role::viewer, Role::case_manager, Role::finance, Role::auditor};
const std::set<Role> kHistory{Role::case_manager, Role::finance, Role::auditor};
const std::set<Role> kCaseManager{Role::case_manager};
const std::set<Role> kFinance{Role::finance};
const std::set<Role> kAdmin{Role::admin};
const std::set<Role> kVerifiers{Role::auditor, Role::admin};

const std::map<std::pair<std::string, std::string>, Expectation>& specification() {
  static const std::map<std::pair<std::string, std::string>, Expectation> table{
      {{"GET", "/healthz"}, {Kind::anyone, {}}},
      {{"GET", "/metrics"}, {Kind::anyone, {}}},
      {{"GET", "/api/openapi.json"}, {Kind::anyone, {}}},
      {{"POST", "/api/session"}, {Kind::anyone, {}}},
      {{"GET", "/api/session"}, {Kind::signed_in, {}}},
      {{"DELETE", "/api/session"}, {Kind::signed_in, {}}},
      {{"GET", "/api/tokens"}, {Kind::signed_in, {}}},
      {{"POST", "/api/tokens"}, {Kind::signed_in, {}}},
      {{"DELETE", "/api/tokens/{token_id}"}, {Kind::signed_in, {}}},
      {{"GET", "/api/organisations"}, {Kind::signed_in, {}}},
      {{"GET", "/api/cases"}, {Kind::global, kReaders}},
      {{"POST", "/api/cases"}, {Kind::global, kCaseManager}},
      {{"GET", "/api/cases/{case_id}"}, {Kind::case_id, kReaders}},
      {{"GET", "/api/cases/{case_id}/versions"}, {Kind::case_id, kReaders}},
      {{"GET", "/api/cases/{case_id}/diff"}, {Kind::case_id, kReaders}},
      {{"GET", "/api/cases/{case_id}/notification"}, {Kind::case_id, kReaders}},
      {{"POST", "/api/cases/{case_id}/transitions"}, {Kind::case_id, kCaseManager}},
      {{"POST", "/api/cases/{case_id}/signatures"}, {Kind::case_id, kCaseManager}},
      {{"GET", "/api/cases/{case_id}/history"}, {Kind::case_id, kHistory}},
      {{"POST", "/api/imports/delivery-listings"}, {Kind::global, kCaseManager}},
      {{"POST", "/api/imports/receipts"}, {Kind::global, kCaseManager}},
      {{"POST", "/api/imports/bills"}, {Kind::global, kFinance}},
      {{"POST", "/api/imports/payments"}, {Kind::global, kFinance}},
      {{"GET", "/api/documents"}, {Kind::global, kReaders}},
      {{"POST", "/api/reconciliation"}, {Kind::global, kCaseManager}},
      {{"GET", "/api/discrepancies"}, {Kind::global, kReaders}},
      {{"GET", "/api/reports/status"}, {Kind::global, kReaders}},
      {{"GET", "/api/reports/closure"}, {Kind::global, kReaders}},
      {{"GET", "/api/reports/exceptions"}, {Kind::global, kReaders}},
      {{"GET", "/api/reports/sdr"}, {Kind::global, kReaders}},
      {{"GET", "/api/reports/discrepancies"}, {Kind::global, kReaders}},
      {{"GET", "/api/reports/forecast"}, {Kind::global, kReaders}},
      {{"GET", "/api/reports/exposure"}, {Kind::global, kReaders}},
      {{"GET", "/api/reports/envelope"}, {Kind::global, kReaders}},
      {{"POST", "/api/rates"}, {Kind::global, kFinance}},
      {{"GET", "/api/rates"}, {Kind::global, kReaders}},
      {{"GET", "/api/rates/on"}, {Kind::global, kReaders}},
      {{"GET", "/api/fiscal-years"}, {Kind::global, kReaders}},
      {{"POST", "/api/budgets"}, {Kind::global, kFinance}},
      {{"GET", "/api/budgets/in-force"}, {Kind::global, kReaders}},
      {{"GET", "/api/reports/workbook"}, {Kind::global, kReaders}},
      {{"GET", "/api/users"}, {Kind::global, kAdmin}},
      {{"POST", "/api/users"}, {Kind::everywhere, kAdmin}},
      {{"GET", "/api/users/{user}"}, {Kind::global, kAdmin}},
      {{"POST", "/api/users/{user}/password"}, {Kind::global, kAdmin}},
      {{"POST", "/api/users/{user}/disable"}, {Kind::global, kAdmin}},
      {{"POST", "/api/users/{user}/enable"}, {Kind::global, kAdmin}},
      {{"POST", "/api/users/{user}/grants"}, {Kind::global, kAdmin}},
      {{"POST", "/api/users/{user}/grants/revoke"}, {Kind::global, kAdmin}},
      {{"POST", "/api/users/{user}/tokens"}, {Kind::global, kAdmin}},
      {{"DELETE", "/api/users/{user}/tokens/{token_id}"}, {Kind::global, kAdmin}},
      {{"POST", "/api/organisations"}, {Kind::everywhere, kAdmin}},
      {{"GET", "/api/audit"}, {Kind::global, kVerifiers}},
      {{"GET", "/api/verify"}, {Kind::global, kVerifiers}},
      {{"POST", "/api/sdrs"}, {Kind::global, kCaseManager}},
      {{"GET", "/api/sdrs/{number}"}, {Kind::sdr, kReaders}},
      {{"POST", "/api/sdrs/{number}/steps"}, {Kind::sdr, kCaseManager}},
  };
  return table;
}

enum class Outcome { allowed, unauthenticated, forbidden, hidden };

std::string_view name(Outcome outcome) {
  switch (outcome) {
    case Outcome::allowed:
      return "allowed";
    case Outcome::unauthenticated:
      return "401";
    case Outcome::forbidden:
      return "403";
    case Outcome::hidden:
      return "404 (hidden case)";
  }
  return "?";
}

// The SDR the matrix's SDR routes name: raised on the demo's Tomahawk case (JMOD).
std::string raise_sdr(ApiServer& server) {
  ledger::SdrCreateRequest request;
  request.case_id = "JA-P-TWK";
  request.type = recon::DiscrepancyType::quantity_short;
  request.document = "delivery PJAZTWK5210001";
  request.reason = "short delivery";
  auto outcome = server.database().sdrs().create(request, "demo");
  EXPECT_TRUE(outcome.ok()) << (outcome.ok() ? "" : outcome.error().message);
  return outcome.ok() ? outcome->sdr.number.base() : std::string();
}

struct Caller {
  std::string label;
  std::optional<Role> role;  // none: anonymous
  std::string organisation;  // "JMOD" owns the Tomahawk case; "KRDAPA" does not
  std::string token;
};

Outcome expected(const Expectation& expectation, const Caller& caller) {
  if (expectation.kind == Kind::anyone) return Outcome::allowed;
  if (!caller.role) return Outcome::unauthenticated;
  if (expectation.kind == Kind::signed_in) return Outcome::allowed;
  const bool permitted = expectation.roles.count(*caller.role) != 0;
  if (expectation.kind == Kind::global) return permitted ? Outcome::allowed : Outcome::forbidden;
  // Every caller here holds its role over one organisation only.
  if (expectation.kind == Kind::everywhere) return Outcome::forbidden;
  const bool owns_case = caller.organisation == "JMOD";
  const bool sees_case = owns_case && (kReaders.count(*caller.role) != 0 || permitted);
  if (!sees_case) return Outcome::hidden;
  return permitted ? Outcome::allowed : Outcome::forbidden;
}

Outcome observed(const HttpReply& reply, const std::string& sdr) {
  if (reply.status == 401) return Outcome::unauthenticated;
  if (reply.status == 403) return Outcome::forbidden;
  if (reply.status == 404 &&
      (reply.body.find("\"case JA-P-TWK not found\"") != std::string::npos ||
       reply.body.find("\"no SDR " + sdr + " is recorded\"") != std::string::npos)) {
    return Outcome::hidden;
  }
  return Outcome::allowed;
}

std::string concrete(const std::string& pattern, const std::string& sdr) {
  std::string path = pattern;
  for (const auto& [param, value] :
       std::vector<std::pair<std::string, std::string>>{{"{case_id}", "JA-P-TWK"},
                                                        {"{user}", "viewer"},
                                                        {"{token_id}", "0123456789abcdef"},
                                                        {"{number}", http::percent_encode(sdr)}}) {
    const std::size_t at = path.find(param);
    if (at != std::string::npos) path.replace(at, param.size(), value);
  }
  return path;
}

// A request body the route refuses once authorised, so that nothing changes.
std::pair<std::string, std::string> harmless_body(const std::string& method,
                                                  const std::string& pattern) {
  if (method != "POST") return {"", ""};
  if (pattern.rfind("/api/imports/", 0) == 0 || pattern == "/api/rates") return {"", "text/csv"};
  if (pattern == "/api/reconciliation") return {R"({"as_of":"not a date"})", "application/json"};
  return {"{}", "application/json"};
}

TEST(AuthorizationMatrix, EveryRouteRoleAndOrganisationIsAllowedOrRefusedAsSpecified) {
  ApiServer server;
  const std::string sdr = raise_sdr(server);
  ASSERT_FALSE(sdr.empty());
  std::vector<Caller> callers{{"anonymous", std::nullopt, "", ""}};
  for (const Role role : ledger::all_roles()) {
    for (const std::string organisation : {"JMOD", "KRDAPA"}) {
      std::string user = "m-" + std::string(ledger::to_string(role)) + "-" + organisation;
      for (char& c : user) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      ASSERT_TRUE(server.access().add_user(user, user, "matrix password 1", "admin").ok());
      ASSERT_TRUE(server.access().grant(user, ledger::Grant{role, organisation}, "admin").ok());
      callers.push_back(Caller{user, role, organisation, server.token_for(user)});
    }
  }
  const auto& table = specification();
  std::size_t checked = 0;
  std::set<std::pair<std::string, std::string>> routed;
  for (const http::Route& route : server.api().router().routes()) {
    routed.insert({route.method, route.pattern});
    const auto entry = table.find({route.method, route.pattern});
    ASSERT_NE(entry, table.end()) << route.method << " " << route.pattern
                                  << " has no entry in the authorisation matrix";
    const auto [body, type] = harmless_body(route.method, route.pattern);
    for (const Caller& caller : callers) {
      HttpClient client = server.client();
      if (!caller.token.empty()) client.use_token(caller.token);
      const HttpReply reply = client.send(route.method, concrete(route.pattern, sdr), body, type);
      ASSERT_LT(reply.status, 500)
          << route.method << " " << route.pattern << " as " << caller.label << ": " << reply.body;
      const Outcome want = expected(entry->second, caller);
      const Outcome got = observed(reply, sdr);
      EXPECT_EQ(got, want) << route.method << " " << route.pattern << " as " << caller.label
                           << ": expected " << name(want) << ", got " << name(got) << " ("
                           << reply.status << " " << reply.body << ")";
      ++checked;
    }
  }
  for (const auto& [key, expectation] : table) {
    EXPECT_EQ(routed.count(key), 1U)
        << key.first << " " << key.second << " is in the matrix but not a route";
  }
  EXPECT_EQ(checked, server.api().router().routes().size() * callers.size());
  // Nothing but audit records was written.
  const auto events = server.events();
  for (const auto& event : events) {
    if (event.case_id == store::kAuditStream || event.case_id == store::kAccessStream) continue;
    EXPECT_EQ(event.actor, "demo") << event.type << " was recorded by " << event.actor;
  }
}

}  // namespace
}  // namespace fms::testing
