// The execution documents a scope may see: one query for every front end (`fmsledger
// documents`, GET /api/documents).
//
// A document is listed when the scope may read at least one case it names, with only those
// cases. A document that also names cases the scope may not read (a listing that covers two
// purchasers' cases) is shown partially: its row count, file name, reason and the person who
// recorded it describe the other purchaser's rows too, so they are withheld.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ledger/access/scope.h"
#include "ledger/execution/execution_book.h"

namespace fms::ledger {

struct ListedDocument {
  const ExecutionDocument* document = nullptr;
  std::vector<std::string> cases;  // the cases the scope may read
  bool whole = true;               // false: it names cases the scope may not read
};

struct DocumentFilter {
  std::optional<ExecutionKind> kind;
  bool include_superseded = false;
};

// In the order recorded.
std::vector<ListedDocument> documents_in_scope(const ExecutionBook& book, const Scope& scope,
                                               const DocumentFilter& filter);

}  // namespace fms::ledger
