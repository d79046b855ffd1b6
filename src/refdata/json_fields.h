// Typed access to reference-data JSON: each function checks one value (object shape, a required
// member, a bounded string, an integer in range, a civil date) and fails with an error naming
// the file and the JSON Pointer of the value, e.g.
//   "override.json: /delivery_term_codes/0/meaning: must be a string, got a number".
// Reference data stops at its first problem (it is small and mostly built in), unlike LOA
// documents, which report every problem at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"

namespace fms::refdata {

// Where the input came from and what kind of error a problem in it is.
struct Source {
  std::string name;  // "codes.json" or the override file's name
  ErrorKind kind;
};

// An error at `pointer` of `source`.
Error fail(const Source& source, const std::string& pointer, const std::string& message);
// "a number with a fraction", "an object", ...
std::string type_name(const nlohmann::json& value);
// Strict parse (io/strict_json.h); the first duplicate key is an error.
Result<nlohmann::json> parse_json(const Source& source, std::string_view text);
// `value` is an object whose fields are all in `allowed`.
Status check_object(const Source& source, const nlohmann::json& value, const std::string& pointer,
                    const std::vector<std::string_view>& allowed);
// The member `name` of `object`, or nullptr when absent and optional.
Result<const nlohmann::json*> member(const Source& source, const nlohmann::json& object,
                                     const std::string& pointer, std::string_view name,
                                     bool required);
// A non-empty string of at most `max_length` bytes.
Result<std::string> string_value(const Source& source, const nlohmann::json& value,
                                 const std::string& pointer, std::size_t max_length);
Result<std::string> string_field(const Source& source, const nlohmann::json& object,
                                 const std::string& pointer, std::string_view name,
                                 std::size_t max_length);
// An optional documentation string ("source", "description"): checked, then dropped.
Status optional_text(const Source& source, const nlohmann::json& object, const std::string& pointer,
                     std::string_view name, std::size_t max_length);
// A whole number in [min, max]; a number with a fraction is refused.
Result<std::int64_t> integer_field(const Source& source, const nlohmann::json& object,
                                   const std::string& pointer, std::string_view name,
                                   std::int64_t min, std::int64_t max);
Result<CivilDate> date_field(const Source& source, const nlohmann::json& object,
                             const std::string& pointer, std::string_view name);

}  // namespace fms::refdata
