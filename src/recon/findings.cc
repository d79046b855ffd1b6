// Filing, ordering and merging discrepancies.
#include "recon/findings.h"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <tuple>

namespace fms::recon {
namespace {

const std::string& first_document(const Discrepancy& d) {
  static const std::string none;
  return d.documents.empty() ? none : d.documents.front();
}

}  // namespace

void Findings::add(DiscrepancyType type, std::uint32_t line_id, std::vector<std::string> documents,
                   std::int64_t usd_cents, std::int32_t arose, NextAction action) {
  Entry e;
  e.line_id = line_id;
  Discrepancy& d = e.discrepancy;
  d.type = type;
  const LineKey& key = catalog_.key(line_id);
  d.case_id = key.case_id;
  d.line = key.line;
  d.documents = std::move(documents);
  d.usd_cents = usd_cents;
  d.arose = CivilDate::from_serial(arose);
  d.age_days = std::max<std::int64_t>(0, std::int64_t{as_of_} - arose);
  d.next_action = std::move(action.text);
  d.action_due = action.due;
  entries_.push_back(std::move(e));
  sorted_ = entries_.size() <= 1;
}

bool Findings::precedes(const Entry& a, const Entry& b) {
  if (a.line_id != b.line_id) return a.line_id < b.line_id;
  const Discrepancy& x = a.discrepancy;
  const Discrepancy& y = b.discrepancy;
  if (x.type != y.type) return x.type < y.type;
  if (const int c = first_document(x).compare(first_document(y)); c != 0) return c < 0;
  return std::tie(x.arose, x.documents, x.usd_cents, x.next_action, x.action_due) <
         std::tie(y.arose, y.documents, y.usd_cents, y.next_action, y.action_due);
}

void Findings::sort() {
  if (sorted_) return;
  // Sorting positions moves only integers; each entry is then moved once.
  std::vector<std::uint32_t> order(entries_.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
    return precedes(entries_[a], entries_[b]);
  });
  base::HugeVector<Entry> in_order;
  in_order.reserve(entries_.size());
  for (const std::uint32_t i : order) in_order.push_back(std::move(entries_[i]));
  entries_ = std::move(in_order);
  sorted_ = true;
}

void Findings::append(Findings&& other) {
  if (sorted_ && other.sorted_) {
    base::HugeVector<Entry> merged;
    merged.reserve(entries_.size() + other.entries_.size());
    std::merge(std::make_move_iterator(entries_.begin()), std::make_move_iterator(entries_.end()),
               std::make_move_iterator(other.entries_.begin()),
               std::make_move_iterator(other.entries_.end()), std::back_inserter(merged), precedes);
    entries_ = std::move(merged);
  } else {
    entries_.insert(entries_.end(), std::make_move_iterator(other.entries_.begin()),
                    std::make_move_iterator(other.entries_.end()));
    sorted_ = entries_.size() <= 1;
  }
  other.entries_.clear();
  other.sorted_ = true;
}

std::vector<Discrepancy> Findings::take_sorted() {
  sort();
  std::vector<Discrepancy> out;
  out.reserve(entries_.size());
  for (Entry& e : entries_) out.push_back(std::move(e.discrepancy));
  entries_.clear();
  return out;
}

std::string delivery_reference(std::string_view document_number) {
  std::string out = "delivery ";
  out += document_number;
  return out;
}

std::string receipt_reference(std::string_view receipt_id) {
  std::string out = "receipt ";
  out += receipt_id;
  return out;
}

}  // namespace fms::recon
