// The strict JSON reader (io/strict_json.h) on any bytes. Checked on every input:
//  - a refusal is invalid input, located as "SOURCE:...";
//  - every duplicate key is reported with a well-formed JSON Pointer to a member;
//  - a value read is written back (dump) and reads back as the same value, without duplicates.
#include "io/strict_json.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_support.h"

namespace {

using fms::fuzz::check;
using Json = nlohmann::json;

const std::string kSource = "fuzz.json";

// nlohmann reads a number beyond the range of a double ("1e999") as an infinity, which JSON
// cannot write back (dump writes null): such a value has no round trip to check.
bool all_numbers_finite(const Json& value) {
  switch (value.type()) {
    case Json::value_t::number_float:
      return std::isfinite(value.get<double>());
    case Json::value_t::array:
    case Json::value_t::object:
      for (const Json& item : value) {
        if (!all_numbers_finite(item)) return false;
      }
      return true;
    default:
      return true;
  }
}

void check_duplicate(const fms::io::DuplicateKey& duplicate) {
  check(!duplicate.message.empty(), "a duplicate key has a message");
  // The member need not be in the value: a repeated key further up may have replaced it.
  try {
    const Json::json_pointer pointer(duplicate.pointer);
    check(!pointer.empty(), "a duplicate key's pointer names a member", duplicate.pointer);
  } catch (const Json::exception&) {
    fms::fuzz::fail("a duplicate key's pointer is a JSON Pointer", duplicate.pointer);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = fms::io::parse_strict_json(fms::fuzz::as_text(data, size), kSource);
  if (!parsed.ok()) {
    fms::fuzz::check_refusal(parsed.error());
    check(parsed.error().message.rfind(kSource + ":", 0) == 0, "a refusal names the source",
          parsed.error().message);
    return 0;
  }
  for (const fms::io::DuplicateKey& duplicate : parsed->duplicate_keys) check_duplicate(duplicate);
  if (!all_numbers_finite(parsed->value)) return 0;
  const std::string written = parsed->value.dump();
  const auto again = fms::io::parse_strict_json(written, kSource);
  check(again.ok(), "a value written back reads back", again.ok() ? "" : again.error().message);
  check(again->value == parsed->value, "a value written back reads back as the same value",
        written);
  check(again->duplicate_keys.empty(), "a value written back has no duplicate keys");
  return 0;
}
