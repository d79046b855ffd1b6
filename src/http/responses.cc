#include "http/responses.h"

#include <algorithm>
#include <cctype>

#include "http/json_text.h"
#include "http/problem.h"

namespace fms::http {
namespace {

std::string media_type(std::string_view header) {
  std::string type(header.substr(0, header.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  while (!type.empty() && type.front() == ' ') type.erase(type.begin());
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

}  // namespace

Response json_response(int status, const OrderedJson& body) {
  Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = json_text(body);
  return response;
}

Response json_response(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = json_text(body);
  return response;
}

Response text_response(int status, std::string content_type, std::string body) {
  Response response;
  response.status = status;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  return response;
}

std::optional<Response> check_content_type(const Request& request, std::string_view expected) {
  const auto header = request.header("content-type");
  if (!header || media_type(*header) != expected) {
    return problem(415, "this route takes a body of type " + std::string(expected) + ", not " +
                            (header ? "\"" + std::string(*header) + "\"" : "an untyped body"));
  }
  return std::nullopt;
}

std::optional<Response> check_query(const Request& request, const std::set<std::string>& known) {
  for (const std::string& name : request.query_names()) {
    if (known.count(name) == 0) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      return problem(400, "unknown query parameter \"" + name + "\"" +
                              (known.empty() ? "; this route takes none" : "; known: " + list));
    }
  }
  return std::nullopt;
}

std::optional<Response> check_import(const Request& request, const std::set<std::string>& known,
                                     std::string_view type, std::size_t max_bytes,
                                     const std::string& what) {
  if (auto refused = check_query(request, known)) return refused;
  if (auto refused = check_content_type(request, type)) return refused;
  if (request.body.size() > max_bytes) {
    return problem(413, what + " is at most " + std::to_string(max_bytes) + " bytes");
  }
  return std::nullopt;
}

std::optional<std::size_t> json_too_deep(std::string_view text, std::size_t depth_max) {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > depth_max) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

Answer<nlohmann::json> read_json_body(const Request& request) {
  if (auto refused = check_content_type(request, kJson)) return *refused;
  // Bounded before parsing: a parse builds a tree many times the size of its text.
  if (request.body.size() > kJsonBodyBytesMax) {
    return problem(
        413, "a JSON request body is at most " + std::to_string(kJsonBodyBytesMax) + " bytes");
  }
  if (const auto at = json_too_deep(request.body, kJsonDepthMax)) {
    return problem(400, "the request body is not valid JSON here: at byte " +
                            std::to_string(*at + 1) + ": nested deeper than " +
                            std::to_string(kJsonDepthMax) + " levels");
  }
  try {
    return nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& e) {
    return problem(400, "the request body is not valid JSON: at byte " + std::to_string(e.byte) +
                            ": " +
                            std::string(e.what()).substr(std::string(e.what()).find(':') + 2));
  }
}

Answer<nlohmann::json> read_json_object(const Request& request, const std::set<std::string>& fields,
                                        const std::set<std::string>& required) {
  FMS_ASSIGN_OR_RETURN(auto parsed, read_json_body(request));
  nlohmann::json& body = parsed;
  if (!body.is_object()) return problem(422, "the request body must be a JSON object");
  for (const auto& item : body.items()) {
    const std::string& key = item.key();
    if (fields.count(key) == 0) {
      std::string list;
      for (const auto& f : fields) list += (list.empty() ? "" : ", ") + f;
      return problem(422, "/" + key + ": unknown field; this request takes " + list);
    }
  }
  for (const std::string& name : required) {
    if (!body.contains(name) || body[name].is_null()) {
      return problem(422, "/" + name + ": a value is required");
    }
  }
  return body;
}

Answer<std::optional<CivilDate>> date_query(const Request& request, const std::string& name) {
  const auto text = request.query_param(name);
  if (!text) return std::optional<CivilDate>{};
  auto parsed = CivilDate::parse(*text);
  if (!parsed.ok())
    return problem(400,
                   "query parameter \"" + name + "\": " + parsed.error().text(Spelling::pointer));
  return std::optional<CivilDate>{*parsed};
}

std::string string_field(const nlohmann::json& object, const std::string& name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::string> negotiate(const Request& request,
                                     const std::vector<std::string>& offered) {
  const auto accept = request.header("accept");
  if (!accept || accept->empty()) return offered.front();
  std::string_view rest = *accept;
  std::optional<std::string> wildcard;
  // The first acceptable type in the client's order; q-values other than 0 count as acceptance.
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    const std::string type = media_type(item);
    if (item.find("q=0") != std::string_view::npos && item.find("q=0.") == std::string_view::npos) {
      continue;
    }
    if (type == "*/*" || type == "application/*") {
      if (!wildcard) wildcard = offered.front();
      continue;
    }
    if (std::find(offered.begin(), offered.end(), type) != offered.end()) return type;
  }
  return wildcard;
}

}  // namespace fms::http
