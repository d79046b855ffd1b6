// What every fuzz target shares: the input as text, the one way a target reports a broken
// invariant, the reference data the importers check codes against, and the documented ways of
// writing the same file differently (CRLF for LF, a byte order mark in front) that every CSV
// importer must read alike.
//
// A target refuses nothing itself: an input the parser refuses is an ordinary outcome. Only a
// crash, a sanitizer report or a failed check() is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/result.h"
#include "core/reference_data.h"
#include "refdata/loader.h"

namespace fms::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return size == 0 ? std::string_view{}
                   : std::string_view(reinterpret_cast<const char*>(data), size);
}

// Offset of the first byte that does not start a valid UTF-8 sequence (no overlong forms, no
// surrogates, nothing above U+10FFFF), or text.size(): the definition, one byte at a time, to
// hold the project's fast version to.
inline std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if ((lead & 0xE0U) == 0xC0U) {
      length = 2;
      code_point = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
      length = 3;
      code_point = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
      length = 4;
      code_point = lead & 0x07U;
    } else {
      return i;
    }
    if (text.size() - i < length) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0U) != 0x80U) return i;
      code_point = (code_point << 6U) | (next & 0x3FU);
    }
    const std::uint32_t shortest_min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < shortest_min[length] || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return i;
    }
    i += length;
  }
  return text.size();
}

inline bool is_utf8(std::string_view text) {
  return first_invalid_utf8(text) == text.size();
}

// A violated invariant: says which, and aborts so that libFuzzer (or the replay) records it.
[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
  if (!detail.empty()) {
    std::fprintf(stderr, "%.*s\n", static_cast<int>(detail.size()), detail.data());
  }
  std::abort();
}

inline void check(bool holds, const char* what, std::string_view detail = {}) {
  if (!holds) fail(what, detail);
}

// A refusal of user input is invalid_input; any other kind (internal above all) is a bug.
inline void check_refusal(const Error& error) {
  check(error.kind == ErrorKind::invalid_input, "a refused input is reported as invalid input",
        error.message);
  check(!error.message.empty(), "a refusal says why");
}

// The reference data compiled into fmsledger, loaded once.
inline const ReferenceData& reference() {
  static const ReferenceData data = [] {
    auto loaded = refdata::load_builtin();
    if (!loaded.ok()) fail("the built-in reference data loads", loaded.error().message);
    return std::move(loaded).value();
  }();
  return data;
}

inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Whether writing every LF as CRLF keeps what the text says: not when a quoted field may hold a
// line break, nor when a CR already present could pair up with a new LF.
inline bool crlf_rewrite_applies(std::string_view text) {
  return text.find('"') == std::string_view::npos && text.find('\r') == std::string_view::npos;
}

inline std::string with_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    if (c == '\n') out.push_back('\r');
    out.push_back(c);
  }
  return out;
}

inline bool bom_rewrite_applies(std::string_view text) {
  return text.rfind(kByteOrderMark, 0) != 0;
}

inline std::string with_bom(std::string_view text) {
  return std::string(kByteOrderMark) + std::string(text);
}

// Two parses of the same document written differently must agree: both refused or both read,
// and then read to the same value.
template <class A, class B, class Same>
void check_same_reading(const Result<A>& first, const Result<B>& second, const char* what,
                        Same same) {
  if (first.ok() != second.ok()) {
    fail(what, first.ok() ? second.error().message : first.error().message);
  }
  if (first.ok()) check(same(*first, *second), what);
}

// A CSV document read as written, with CRLF line ends and with a byte order mark must read
// alike (docs/formats/delivery-listing.md, "Common CSV rules"); `parse(text)` reads one.
template <class T, class Parse, class Same>
void check_rewritten_readings(std::string_view text, const Result<T>& as_written, Parse parse,
                              Same same) {
  if (crlf_rewrite_applies(text)) {
    check_same_reading(as_written, parse(with_crlf(text)),
                       "a file with CRLF line ends reads as with LF", same);
  }
  if (bom_rewrite_applies(text)) {
    check_same_reading(as_written, parse(with_bom(text)),
                       "a file with a byte order mark reads as without", same);
  }
}

// The bulk importers cut a file of 128 KiB or more into chunks parsed on separate threads, and
// must read it exactly as on one thread. Fuzz inputs are far smaller, so for one input in
// sixteen (those whose size is a multiple of 16) its rows are repeated after its header to
// about 136 KiB (two chunks). Empty for the other inputs and for one without a header line and
// rows.
inline std::string repeated_rows(std::string_view text) {
  constexpr std::size_t kTargetBytes = std::size_t{136} * 1024;
  if (text.size() % 16 != 0) return {};
  const std::size_t header_end = text.find('\n');
  if (header_end == std::string_view::npos || header_end + 1 == text.size()) return {};
  std::string rows(text.substr(header_end + 1));
  if (rows.back() != '\n') rows.push_back('\n');
  std::string out(text.substr(0, header_end + 1));
  out.reserve(kTargetBytes + rows.size());
  while (out.size() < kTargetBytes) out += rows;
  return out;
}

// Two readings that must be identical, refusals included (the same messages).
template <class T>
void check_identical(const Result<T>& first, const Result<T>& second, const char* what) {
  if (first.ok() != second.ok()) {
    fail(what, first.ok() ? second.error().message : first.error().message);
  }
  if (first.ok()) {
    check(*first == *second, what);
  } else {
    if (first.error().message != second.error().message) {
      fail(what, first.error().message + "\n----\n" + second.error().message);
    }
  }
}

}  // namespace fms::fuzz
