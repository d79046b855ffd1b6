// The demo portfolio under examples/ (demo.json and the case documents it names), compiled
// into the binary so `fmsledger demo` works from any directory.
#pragma once

#include <span>
#include <string_view>

namespace fms::ledger::demo_files {

struct EmbeddedFile {
  std::string_view name;     // path relative to examples/, e.g. "cases/tomahawk/00-basic.json"
  std::string_view content;  // exact bytes of the file
};

std::span<const EmbeddedFile> embedded_files();

}  // namespace fms::ledger::demo_files
