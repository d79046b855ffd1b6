// Collects discrepancies as classify finds them and hands them back in the documented order:
// case, line ("" first), type (enum order), first document, date arisen; remaining ties are
// broken on every other field so the order never depends on the order of discovery.
//
// A discrepancy is filed under a catalog id (see line_catalog.h) whose order is the (case, line)
// string order, so most comparisons are between integers; strings are compared only between
// discrepancies of the same type on the same line. Collections built in parallel are sorted by
// their own worker and then merged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/huge_pages.h"
#include "recon/line_catalog.h"
#include "recon/next_action.h"
#include "recon/recon.h"

namespace fms::recon {

class Findings {
 public:
  Findings(const LineCatalog& catalog, const CivilDate& as_of)
      : catalog_(catalog), as_of_(as_of.serial()) {}

  void add(DiscrepancyType type, std::uint32_t line_id, std::vector<std::string> documents,
           std::int64_t usd_cents, std::int32_t arose, NextAction action);

  // Puts the discrepancies in order.
  void sort();
  // Moves `other`'s discrepancies into this collection; merges when both are in order.
  void append(Findings&& other);

  [[nodiscard]] std::vector<Discrepancy> take_sorted();

 private:
  struct Entry {
    std::uint32_t line_id = 0;
    Discrepancy discrepancy;
  };
  static bool precedes(const Entry& a, const Entry& b);

  const LineCatalog& catalog_;
  std::int32_t as_of_;
  base::HugeVector<Entry> entries_;
  bool sorted_ = true;
};

// Document references as discrepancies print them.
std::string delivery_reference(std::string_view document_number);  // "delivery JAP0015123A001"
std::string receipt_reference(std::string_view receipt_id);        // "receipt RCV-0001"

}  // namespace fms::recon
