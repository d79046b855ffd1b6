// The route table: which handler answers which method and path, and what a caller must hold to
// be let through. The table is data, so the OpenAPI document, the authorisation-matrix test and
// the request metrics all read the same list the server dispatches on.
//
// Patterns are literal segments and "{name}" segments ("/api/cases/{case_id}/versions/{n}");
// a "{name}" matches one non-empty segment. Literal segments win over parameters. A path is
// matched as received: split at '/', then each segment percent-decoded, so "%2F" is a '/' inside
// a parameter ("/api/sdrs/A0001-JA-TWK%2F001") and never a separator.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"
#include "ledger/access/permission.h"

namespace fms::http {

// What a route requires of its caller (docs/api.md, "Roles"; ledger/access/permission.h).
using ledger::Permission;

// Whether a route is about one case (its {case_id} decides the organisation), one SDR (its
// {number}; the SDR's case decides) or the portfolio (its answer is filtered to the caller's
// organisations).
enum class Scope { none, case_id, sdr, portfolio };

struct Call;
using RouteHandler = std::function<Response(Call&)>;

struct Route {
  std::string method;   // "GET"
  std::string pattern;  // "/api/cases/{case_id}"
  Permission permission = Permission::read;
  Scope scope = Scope::none;
  RouteHandler handler;
};

struct RouteMatch {
  const Route* route = nullptr;  // null: no route for this method and path
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed_methods;  // when the path exists under other methods (405)
};

class Router {
 public:
  void add(Route route);
  // `raw_path` is not yet percent-decoded; a malformed escape matches no route.
  [[nodiscard]] RouteMatch match(std::string_view method, std::string_view raw_path) const;
  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> patterns_;  // each route's pattern, split once
};

// "/api/cases/{case_id}" -> {"api", "cases", "{case_id}"}
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace fms::http
