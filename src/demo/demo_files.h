// The demo portfolio under examples/ (demo.json and the case documents it names), compiled
// into the binary so `fmsledger demo` works from any directory.
#pragma once

#include <span>
#include <string_view>

#include "base/embedded_file.h"

namespace fms::demo::files {

using base::EmbeddedFile;

std::span<const EmbeddedFile> embedded_files();

}  // namespace fms::demo::files
