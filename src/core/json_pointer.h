// JSON Pointer (RFC 6901) locations, as every located error message in fmsledger names them:
// "/lines/2/quantity". Only building pointers is needed, so this is three small functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fms::json_pointer {

// "~" is written "~0" and "/" is written "~1" inside one reference token.
inline std::string escape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

inline std::string child(const std::string& pointer, std::string_view key) {
  return pointer + "/" + escape_token(key);
}

inline std::string child(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

}  // namespace fms::json_pointer
