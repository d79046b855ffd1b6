#include "ledger/execution/document_list.h"

namespace fms::ledger {

std::vector<ListedDocument> documents_in_scope(const ExecutionBook& book, const Scope& scope,
                                               const DocumentFilter& filter) {
  std::vector<ListedDocument> listed;
  for (const ExecutionDocument& document : book.documents) {
    if (filter.kind && document.record.kind != *filter.kind) continue;
    if (document.superseded_by && !filter.include_superseded) continue;
    ListedDocument item{&document, {}, true};
    for (const std::string& case_id : document.record.cases) {
      if (scope.may_read(case_id)) {
        item.cases.push_back(case_id);
      } else {
        item.whole = false;
      }
    }
    if (!item.cases.empty()) listed.push_back(std::move(item));
  }
  return listed;
}

}  // namespace fms::ledger
