// Free text as fmsledger accepts it: UTF-8, and no control characters.
//
// Every name, title, reason and note a person or a file gives us ends up in the hash-chained
// log, in JSON answers, CSV and .xlsx exports and in the request log. Text that is not UTF-8
// cannot be written as JSON, and a control character (U+0000 above all) cuts or corrupts it on
// the way out; since the log is append-only, one such value would break those outputs for good.
// So text is checked once, where it enters, and refused with a message that names the field.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace fms {

// Offset of the first byte of `text` that does not start a valid UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF are invalid), or text.size().
std::size_t first_invalid_utf8(std::string_view text);

inline bool is_utf8(std::string_view text) {
  return first_invalid_utf8(text) == text.size();
}

// Offset of the first control character (U+0000-U+001F, U+007F, and the C1 controls
// U+0080-U+009F), or text.size(). Line breaks and tabs count as control characters here;
// `multiline` lets "\n" (and "\r\n") through, for notes that are paragraphs.
std::size_t first_control_character(std::string_view text, bool multiline = false);

struct TextRule {
  std::size_t min_bytes = 1;
  std::size_t max_bytes = 4000;
  bool multiline = false;
};

// Ok, or Error::invalid located at `field` (a label, or a mention of a request field):
// "source: must be UTF-8 text (byte 3 is not)".
Status check_text(std::string_view field, std::string_view text, const TextRule& rule = {});

// `text` with every invalid UTF-8 byte replaced by U+FFFD and every control character but
// "\n" by U+FFFD: for echoing untrusted input back in a message.
std::string printable(std::string_view text);

}  // namespace fms
