// Typed, located access to reference-data JSON values (see json_fields.h).
#include "refdata/json_fields.h"

#include <algorithm>
#include <limits>

#include "core/json_pointer.h"
#include "io/strict_json.h"

namespace fms::refdata {
namespace {

using json_pointer::child;
using nlohmann::json;

std::string describe_pointer(const std::string& pointer) {
  return pointer.empty() ? std::string("(document root)") : pointer;
}

}  // namespace

Error fail(const Source& source, const std::string& pointer, const std::string& message) {
  return Error{source.kind, message}.at(source.name + ": " + describe_pointer(pointer));
}

std::string type_name(const json& value) {
  if (value.is_number_float()) return "a number with a fraction";
  if (value.is_number()) return "a number";
  if (value.is_boolean()) return "a boolean";
  if (value.is_null()) return "null";
  const std::string name = value.type_name();  // "object", "array", "string"
  const bool vowel = name.front() == 'a' || name.front() == 'o';
  return (vowel ? "an " : "a ") + name;
}

// ---- Syntax ---------------------------------------------------------------------------------

Result<json> parse_json(const Source& source, std::string_view text) {
  FMS_ASSIGN_OR_RETURN(io::StrictJson parsed,
                       io::parse_strict_json(text, source.name, source.kind));
  if (!parsed.duplicate_keys.empty()) {
    const io::DuplicateKey& first = parsed.duplicate_keys.front();
    return fail(source, first.pointer, first.message);
  }
  return std::move(parsed.value);
}

// ---- Typed field access ----------------------------------------------------------------------

// Checks that `value` is an object whose fields are all in `allowed`.
Status check_object(const Source& source, const json& value, const std::string& pointer,
                    const std::vector<std::string_view>& allowed) {
  if (!value.is_object()) {
    return fail(source, pointer, "must be a JSON object, got " + type_name(value));
  }
  for (const auto& [key, member] : value.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (std::string_view name : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(name);
      }
      return fail(source, child(pointer, key),
                  "unknown field \"" + key + "\"; allowed fields: " + list);
    }
  }
  return Status::Ok();
}

// The member `name` of `object`, or nullptr when absent and optional.
Result<const json*> member(const Source& source, const json& object, const std::string& pointer,
                           std::string_view name, bool required) {
  auto it = object.find(name);
  if (it == object.end()) {
    if (!required) return static_cast<const json*>(nullptr);
    return fail(source, pointer, "missing required field \"" + std::string(name) + "\"");
  }
  return &*it;
}

Result<std::string> string_value(const Source& source, const json& value,
                                 const std::string& pointer, std::size_t max_length) {
  if (!value.is_string()) {
    return fail(source, pointer, "must be a string, got " + type_name(value));
  }
  std::string text = value.get<std::string>();
  if (text.empty()) return fail(source, pointer, "must not be empty");
  if (text.size() > max_length) {
    return fail(source, pointer,
                "is " + std::to_string(text.size()) + " bytes long; the limit is " +
                    std::to_string(max_length));
  }
  return text;
}

Result<std::string> string_field(const Source& source, const json& object,
                                 const std::string& pointer, std::string_view name,
                                 std::size_t max_length) {
  FMS_ASSIGN_OR_RETURN(const json* value, member(source, object, pointer, name, true));
  return string_value(source, *value, child(pointer, name), max_length);
}

// An optional documentation string ("source", "description"): checked, then dropped.
Status optional_text(const Source& source, const json& object, const std::string& pointer,
                     std::string_view name, std::size_t max_length) {
  FMS_ASSIGN_OR_RETURN(const json* value, member(source, object, pointer, name, false));
  if (value == nullptr) return Status::Ok();
  FMS_TRY(string_value(source, *value, child(pointer, name), max_length));
  return Status::Ok();
}

Result<std::int64_t> integer_field(const Source& source, const json& object,
                                   const std::string& pointer, std::string_view name,
                                   std::int64_t min, std::int64_t max) {
  FMS_ASSIGN_OR_RETURN(const json* value, member(source, object, pointer, name, true));
  const std::string where = child(pointer, name);
  if (value->is_number_float()) {
    return fail(source, where,
                "must be a whole number, got " + value->dump() +
                    "; rates are in basis points and amounts in whole US dollars");
  }
  if (!value->is_number_integer()) {
    return fail(source, where, "must be a whole number, got " + type_name(*value));
  }
  std::int64_t number = 0;
  if (value->is_number_unsigned()) {
    auto unsigned_number = value->get<std::uint64_t>();
    if (unsigned_number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return fail(source, where,
                  "is out of range; allowed " + std::to_string(min) + " to " + std::to_string(max));
    }
    number = static_cast<std::int64_t>(unsigned_number);
  } else {
    number = value->get<std::int64_t>();
  }
  if (number < min || number > max) {
    return fail(source, where,
                "is " + std::to_string(number) + "; allowed " + std::to_string(min) + " to " +
                    std::to_string(max));
  }
  return number;
}

Result<CivilDate> date_field(const Source& source, const json& object, const std::string& pointer,
                             std::string_view name) {
  FMS_ASSIGN_OR_RETURN(std::string text, string_field(source, object, pointer, name, 10));
  Result<CivilDate> date = CivilDate::parse(text);
  if (!date.ok()) {
    return fail(source, child(pointer, name), date.error().message);
  }
  return date;
}

}  // namespace fms::refdata
