// Strict JSON parsing for every JSON input fmsledger reads (LOA documents, reference data).
// nlohmann::json silently keeps the last of two equal keys in an object; here every repeated
// key is reported with its JSON Pointer. A syntax error is reported as
// "<source>:<line>:<column>: not valid JSON: <what is wrong>".
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace fms::io {

struct DuplicateKey {
  std::string pointer;  // "/lines/0/quantity": the repeated member
  std::string message;  // "field \"quantity\" appears more than once in the same object; ..."
};

struct StrictJson {
  nlohmann::json value;
  std::vector<DuplicateKey> duplicate_keys;  // empty when every object's keys are unique
};

// `kind` is the error kind of a syntax error (invalid_input for user files; internal for
// files compiled into the binary).
Result<StrictJson> parse_strict_json(std::string_view text, const std::string& source,
                                     ErrorKind kind = ErrorKind::invalid_input);

}  // namespace fms::io
