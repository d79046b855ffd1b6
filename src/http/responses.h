// Building answers and reading request bodies, the same way on every route.
//
// Request bodies are refused before anything is done with them: a JSON route takes only
// application/json, a body that does not parse is a 400 naming the byte where it stopped, and a
// field the route does not know is a 422 naming it (a typo must not be silently ignored). An
// import route takes text/csv (or application/json for JSON documents).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include "base/result.h"
#include "core/civil_date.h"
#include "http/message.h"
#include "http/problem.h"

namespace fms::http {

using OrderedJson = nlohmann::ordered_json;

// What a handler answers: a Response, or the problem an Error maps to (problem_for). A handler
// that returns a Reply propagates any error with FMS_TRY and FMS_ASSIGN_OR_RETURN, as the rest of
// the code does, instead of unwrapping by hand.
class Reply {
 public:
  Reply(Response answer) : response_(std::move(answer)) {}  // NOLINT(google-explicit-constructor)
  Reply(const Error& error)
      : response_(problem_for(error)) {}                   // NOLINT(google-explicit-constructor)
  operator Response() && { return std::move(response_); }  // NOLINT(google-explicit-constructor)

 private:
  Response response_;
};

// A value read from the request, or the answer that refuses it. It reads like Result (ok(),
// value(), error()), so FMS_ASSIGN_OR_RETURN unwraps it in a handler returning Reply or
// Response, or in another Answer.
template <class T>
class [[nodiscard]] Answer {
 public:
  Answer(T value) : v_(std::move(value)) {}               // NOLINT(google-explicit-constructor)
  Answer(Response refusal) : v_(std::move(refusal)) {}    // NOLINT(google-explicit-constructor)
  Answer(const Error& error) : v_(problem_for(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return v_.index() == 0; }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  [[nodiscard]] const Response& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Response> v_;
};

Response json_response(int status, const OrderedJson& body);
Response json_response(int status, const nlohmann::json& body);
Response text_response(int status, std::string content_type, std::string body);

// Limits checked before a JSON body is parsed (a budget document, the largest, has its own).
inline constexpr std::size_t kJsonBodyBytesMax = 4 * 1024 * 1024;
inline constexpr std::size_t kJsonDepthMax = 64;
// The offset of the bracket that nests deeper than `depth_max`, or nullopt. Strings are skipped.
std::optional<std::size_t> json_too_deep(std::string_view text, std::size_t depth_max);

// The body as JSON of any shape: 415 unless application/json, 413 over kJsonBodyBytesMax, 400
// nested deeper than kJsonDepthMax or naming the byte where it stops parsing.
Answer<nlohmann::json> read_json_body(const Request& request);
// The body as a JSON object with only `fields` (and all of `required`).
Answer<nlohmann::json> read_json_object(const Request& request, const std::set<std::string>& fields,
                                        const std::set<std::string>& required);
// The body of an import: `expected` ("text/csv" or "application/json") or 415.
std::optional<Response> check_content_type(const Request& request, std::string_view expected);
// The request of a document import, before its body is read: no query parameter but `known`,
// a body of type `type` and of at most `max_bytes` (else 413, naming `what`).
std::optional<Response> check_import(const Request& request, const std::set<std::string>& known,
                                     std::string_view type, std::size_t max_bytes,
                                     const std::string& what);
// Query parameters other than `known` are a 400 naming them.
std::optional<Response> check_query(const Request& request, const std::set<std::string>& known);

// A date query parameter (YYYY-MM-DD): nullopt when absent, a 400 naming it when malformed.
Answer<std::optional<CivilDate>> date_query(const Request& request, const std::string& name);

// A string field of a checked object, "" when absent.
std::string string_field(const nlohmann::json& object, const std::string& name);

// What the client accepts among `offered` media types (first offered when it accepts anything,
// nullopt when it accepts none of them: a 406).
std::optional<std::string> negotiate(const Request& request,
                                     const std::vector<std::string>& offered);

inline constexpr std::string_view kCsv = "text/csv";
inline constexpr std::string_view kJson = "application/json";
inline constexpr std::string_view kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace fms::http
