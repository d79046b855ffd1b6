// The short form of a content hash that messages and listings show, as git shows commits: the
// first 12 of its 64 hex digits, enough to tell documents apart by eye and to type.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fms::base {

inline constexpr std::size_t kShortHashDigits = 12;

inline std::string short_hash(std::string_view hash) {
  return std::string(hash.substr(0, kShortHashDigits));
}

}  // namespace fms::base
