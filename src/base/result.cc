// Spelling the fields an error names (see result.h).
#include "base/result.h"

#include <cctype>

namespace fms {
namespace {

constexpr std::string_view kMentionOpen = "@{";

bool name_char(char c) {
  return std::islower(static_cast<unsigned char>(c)) != 0 ||
         std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '_';
}

}  // namespace

std::string spell_field(std::string_view name, Spelling spelling) {
  switch (spelling) {
    case Spelling::neutral:
      return std::string(name);
    case Spelling::option: {
      std::string option = "--";
      for (char c : name) option += c == '_' ? '-' : c;
      return option;
    }
    case Spelling::pointer:
      return "/" + std::string(name);
  }
  return std::string(name);
}

std::string mention(std::string_view name) {
  return std::string(kMentionOpen) + std::string(name) + "}";
}

std::string spell_mentions(std::string_view text, Spelling spelling) {
  std::string out;
  out.reserve(text.size());
  std::size_t from = 0;
  for (std::size_t at = text.find(kMentionOpen); at != std::string_view::npos;
       at = text.find(kMentionOpen, at + 1)) {
    std::size_t end = at + kMentionOpen.size();
    while (end < text.size() && name_char(text[end])) ++end;
    if (end == at + kMentionOpen.size() || end >= text.size() || text[end] != '}') continue;
    out.append(text.substr(from, at - from));
    out += spell_field(text.substr(at + kMentionOpen.size(), end - at - kMentionOpen.size()),
                       spelling);
    from = end + 1;
  }
  out.append(text.substr(from));
  return out;
}

std::string Error::text(Spelling spelling) const {
  return spell_mentions(message, spelling);
}

}  // namespace fms
