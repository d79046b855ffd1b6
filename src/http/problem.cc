#include "http/problem.h"

#include "http/json_text.h"

namespace fms::http {

Response problem(int status, const std::string& detail, nlohmann::json extra) {
  nlohmann::ordered_json body;
  body["type"] = "about:blank";
  body["title"] = std::string(reason_phrase(status));
  body["status"] = status;
  body["detail"] = detail;
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
