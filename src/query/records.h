// Reads about the record itself, over the caller's scope (query/reader.h): the execution
// documents, the audit stream and the verification of the log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "ledger/access/scope.h"
#include "ledger/execution/document_list.h"
#include "ledger/execution/execution_book.h"
#include "query/reader.h"

namespace fms::query {

// The execution documents the scope sees (ledger/execution/document_list.h), in the order
// recorded. The rows point into `book`, which the list owns: it moves, it is never copied.
struct DocumentList {
  ledger::ExecutionBook book;
  std::vector<ledger::ListedDocument> rows;

  DocumentList() = default;
  DocumentList(DocumentList&&) = default;
  DocumentList& operator=(DocumentList&&) = default;
  DocumentList(const DocumentList&) = delete;
  DocumentList& operator=(const DocumentList&) = delete;
  ~DocumentList() = default;
};
Result<DocumentList> documents(const Reader& reader, const ledger::Scope& scope,
                               const ledger::DocumentFilter& filter);

// The audit stream as the scope may audit it: all of it over every organisation ("*"); over
// some organisations, the events of their people (a user with a grant naming one of them), and
// an export only when its case is one of theirs.
Result<std::vector<ledger::EventRecord>> audit_events(const Reader& reader,
                                                     const ledger::Scope& scope);

// Checks the whole log (ledger::Verifier::verify), counting what the scope reads; with
// `expected_head`, the chain must still hold that head.
Result<ledger::VerifyReport> verify(const Reader& reader, const ledger::Scope& scope,
                                    const std::optional<std::string>& expected_head);

}  // namespace fms::query
