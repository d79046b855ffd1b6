// One numbering of every case line reconciliation meets.
//
// Each delivery listing and receipt file carries its own small dictionary of (case, line) keys,
// so the same line has different local numbers in different documents. The catalog collects the
// keys of every document, of the LOA lines (CaseInfo) and, as (case, ""), of every case named
// anywhere (cases, bills, payments), sorts them and numbers them in that order. Comparing two
// catalog ids therefore compares the keys as strings, with a case's own entry (line "") first;
// discrepancies are ordered by catalog id without touching a string. Each document's dictionary
// is mapped to catalog ids once, so a row's line is one array look-up.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "recon/recon.h"

namespace fms::recon {

inline constexpr std::uint32_t kNoLine = 0xFFFF'FFFFU;

class LineCatalog {
 public:
  explicit LineCatalog(const Portfolio& portfolio);

  [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(keys_.size()); }
  [[nodiscard]] const LineKey& key(std::uint32_t id) const { return keys_[id]; }
  // The id of (case, "") for the case of `id`.
  [[nodiscard]] std::uint32_t case_entry(std::uint32_t id) const { return case_entry_[id]; }
  // The LOA line for `id`, or nullptr when the case or the line is not in the portfolio's cases.
  [[nodiscard]] const LineInfo* line_info(std::uint32_t id) const { return line_info_[id]; }
  // The case of `id`, or nullptr when the case is not in the portfolio's cases.
  [[nodiscard]] const CaseInfo* case_info(std::uint32_t id) const {
    return case_info_[case_entry_[id]];
  }
  // Catalog id of (case_id, ""), or kNoLine if the case was not collected.
  [[nodiscard]] std::uint32_t find_case(std::string_view case_id) const;

  // Catalog ids of a document's dictionary entries, by local index.
  [[nodiscard]] std::span<const std::uint32_t> delivery_lines(std::size_t document) const {
    return delivery_lines_[document];
  }
  [[nodiscard]] std::span<const std::uint32_t> receipt_lines(std::size_t document) const {
    return receipt_lines_[document];
  }

 private:
  std::vector<LineKey> keys_;                      // sorted, unique
  std::vector<std::uint32_t> case_entry_;          // per id
  std::vector<const LineInfo*> line_info_;         // per id
  std::vector<const CaseInfo*> case_info_;         // per id; set on case entries
  std::vector<std::vector<std::uint32_t>> delivery_lines_;  // per delivery document
  std::vector<std::vector<std::uint32_t>> receipt_lines_;   // per receipt document
};

}  // namespace fms::recon
