// Case reads over the caller's scope (query/reader.h): the portfolio, one case as it stood, a
// diff between two of its documents, its AECA 36(b) check and its history. A case the scope does
// not read is answered exactly as one never recorded (ledger::case_not_found).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "core/loa.h"
#include "core/loa_rules.h"
#include "core/notification.h"
#include "ledger/cases/case_state.h"
#include "ledger/access/scope.h"
#include "query/reader.h"

namespace fms::query {

// The cases the scope reads, by case id.
Result<std::vector<ledger::CaseSummaryRow>> portfolio(const Reader& reader,
                                                     const ledger::Scope& scope,
                                                     const ledger::CaseFilter& filter);

// Whether the scope reads `case_id` (normalised): false alike for a case never recorded and
// for another organisation's, so that an answer built on it tells the two apart for no one.
Result<bool> case_readable(const Reader& reader, const ledger::Scope& scope,
                           const std::string& case_id);

// One case: as it stood (`as_of`; its current state without one) and the document to show.
struct CaseView {
  ledger::CaseState state;
  std::optional<int> version;        // the document asked for; its current one without
  std::int64_t latest_sequence = 0;  // the case's last event now, whatever `as_of` (an ETag)

  [[nodiscard]] const LoaVersion& document() const;
};
// A version the case does not have is an error about the field "version".
Result<CaseView> case_view(const Reader& reader, const ledger::Scope& scope,
                           const std::string& case_id, const ledger::AsOf& as_of = {},
                           std::optional<int> version = std::nullopt);

// The line-level differences between two documents of a case.
struct CaseDiff {
  std::string case_id;
  LoaVersion from;
  LoaVersion to;
  std::vector<LineDifference> differences;
};
Result<CaseDiff> case_diff(const Reader& reader, const ledger::Scope& scope,
                           const std::string& case_id, int from, int to);

// Whether a document of the case (its current one without `version`) needs AECA 36(b)
// congressional notification.
struct CaseNotification {
  std::string case_id;
  LoaVersion document;
  NotificationCheck check;
};
Result<CaseNotification> case_notification(const Reader& reader, const ledger::Scope& scope,
                                           const std::string& case_id, std::optional<int> version);

// Every event of the case, for a scope that reads its history (Permission::read_history).
Result<std::vector<ledger::EventRecord>> case_history(const Reader& reader,
                                                     const ledger::Scope& scope,
                                                     const std::string& case_id);

}  // namespace fms::query
