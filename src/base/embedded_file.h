// A data file compiled into the binary (cmake/embed_refdata.cmake writes the table), so that
// fmsledger runs from any directory without data files: the reference data, the demo portfolio
// and the OpenAPI document.
#pragma once

#include <string_view>

namespace fms::base {

struct EmbeddedFile {
  std::string_view name;     // path relative to the embedded folder, e.g. "codes.json"
  std::string_view content;  // exact bytes of the file
};

}  // namespace fms::base
