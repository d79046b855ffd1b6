// Case reads over the caller's scope (cases.h).
#include "query/cases.h"

#include <algorithm>

namespace fms::query {
namespace {

// The version of the case, or an error naming the versions it has.
Result<const LoaVersion*> version_of(const ledger::CaseState& state, int version) {
  const auto* recorded = state.find_version(version);
  if (recorded == nullptr) {
    return Error::not_found("case " + state.case_id + " has no version " + std::to_string(version) +
                            " (versions 0 to " + std::to_string(state.latest().version) + ")")
        .at_field("version");
  }
  return &recorded->document;
}

}  // namespace

const LoaVersion& CaseView::document() const {
  if (version) {
    if (const auto* recorded = state.find_version(*version)) return recorded->document;
  }
  return state.current();
}

Result<std::vector<ledger::CaseSummaryRow>> portfolio(const Reader& reader,
                                                      const ledger::Scope& scope,
                                                      const ledger::CaseFilter& filter) {
  FMS_ASSIGN_OR_RETURN(auto rows, reader.database().cases().list_cases(filter, scope));
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.case_id < b.case_id; });
  return rows;
}

Result<bool> case_readable(const Reader& reader, const ledger::Scope& scope,
                           const std::string& case_id) {
  ledger::CaseFilter one;
  one.case_id = case_id;
  FMS_ASSIGN_OR_RETURN(const auto rows, reader.database().cases().list_cases(one, scope));
  return !rows.empty();
}

Result<CaseView> case_view(const Reader& reader, const ledger::Scope& scope,
                           const std::string& case_id, const ledger::AsOf& as_of,
                           std::optional<int> version) {
  FMS_ASSIGN_OR_RETURN(ledger::CaseState current,
                       reader.database().cases().load_case(case_id, scope));
  CaseView view;
  view.latest_sequence = current.last_sequence;
  if (as_of.business_date || as_of.recorded_at_most) {
    FMS_ASSIGN_OR_RETURN(view.state, reader.database().cases().load_case(case_id, scope, as_of));
  } else {
    view.state = std::move(current);
  }
  if (version) {
    FMS_TRY(version_of(view.state, *version));
    view.version = version;
  }
  return view;
}

Result<CaseDiff> case_diff(const Reader& reader, const ledger::Scope& scope,
                           const std::string& case_id, int from, int to) {
  FMS_ASSIGN_OR_RETURN(const ledger::CaseState state,
                       reader.database().cases().load_case(case_id, scope));
  const auto* a = state.find_version(from);
  const auto* b = state.find_version(to);
  if (a == nullptr || b == nullptr) {
    return Error::not_found("case " + state.case_id + " has versions 0 to " +
                            std::to_string(state.latest().version) + "; no version " +
                            std::to_string(a == nullptr ? from : to));
  }
  return CaseDiff{state.case_id, a->document, b->document, diff_lines(a->document, b->document)};
}

Result<CaseNotification> case_notification(const Reader& reader, const ledger::Scope& scope,
                                           const std::string& case_id, std::optional<int> version) {
  FMS_ASSIGN_OR_RETURN(const ledger::CaseState state,
                       reader.database().cases().load_case(case_id, scope));
  const LoaVersion* document = &state.latest();  // the offer, signed or not
  if (version) {
    const auto* recorded = state.find_version(*version);
    if (recorded == nullptr) {
      return Error::not_found("case " + state.case_id + " has no version " +
                              std::to_string(*version))
          .at_field("version");
    }
    document = &recorded->document;
  }
  FMS_ASSIGN_OR_RETURN(NotificationCheck check,
                       check_notification(*document, reader.database().cases().reference()));
  return CaseNotification{state.case_id, *document, std::move(check)};
}

Result<std::vector<ledger::EventRecord>> case_history(const Reader& reader,
                                                      const ledger::Scope& scope,
                                                      const std::string& case_id) {
  return reader.database().cases().history(case_id, scope);
}

}  // namespace fms::query
