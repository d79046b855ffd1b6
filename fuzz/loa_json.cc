// The LOA document reader (io/loa_json.h) on any bytes, against the built-in reference data.
// Checked on every input: a refusal is invalid input; a document read is written in its
// canonical form, which reads back and writes again to the same bytes (the canonical form's
// SHA-256 identifies a document's content, so it must be a fixed point).
#include "io/loa_json.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using fms::fuzz::check;
  const std::string source = "fuzz-loa.json";
  const auto& reference = fms::fuzz::reference();
  const auto version =
      fms::io::parse_loa_version(fms::fuzz::as_text(data, size), source, reference);
  if (!version.ok()) {
    fms::fuzz::check_refusal(version.error());
    return 0;
  }
  const std::string canonical = fms::io::serialize_loa_version(*version);
  const auto again = fms::io::parse_loa_version(canonical, source, reference);
  check(again.ok(), "the canonical form of a document read reads back",
        again.ok() ? canonical : again.error().message);
  check(fms::io::serialize_loa_version(*again) == canonical, "the canonical form is a fixed point",
        canonical);
  return 0;
}
