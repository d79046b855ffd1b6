// Dictionaries the bulk importers build while reading rows: case + line keys, Delivery Term
// Codes, inspectors. A value is validated the first time it is seen and given the next index;
// afterwards only a hash look-up remains, and rows repeating the previous row's value (the
// usual case in a listing sorted by case and line) skip even that through a one-entry cache.
// Nothing is allocated for a value already in the dictionary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/execution.h"

namespace fms::io::csv {

struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};
using IndexByText =
    std::unordered_map<std::string, std::uint32_t, TransparentStringHash, std::equal_to<>>;

// Equality of short strings without a call to memcmp.
inline bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Strings to indexes into `values`, in order of first appearance.
class TextDictionary {
 public:
  explicit TextDictionary(std::vector<std::string>& values) : values_(values) {}

  // The index of `text`, adding it when `accept(text)` says it is valid; nullopt when it is not.
  template <class Accept>
  std::optional<std::uint32_t> index(std::string_view text, Accept&& accept) {
    if (has_last_ && same_text(text, values_[last_])) return last_;
    if (values_.size() <= kScanned) {
      for (std::uint32_t i = 0; i < values_.size(); ++i) {
        if (same_text(text, values_[i])) {
          remember(i);
          return i;
        }
      }
    } else if (const auto found = index_.find(text); found != index_.end()) {
      remember(found->second);
      return found->second;
    }
    if (!accept(text)) return std::nullopt;
    const auto added = static_cast<std::uint32_t>(values_.size());
    values_.emplace_back(text);
    index_.emplace(std::string(text), added);
    remember(added);
    return added;
  }

 private:
  // Up to this many values, a linear scan beats hashing (Delivery Term Codes, inspectors).
  static constexpr std::size_t kScanned = 8;

  void remember(std::uint32_t index) {
    last_ = index;
    has_last_ = true;
  }

  std::vector<std::string>& values_;
  IndexByText index_;
  std::uint32_t last_ = 0;
  bool has_last_ = false;
};

// Case + line pairs to indexes into `keys`, in order of first appearance.
class LineKeyDictionary {
 public:
  explicit LineKeyDictionary(std::vector<LineKey>& keys) : keys_(keys) {}

  // The index of the pair, adding it when `accept(case_id, line)` says both are valid.
  template <class Accept>
  std::optional<std::uint32_t> index(std::string_view case_id, std::string_view line,
                                     Accept&& accept) {
    if (has_last_ && same_text(case_id, keys_[last_].case_id) &&
        same_text(line, keys_[last_].line)) {
      return last_;
    }
    char buffer[kMaxKeyBytes];
    const std::string_view key = combined(case_id, line, buffer);
    if (!key.empty()) {
      if (const auto found = index_.find(key); found != index_.end()) {
        remember(found->second);
        return found->second;
      }
    }
    if (!accept(case_id, line)) return std::nullopt;
    const auto added = static_cast<std::uint32_t>(keys_.size());
    keys_.push_back(LineKey{std::string(case_id), std::string(line)});
    index_.emplace(std::string(combined(case_id, line, buffer)), added);
    remember(added);
    return added;
  }

 private:
  // Valid keys are short ("JA-P-TWK" and "001a"); longer text is never in the dictionary.
  static constexpr std::size_t kMaxKeyBytes = 32;

  // "case_id\x1fline" in `buffer`, or empty when it does not fit (so cannot be a valid key).
  static std::string_view combined(std::string_view case_id, std::string_view line,
                                   char (&buffer)[kMaxKeyBytes]) {
    if (case_id.size() + 1 + line.size() > kMaxKeyBytes) return {};
    case_id.copy(buffer, case_id.size());
    buffer[case_id.size()] = '\x1f';
    line.copy(buffer + case_id.size() + 1, line.size());
    return {buffer, case_id.size() + 1 + line.size()};
  }

  void remember(std::uint32_t index) {
    last_ = index;
    has_last_ = true;
  }

  std::vector<LineKey>& keys_;
  IndexByText index_;
  std::uint32_t last_ = 0;
  bool has_last_ = false;
};

}  // namespace fms::io::csv
