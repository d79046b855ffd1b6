// Building the catalog: collect the distinct keys, sort and number them, then map each
// document's dictionary. The work is proportional to the dictionaries (thousands of keys per
// document), never to the rows; keys are deduplicated through a hash map first so that only the
// distinct ones are sorted.
#include "recon/line_catalog.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace fms::recon {
namespace {

// "case\0line": one string per key for hashing ('\0' never occurs in a case id).
std::string joined(std::string_view case_id, std::string_view line) {
  std::string out;
  out.reserve(case_id.size() + 1 + line.size());
  out.append(case_id);
  out.push_back('\0');
  out.append(line);
  return out;
}

class KeyCollector {
 public:
  void add(std::string_view case_id, std::string_view line) {
    if (ids_.try_emplace(joined(case_id, line), 0U).second) {
      keys_.push_back(LineKey{std::string(case_id), std::string(line)});
    }
  }
  template <typename Rows>
  void add_dictionaries(const std::vector<Document<Rows>>& documents) {
    for (const Document<Rows>& document : documents) {
      if (document.rows == nullptr) continue;
      for (const LineKey& key : document.rows->line_keys) add(key.case_id, key.line);
    }
  }
  // Sorts the keys, adds (case, "") for every case and numbers them; returns the sorted keys.
  std::vector<LineKey> number() {
    const std::size_t distinct = keys_.size();
    for (std::size_t i = 0; i < distinct; ++i) add(keys_[i].case_id, "");
    std::sort(keys_.begin(), keys_.end());
    for (std::uint32_t id = 0; id < keys_.size(); ++id) {
      ids_[joined(keys_[id].case_id, keys_[id].line)] = id;
    }
    return keys_;
  }
  [[nodiscard]] std::uint32_t id(std::string_view case_id, std::string_view line) const {
    return ids_.at(joined(case_id, line));
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<LineKey> keys_;
};

}  // namespace

LineCatalog::LineCatalog(const Portfolio& portfolio) {
  KeyCollector collector;
  for (const CaseInfo& info : portfolio.cases) {
    collector.add(info.case_id, "");
    for (const LineInfo& line : info.lines) collector.add(info.case_id, line.line);
  }
  collector.add_dictionaries(portfolio.deliveries);
  collector.add_dictionaries(portfolio.receipts);
  for (const Document<Bill>& bill : portfolio.bills) {
    if (bill.rows == nullptr) continue;
    for (const BillRow& row : bill.rows->rows) collector.add(row.case_id, "");
  }
  for (const Document<Payments>& payments : portfolio.payments) {
    if (payments.rows == nullptr) continue;
    for (const PaymentRow& row : payments.rows->rows) collector.add(row.case_id, "");
  }
  keys_ = collector.number();

  const std::size_t count = keys_.size();
  case_entry_.resize(count);
  line_info_.assign(count, nullptr);
  case_info_.assign(count, nullptr);
  std::uint32_t current_case = 0;
  for (std::uint32_t id = 0; id < count; ++id) {
    // (case, "") sorts before every other line of its case, and every case has that entry.
    if (keys_[id].line.empty()) current_case = id;
    case_entry_[id] = current_case;
  }
  // The first CaseInfo for a case, and the first LineInfo for a line, win.
  for (const CaseInfo& info : portfolio.cases) {
    const std::uint32_t case_id = collector.id(info.case_id, "");
    if (case_info_[case_id] == nullptr) case_info_[case_id] = &info;
    if (case_info_[case_id] != &info) continue;
    for (const LineInfo& line : info.lines) {
      const std::uint32_t line_id = collector.id(info.case_id, line.line);
      if (line_info_[line_id] == nullptr) line_info_[line_id] = &line;
    }
  }

  const auto map_dictionaries = [&collector](const auto& documents,
                                             std::vector<std::vector<std::uint32_t>>& out) {
    out.resize(documents.size());
    for (std::size_t d = 0; d < documents.size(); ++d) {
      if (documents[d].rows == nullptr) continue;
      for (const LineKey& key : documents[d].rows->line_keys) {
        out[d].push_back(collector.id(key.case_id, key.line));
      }
    }
  };
  map_dictionaries(portfolio.deliveries, delivery_lines_);
  map_dictionaries(portfolio.receipts, receipt_lines_);
}

std::uint32_t LineCatalog::find_case(std::string_view case_id) const {
  const auto at = std::lower_bound(keys_.begin(), keys_.end(), case_id,
                                   [](const LineKey& key, std::string_view wanted) {
                                     return key.case_id < wanted;
                                   });
  if (at == keys_.end() || at->case_id != case_id) return kNoLine;
  return static_cast<std::uint32_t>(at - keys_.begin());
}

}  // namespace fms::recon
