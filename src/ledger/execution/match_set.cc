// Match sets to and from their columnar segment.
#include "ledger/execution/match_set.h"

namespace fms::ledger {

store::EncodedSegment encode_match_set(const std::vector<recon::Match>& matches) {
  store::MatchColumns columns;
  const std::size_t n = matches.size();
  columns.delivery_document.reserve(n);
  columns.delivery_row.reserve(n);
  columns.receipt_document.reserve(n);
  columns.receipt_row.reserve(n);
  columns.rule.reserve(n);
  for (const recon::Match& m : matches) {
    columns.delivery_document.push_back(m.delivery_document);
    columns.delivery_row.push_back(m.delivery_row);
    columns.receipt_document.push_back(m.receipt_document);
    columns.receipt_row.push_back(m.receipt_row);
    columns.rule.push_back(static_cast<std::uint8_t>(m.rule));
  }
  return store::encode_segment(columns);
}

Result<std::vector<recon::Match>> decode_match_set(SharedBytes bytes) {
  FMS_ASSIGN_OR_RETURN(store::MatchColumns columns, store::decode_match_segment(std::move(bytes)));
  std::vector<recon::Match> matches(columns.size());
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const std::uint8_t rule = columns.rule[i];
    if (rule != static_cast<std::uint8_t>(recon::MatchRule::document_number) &&
        rule != static_cast<std::uint8_t>(recon::MatchRule::case_line_quantity)) {
      return Error::corruption("match set entry " + std::to_string(i) + " has unknown rule " +
                               std::to_string(rule));
    }
    matches[i] = recon::Match{columns.delivery_document[i], columns.delivery_row[i],
                              columns.receipt_document[i], columns.receipt_row[i],
                              static_cast<recon::MatchRule>(rule)};
  }
  return matches;
}

}  // namespace fms::ledger
