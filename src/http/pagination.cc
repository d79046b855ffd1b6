#include "http/pagination.h"

#include <fmt/format.h>

#include <charconv>

#include "http/problem.h"

namespace fms::http {

std::string encode_cursor(const std::string& key) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char c : key) {
    const auto byte = static_cast<unsigned char>(c);
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0x0F]);
  }
  return out;
}

std::string numeric_key(std::int64_t value) {
  return fmt::format("{:020}", value);
}

Answer<PageRequest> read_page(const Request& request, std::size_t default_limit,
                              std::size_t max_limit) {
  PageRequest page;
  page.limit = default_limit;
  if (const auto limit = request.query_param("limit")) {
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (ec != std::errc() || end != limit->data() + limit->size() || value == 0 ||
        value > max_limit) {
      return problem(400, "query parameter \"limit\": \"" + *limit +
                              "\" is not a whole number "
                              "from 1 to " +
                              std::to_string(max_limit));
    }
    page.limit = value;
  }
  if (const auto cursor = request.query_param("cursor")) {
    std::string key;
    bool valid = cursor->size() % 2 == 0 && !cursor->empty();
    for (std::size_t i = 0; valid && i < cursor->size(); i += 2) {
      unsigned value = 0;
      const auto [end, ec] = std::from_chars(cursor->data() + i, cursor->data() + i + 2, value, 16);
      valid = ec == std::errc() && end == cursor->data() + i + 2;
      key.push_back(static_cast<char>(value));
    }
    if (!valid) {
      return problem(400,
                     "query parameter \"cursor\": not a cursor this API gave out; use the "
                     "next_cursor of the page before");
    }
    page.after = key;
  }
  return page;
}

}  // namespace fms::http
