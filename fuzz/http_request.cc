// The HTTP request path before any handler runs, on any bytes: the route table of the API
// (every add_*_routes of http/api.h), the request's path and query as the server splits them
// (http/message.h), the page and date query parameters (http/pagination.h, http/responses.h),
// and the problem+json answers of a refusal (http/problem.h).
//
// Input: a request line "METHOD TARGET" up to the first '\n', then any text, used as the detail
// of a problem (so it may hold line breaks). Checked on every input:
//  - a route matched has the request's method (or GET for HEAD), one non-empty parameter per
//    "{name}" of its pattern and literal segments equal to the decoded path's; no match offers
//    the request's own method as an alternative; a path with a malformed escape matches nothing;
//  - every query parameter whose name decodes can be looked up, with the value of its first
//    occurrence;
//  - a page query read has a limit of 1..max and a cursor that encodes back to the one given;
//  - percent_decode(percent_encode(x)) is x;
//  - every problem answer (404/405 of the router, 400 of a query, 422, 500) is valid JSON with
//    type, title, status and detail, its detail the message given (500: hidden, kept for the
//    log; a message that is not UTF-8 as the JSON writer replaces it), and a multi-line detail
//    listed line by line in "errors".
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "fuzz_support.h"
#include "http/api.h"
#include "http/message.h"
#include "http/pagination.h"
#include "http/problem.h"
#include "http/responses.h"
#include "http/router.h"

namespace {

using fms::fuzz::check;
using fms::fuzz::fail;
using namespace fms::http;

constexpr std::size_t kPageDefault = 100;
constexpr std::size_t kPageMax = 1000;

const Router& router() {
  static const Router table = [] {
    Router r;
    add_system_routes(r);
    add_session_routes(r);
    add_case_routes(r);
    add_execution_routes(r);
    add_report_routes(r);
    add_admin_routes(r);
    add_audit_routes(r);
    add_rate_routes(r);
    add_sdr_routes(r);
    add_budget_routes(r);
    return r;
  }();
  return table;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::vector<std::string> non_empty_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string line =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty()) lines.push_back(std::move(line));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

// A refusal as the API sends it: application/problem+json with the fields of RFC 9457. A
// message that is not UTF-8 (only a client's bytes can make one) cannot be written as JSON as
// it is: the body must still be valid JSON, and its detail whatever stands in for those bytes.
void check_problem(const Response& response, int status, const std::string& detail) {
  check(response.status == status, "a problem has the status it was given");
  check(response.content_type == kProblemJson, "a problem is application/problem+json");
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(response.body);
  } catch (const nlohmann::json::exception& e) {
    fail("a problem's body is valid JSON", e.what());
  }
  check(body.is_object(), "a problem's body is a JSON object", response.body);
  check(body.value("type", "") == "about:blank", "a problem's type is about:blank");
  check(body.value("title", "") == reason_phrase(status), "a problem's title is its reason");
  check(body.value("status", 0) == status, "a problem's body states its status");
  check(body.contains("detail") && body["detail"].is_string(), "a problem has a detail");
  const bool exact = fms::fuzz::is_utf8(detail);
  check(!exact || body["detail"] == detail, "a problem's detail is the message given",
        response.body);
  const std::vector<std::string> lines = non_empty_lines(detail);
  if (detail.find('\n') == std::string::npos) {
    check(!body.contains("errors"), "a one-line problem has no errors list", response.body);
  } else {
    check(body.contains("errors") && body["errors"].is_array() &&
              body["errors"].size() == lines.size(),
          "a multi-line problem lists each line in errors", response.body);
    check(!exact || body["errors"] == nlohmann::json(lines),
          "a multi-line problem's errors are its lines", response.body);
  }
}

// problem() on a message from the request: an exception out of it is a finding in itself.
Response rendered(int status, const std::string& detail) {
  try {
    return problem(status, detail);
  } catch (const std::exception& e) {
    fail("a problem renders for any detail", e.what());
  }
}

void check_problem_answer(const Response& response, int status) {
  // The detail is the server's own words around the request's; only its JSON form is checked.
  check(response.status == status, "a refusal has its status");
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(response.body);
  } catch (const nlohmann::json::exception& e) {
    fail("a refusal's body is valid JSON", e.what());
  }
  check(body.is_object() && body.value("status", 0) == status && body.contains("detail"),
        "a refusal's body is a problem", response.body);
}

