// The budget document reader (io/budget_json.h) on any bytes, against the built-in reference
// data. Checked on every input: a refusal is invalid input; a document read is written in its
// canonical form, which reads back and writes again to the same bytes (its SHA-256 identifies
// the content, so it must be a fixed point).
#include "io/budget_json.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using fms::fuzz::check;
  const std::string source = "fuzz-budget.json";
  const auto& reference = fms::fuzz::reference();
  const auto document =
      fms::io::parse_budget_document(fms::fuzz::as_text(data, size), source, reference);
  if (!document.ok()) {
    fms::fuzz::check_refusal(document.error());
    return 0;
  }
  const std::string canonical = fms::io::serialize_budget_document(*document);
  const auto again = fms::io::parse_budget_document(canonical, source, reference);
  check(again.ok(), "the canonical form of a document read reads back",
        again.ok() ? canonical : again.error().message);
  check(fms::io::serialize_budget_document(*again) == canonical,
        "the canonical form is a fixed point", canonical);
  return 0;
}
