#include "http/message.h"

#include <cctype>

#include "core/text.h"

namespace fms::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Calls `visit(name, value)` for each "name=value" pair of a query string, raw.
template <class Visit>
void for_each_pair(std::string_view query, Visit visit) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    visit(pair.substr(0, eq),
          eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
  }
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
  for (const Header& h : headers) {
    if (h.name == lower_name) return std::string_view(h.value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  std::optional<std::string> found;
  for_each_pair(query, [&](std::string_view raw_name, std::string_view raw_value) {
    if (found) return;
    if (percent_decode(raw_name, true).value_or("") != name) return;
    found = percent_decode(raw_value, true).value_or(std::string(raw_value));
  });
  return found;
}

std::vector<std::string> Request::query_names() const {
  std::vector<std::string> names;
  for_each_pair(query, [&](std::string_view raw_name, std::string_view) {
    names.push_back(percent_decode(raw_name, true).value_or(std::string(raw_name)));
  });
  return names;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  const auto text = header("cookie");
  if (!text) return std::nullopt;
  std::string_view rest = *text;
  while (!rest.empty()) {
    const std::size_t semi = rest.find(';');
    const std::string_view item = trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    if (trim(item.substr(0, eq)) == name) return std::string(trim(item.substr(eq + 1)));
  }
  return std::nullopt;
}

void set_target(Request& request, std::string target) {
  request.target = std::move(target);
  const std::size_t question = request.target.find('?');
  const std::string raw_path = request.target.substr(0, question);
  if (question != std::string::npos) request.query = request.target.substr(question + 1);
  if (!raw_path.empty() && raw_path.front() == '/') {
    request.path = percent_decode(raw_path, false).value_or("");
    request.raw_path = raw_path;
  }
}

std::optional<std::string> unreadable_part(const Request& request) {
  const auto readable = [](std::string_view text, bool multiline) {
    return is_utf8(text) && first_control_character(text, multiline) == text.size();
  };
  if (!readable(request.path, false)) return std::string("the request path");
  std::optional<std::string> found;
  std::size_t position = 0;
  for_each_pair(request.query, [&](std::string_view raw_name, std::string_view raw_value) {
    ++position;
    if (found) return;
    const auto name = percent_decode(raw_name, true);
    if (!name || !readable(*name, false)) {
      found = "query parameter " + std::to_string(position);
      return;
    }
    const auto value = percent_decode(raw_value, true);
    if (!value || !readable(*value, true)) found = "query parameter \"" + *name + "\"";
  });
  return found;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "";
  }
}

}  // namespace fms::http
