#include "core/text.h"

#include <cstdint>
#include <cstring>

namespace fms {
namespace {

constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

bool is_continuation(unsigned char c) {
  return (c & 0xC0U) == 0x80U;
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    std::uint64_t word = 0;
    while (i + sizeof word <= n) {
      std::memcpy(&word, p + i, sizeof word);
      if ((word & kHigh) != 0) break;
      i += sizeof word;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80U) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char second_min = 0x80U;
    unsigned char second_max = 0xBFU;
    if (c >= 0xC2U && c <= 0xDFU) {
      length = 2;
    } else if (c >= 0xE0U && c <= 0xEFU) {
      length = 3;
      if (c == 0xE0U) second_min = 0xA0U;  // overlong
      if (c == 0xEDU) second_max = 0x9FU;  // surrogates
    } else if (c >= 0xF0U && c <= 0xF4U) {
      length = 4;
      if (c == 0xF0U) second_min = 0x90U;  // overlong
      if (c == 0xF4U) second_max = 0x8FU;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + length > n || p[i + 1] < second_min || p[i + 1] > second_max) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if (!is_continuation(p[i + k])) return i;
    }
    i += length;
  }
  return n;
}

std::size_t first_control_character(std::string_view text, bool multiline) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' && multiline) continue;
    if (c == '\r' && multiline && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (c < 0x20U || c == 0x7FU) return i;
    // C1 controls are U+0080-U+009F, encoded C2 80 - C2 9F.
    if (c == 0xC2U && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80U && next <= 0x9FU) return i;
    }
  }
  return text.size();
}

Status check_text(std::string_view field, std::string_view text, const TextRule& rule) {
  const std::string name(field);
  if (text.size() < rule.min_bytes || text.size() > rule.max_bytes) {
    return Error::invalid(name + ": must be " + std::to_string(rule.min_bytes) + " to " +
                          std::to_string(rule.max_bytes) + " bytes (it is " +
                          std::to_string(text.size()) + ")");
  }
  if (const std::size_t bad = first_invalid_utf8(text); bad != text.size()) {
    return Error::invalid(name + ": must be UTF-8 text (byte " + std::to_string(bad + 1) +
                          " is not)");
  }
  if (const std::size_t bad = first_control_character(text, rule.multiline); bad != text.size()) {
    return Error::invalid(name + ": must not hold control characters" +
                          (rule.multiline ? std::string(" other than line breaks")
                                          : std::string(" such as line breaks, tabs or U+0000")) +
                          " (byte " + std::to_string(bad + 1) + " is one)");
  }
  return Status::Ok();
}

std::string printable(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t valid = first_invalid_utf8(text.substr(i));
    std::string_view run = text.substr(i, valid);
    while (!run.empty()) {
      const std::size_t control = first_control_character(run, true);
      out.append(run.substr(0, control));
      if (control == run.size()) break;
      // A C1 control is two bytes; any other control one.
      const std::size_t width = static_cast<unsigned char>(run[control]) == 0xC2U ? 2 : 1;
      out.append(kReplacement);
      run.remove_prefix(control + width);
    }
    i += valid;
    if (i < text.size()) {
      out.append(kReplacement);
      ++i;
    }
  }
  return out;
}

}  // namespace fms
