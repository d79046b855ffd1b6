// Names of LOA document kinds, as written in the JSON format ("basic", "amendment",
// "modification") and as printed on reports ("Basic LOA", "Amendment 2", "Modification 3").
// The data types themselves are plain structs in loa.h; the rules they must satisfy live in
// loa_rules.cc.
#include "core/loa.h"

#include <string>
#include <string_view>

namespace fms {

std::string_view to_string(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::basic:
      return "basic";
    case DocumentKind::amendment:
      return "amendment";
    case DocumentKind::modification:
      return "modification";
  }
  return "unknown";  // unreachable: every enumerator is handled above
}

Result<DocumentKind> document_kind_from_string(std::string_view text) {
  if (text == "basic") return DocumentKind::basic;
  if (text == "amendment") return DocumentKind::amendment;
  if (text == "modification") return DocumentKind::modification;
  return Error::invalid("unknown document kind \"" + std::string(text) +
                        "\"; expected \"basic\", \"amendment\" or \"modification\"");
}

std::string document_label(DocumentKind kind, int version) {
  switch (kind) {
    case DocumentKind::basic:
      return "Basic LOA";
    case DocumentKind::amendment:
      return "Amendment " + std::to_string(version);
    case DocumentKind::modification:
      return "Modification " + std::to_string(version);
  }
  return "Document " + std::to_string(version);  // unreachable
}

}  // namespace fms
