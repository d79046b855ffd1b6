// Loads reference data: the tables compiled into the binary (refdata/*.json), optionally
// overridden by a run-time JSON file of the same shape. An override replaces whole entries by
// code and adds dated rows; it never silently drops a table. Every problem is reported with
// the file name and JSON location.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "core/reference_data.h"

namespace fms::refdata {

// The built-in tables. Fails only if the embedded files are broken (a build defect).
Result<ReferenceData> load_builtin();

// Built-in tables with `override_json` (content of the file `source_name`) applied on top.
Result<ReferenceData> load_with_override(std::string_view override_json,
                                         const std::string& source_name);

// Reads `path` and applies it on top of the built-in tables.
Result<ReferenceData> load_with_override_file(const std::string& path);

}  // namespace fms::refdata
