// The reference-data JSON files under refdata/, compiled into the binary at build time
// (cmake/embed_refdata.cmake), so fmsledger runs from any directory without data files.
#pragma once

#include <span>
#include <string_view>

namespace fms::refdata {

struct EmbeddedFile {
  std::string_view name;     // file name, e.g. "codes.json"
  std::string_view content;  // exact bytes of the file
};

std::span<const EmbeddedFile> embedded_files();

}  // namespace fms::refdata
