// The HTTP request and response as the API sees them: plain values, independent of the server
// library, so handlers, the router and their tests never include Boost.Beast.
//
// Header names are kept lower-case (HTTP field names are case-insensitive). The request's path
// is the target up to '?', percent-decoded; routes match the raw path segment by segment, so an
// encoded '/' ("%2F", as in an SDR number) stays inside its segment. The query string stays raw
// and is decoded per parameter.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fms::http {

struct Header {
  std::string name;  // lower-case
  std::string value;
};

struct Request {
  std::string method;    // "GET"
  std::string target;    // "/api/cases?limit=10" as received
  std::string path;      // "/api/cases", percent-decoded
  std::string raw_path;  // the target up to '?' as received; empty: same as path
  std::string query;     // "limit=10", raw
  std::vector<Header> headers;
  std::string body;
  std::string remote;   // peer address, "127.0.0.1"
  bool secure = false;  // arrived over TLS

  // The first header of that (lower-case) name.
  [[nodiscard]] std::optional<std::string_view> header(std::string_view lower_name) const;
  // A query parameter, percent-decoded ('+' is a space); nullopt when absent.
  [[nodiscard]] std::optional<std::string> query_param(std::string_view name) const;
  // Every query parameter name, in order (for refusing unknown ones).
  [[nodiscard]] std::vector<std::string> query_names() const;
  // A cookie from the Cookie header.
  [[nodiscard]] std::optional<std::string> cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type;  // empty: no body type (e.g. 204)
  std::vector<Header> headers;
  std::string body;
  // Filled by the API for the request log: who asked (empty when anonymous) and which route.
  std::string log_user;
  std::string log_route;
  std::string log_error;  // an internal error's message: logged, never sent

  Response& with_header(std::string name, std::string value) {
    headers.push_back(Header{std::move(name), std::move(value)});
    return *this;
  }
};

// "%2F" -> "/"; nullopt when an escape is malformed. With `plus_is_space`, '+' decodes to ' '
// (query strings), otherwise it stays '+' (paths).
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);
std::string percent_encode(std::string_view text);

// Sets the request's target as received and splits it: the raw path up to '?', the path
// percent-decoded (empty when the target is not an origin-form path or an escape is malformed),
// and the raw query.
void set_target(Request& request, std::string target);

// What of the request cannot be read as text, or nullopt when all of it can: the decoded path
// must be UTF-8 without control characters, and so must every query parameter's name and value
// (a value may hold line breaks), with well-formed escapes. The description names the part
// ("the request path", "query parameter \"source\"") and never echoes its bytes.
std::optional<std::string> unreadable_part(const Request& request);

// The reason phrase of a status code ("Not Found").
std::string_view reason_phrase(int status);

}  // namespace fms::http