void check_match(const std::string& method, const std::string& raw_path, const RouteMatch& match) {
  if (!percent_decode(raw_path, false)) {
    check(match.route == nullptr && match.allowed_methods.empty(),
          "a path with a malformed escape matches no route");
    return;
  }
  if (match.route == nullptr) {
    std::set<std::string> seen;
    for (const std::string& allowed : match.allowed_methods) {
      check(allowed != method, "a method not matched is not offered as an alternative");
      check(seen.insert(allowed).second, "alternative methods are listed once");
    }
    return;
  }
  // HEAD may be answered by the GET route (without its body).
  check(match.route->method == method || (method == "HEAD" && match.route->method == "GET"),
        "a route matched has the request's method");
  check(match.allowed_methods.empty(), "a route matched offers no alternatives");
  const std::vector<std::string_view> pattern = split_path(match.route->pattern);
  const std::vector<std::string_view> raw = split_path(raw_path);
  check(pattern.size() == raw.size(), "a route matched has as many segments as the path");
  std::size_t parameters = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::optional<std::string> segment = percent_decode(raw[i], false);
    check(segment.has_value(), "a path matched decodes segment by segment");
    if (is_parameter(pattern[i])) {
      ++parameters;
      const std::string name(pattern[i].substr(1, pattern[i].size() - 2));
      const auto param = match.params.find(name);
      check(param != match.params.end() && !param->second.empty() && param->second == *segment,
            "a route parameter is the decoded, non-empty path segment", name);
    } else {
      check(pattern[i] == *segment, "a literal segment matched equals the path's");
    }
  }
  check(match.params.size() == parameters, "a route matched has one value per parameter");
}

// The query pairs as written: "a=1&b&&c=%41" -> (a,1) (b,) (c,%41).
std::vector<std::pair<std::string_view, std::string_view>> raw_pairs(std::string_view query) {
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    pairs.emplace_back(pair.substr(0, eq),
                       eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
  }
  return pairs;
}

void check_query(const Request& request) {
  const auto pairs = raw_pairs(request.query);
  check(request.query_names().size() == pairs.size(), "every query pair has a name listed");
  std::set<std::string> looked_up;
  for (const auto& [raw_name, raw_value] : pairs) {
    const std::optional<std::string> name = percent_decode(raw_name, true);
    // An empty name is skipped: a name with a malformed escape is looked up as "" too.
    if (!name || name->empty() || !looked_up.insert(*name).second) continue;
    const std::optional<std::string> value = request.query_param(*name);
    check(value.has_value(), "a query parameter listed can be looked up", *name);
    check(*value == percent_decode(raw_value, true).value_or(std::string(raw_value)),
          "a query parameter's value is its first occurrence's, decoded", *name);
  }

  const Answer<PageRequest> page = read_page(request, kPageDefault, kPageMax);
  if (!page.ok()) {
    check_problem_answer(page.error(), 400);
  } else {
    const PageRequest& read = *page;
    check(read.limit >= 1 && read.limit <= kPageMax, "a page limit read is 1..max");
    if (read.after) {
      std::string cursor = *request.query_param("cursor");
      for (char& c : cursor) {
        if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
      }
      check(encode_cursor(*read.after) == cursor, "a cursor read encodes back to itself", cursor);
    }
  }
  const auto as_of = date_query(request, "as-of");
  if (!as_of.ok()) check_problem_answer(as_of.error(), 400);
  if (const auto refused = fms::http::check_query(request, {"limit", "cursor", "as-of"})) {
    check_problem_answer(*refused, 400);
  }
}

void check_percent_round_trip(std::string_view text) {
  const std::string encoded = percent_encode(text);
  check(percent_decode(encoded, false) == std::string(text),
        "percent_decode(percent_encode(x)) is x");
  check(percent_decode(encoded, true) == std::string(text),
        "percent_decode(percent_encode(x)) is x with '+' as space too");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fms::fuzz::as_text(data, size);
  const std::size_t line_end = input.find('\n');
  const std::string_view line = input.substr(0, line_end);
  const std::string detail(line_end == std::string_view::npos ? std::string_view{}
                                                              : input.substr(line_end + 1));
  const std::size_t space = line.find(' ');
  Request request;
  request.method = std::string(line.substr(0, space));
  // As the server splits a target.
  set_target(request,
             space == std::string_view::npos ? std::string() : std::string(line.substr(space + 1)));
  const std::string raw_path =
      request.raw_path.empty() ? request.path : request.raw_path;  // as Api::dispatch

  check_percent_round_trip(raw_path);
  check_percent_round_trip(detail);

  const RouteMatch match = router().match(request.method, raw_path);
  check_match(request.method, raw_path, match);
  try {
    check_query(request);
  } catch (const std::exception& e) {
    fail("reading the query of a request throws nothing", e.what());
  }

  // The router's refusals, worded as Api::dispatch words them.
  if (!request.path.empty() && match.route == nullptr) {
    if (!match.allowed_methods.empty()) {
      std::string allow;
      for (const std::string& method : match.allowed_methods) {
        allow += (allow.empty() ? "" : ", ") + method;
      }
      const std::string message = request.method + " is not supported here; use " + allow;
      check_problem(rendered(405, message), 405, message);
    } else {
      const std::string message = "no route for " + request.path;
      check_problem(rendered(404, message), 404, message);
    }
  }

  check_problem(rendered(422, detail), 422, detail);
  Response hidden;
  try {
    hidden = problem_for(fms::Error::internal(detail));
  } catch (const std::exception& e) {
    fail("an internal error renders for any message", e.what());
  }
  check_problem(hidden, 500, "the server could not complete the request; see its log");
  check(hidden.log_error == detail, "an internal error's message is kept for the log");
  return 0;
}
