// Reads about the record itself (records.h).
#include "query/records.h"

#include <nlohmann/json.hpp>
#include <set>

#include "ledger/access/access_ledger.h"

namespace fms::query {
namespace {

// The organisations the scope may audit; nullopt: every one (an auditor or administrator over
// "*"). An administrator over some organisations audits those only, like an auditor.
std::optional<std::set<std::string>> audit_reach(const ledger::Scope& scope) {
  if (scope.may_everywhere(ledger::Permission::verify)) return std::nullopt;
  const auto held = scope.organisations_where(ledger::Permission::verify);
  return std::set<std::string>(held.begin(), held.end());
}

bool within(const ledger::AccessBook& book, const std::set<std::string>& reach,
            std::string_view case_id) {
  const ledger::Organisation* owner = book.organisation_of_case(case_id);
  return owner != nullptr && reach.count(owner->id) != 0;
}

// Whether an audit event is about someone of the reach's organisations (and, for an export, a
// case of theirs).
bool audit_event_within(const ledger::AccessBook& book, const std::set<std::string>& reach,
                        const ledger::EventRecord& event) {
  const auto payload = nlohmann::json::parse(event.payload, nullptr, false);
  if (!payload.is_object()) return false;
  const auto user_name = payload.find("user");
  if (user_name == payload.end() || !user_name->is_string()) return false;
  const ledger::User* user = book.user(user_name->get<std::string>());
  if (user == nullptr ||
      std::none_of(user->grants.begin(), user->grants.end(), [&](const ledger::Grant& grant) {
        return reach.count(grant.organisation) != 0;
      })) {
    return false;
  }
  const auto case_id = payload.find("case");
  if (case_id != payload.end() && case_id->is_string() && !case_id->get<std::string>().empty()) {
    return within(book, reach, case_id->get<std::string>());
  }
  return true;
}

}  // namespace

Result<DocumentList> documents(const Reader& reader, const ledger::Scope& scope,
                               const ledger::DocumentFilter& filter) {
  DocumentList list;
  FMS_ASSIGN_OR_RETURN(list.book, reader.database().execution().load());
  list.rows = ledger::documents_in_scope(list.book, scope, filter);
  return list;
}

Result<std::vector<ledger::EventRecord>> audit_events(const Reader& reader,
                                                     const ledger::Scope& scope) {
  FMS_ASSIGN_OR_RETURN(auto events, reader.database().access().audit_events());
  if (const auto reach = audit_reach(scope)) {
    const ledger::AccessBook* book = scope.book();
    if (book == nullptr) return std::vector<ledger::EventRecord>();
    std::erase_if(events, [&](const ledger::EventRecord& event) {
      return !audit_event_within(*book, *reach, event);
    });
  }
  return events;
}

Result<ledger::VerifyReport> verify(const Reader& reader, const ledger::Scope& scope,
                                    const std::optional<std::string>& expected_head) {
  ledger::Verifier& verifier = reader.database().verifier();
  return expected_head ? verifier.verify(scope, *expected_head) : verifier.verify(scope);
}

}  // namespace fms::query
