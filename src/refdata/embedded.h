// The reference-data JSON files under refdata/, compiled into the binary at build time
// (cmake/embed_refdata.cmake), so fmsledger runs from any directory without data files.
#pragma once

#include <span>
#include <string_view>

#include "base/embedded_file.h"

namespace fms::refdata {

using base::EmbeddedFile;

std::span<const EmbeddedFile> embedded_files();

}  // namespace fms::refdata
