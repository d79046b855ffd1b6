#include "http/problem.h"

#include "http/json_text.h"

namespace fms::http {

namespace {

// A stable, language-free name for the kind of problem, so a client can word it in its own
// language; "detail" stays the located English message.
std::string_view code_for(int status) {
  switch (status) {
    case 400:
      return "bad-request";
    case 401:
      return "not-signed-in";
    case 403:
      return "forbidden";
    case 404:
      return "not-found";
    case 405:
      return "method-not-allowed";
    case 406:
      return "not-acceptable";
    case 408:
      return "timeout";
    case 409:
      return "conflict";
    case 412:
      return "precondition-failed";
    case 413:
      return "too-large";
    case 415:
      return "unsupported-media-type";
    case 422:
      return "invalid-input";
    case 428:
      return "precondition-required";
    case 429:
      return "too-many-requests";
    case 431:
      return "headers-too-large";
    case 503:
      return "unavailable";
    default:
      return status >= 500 ? "server-error" : "error";
  }
}

}  // namespace

Response problem(int status, const std::string& detail, nlohmann::json extra) {
  nlohmann::ordered_json body;
  body["type"] = "about:blank";
  body["title"] = std::string(reason_phrase(status));
  body["status"] = status;
  body["detail"] = detail;
  body["code"] = std::string(code_for(status));
  if (detail.find('\n') != std::string::npos) {
    nlohmann::json lines = nlohmann::json::array();
    std::size_t start = 0;
    while (start <= detail.size()) {
      const std::size_t end = detail.find('\n', start);
      const std::string line =
          detail.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!line.empty()) lines.push_back(line);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    body["errors"] = lines;
  }
  if (extra.is_object()) {
    for (const auto& [key, value] : extra.items()) body[key] = value;
  }
  Response response;
  response.status = status;
  response.content_type = std::string(kProblemJson);
  response.body = json_text(body);
  return response;
}

int status_for(const Error& error) {
  switch (error.kind) {
    case ErrorKind::invalid_input:
      return 422;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::forbidden:
      return 403;
    default:
      return 500;
  }
}

Response problem_for(const Error& error) {
  const int status = status_for(error);
  if (status == 500) {
    Response response = problem(500, "the server could not complete the request; see its log");
    response.log_error = error.text(Spelling::pointer);
    return response;
  }
  // The field the error concerns, as a JSON pointer into the request (RFC 6901), beside the
  // detail that names it the same way.
  nlohmann::json extra;
  if (!error.field.empty()) extra["pointer"] = spell_field(error.field, Spelling::pointer);
  return problem(status, error.text(Spelling::pointer), extra);
}

}  // namespace fms::http
